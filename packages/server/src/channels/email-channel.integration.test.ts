import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import nodemailer, { type Transporter } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient } from "../testing/api-client.js";
import { RealtimeClient } from "../testing/realtime-client.js";
import { describeEachStore } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";

type Conversation = {
  id: string;
  status: string;
  ticketToken: string;
  customerId: string | null;
  currentInteractionId: string | null;
  messages: {
    id: string;
    direction: string;
    providerMessageId: string | null;
    deliveryStatus: string;
    automated: string | null;
    parseProblem: string | null;
    bodyText: string;
    bodyHtmlSanitized: string | null;
    attachments: { id: string; fileName: string; sizeBytes: number }[];
  }[];
};
type Sunk = {
  from: string;
  to: string[];
  headers: Map<string, unknown>;
  subject: string;
  text: string;
  messageId: string;
};

const MAILBOX = "support@acme.test";
const MAX_BYTES = 200_000;

/** Waits for a condition that background work (SMTP, outbox) makes true, failing with what it last saw. */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * The email channel over real SMTP: nodemailer sends to Sentra's receiver, and a second smtp-server in this
 * test plays the relay that agent replies go out through.
 */
describeEachStore("email channel over SMTP", (target) => {
  let platform: TestPlatform;
  let admin: ApiClient;
  let agent: ApiClient;
  let agentId: string;
  let queueId: string;
  let relay: SMTPServer;
  const sunk: Sunk[] = [];
  let mail: Transporter;

  beforeAll(async () => {
    relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        void simpleParser(stream).then((parsed) => {
          sunk.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            headers: parsed.headers,
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            messageId: parsed.messageId ?? "",
          });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const relayPort = (relay.server.address() as AddressInfo).port;
    platform = await startTestPlatform(target, {
      SENTRA_SMTP_RELAY_URL: `smtp://127.0.0.1:${relayPort}`,
      SENTRA_SMTP_MAX_BYTES: String(MAX_BYTES),
    });
    mail = nodemailer.createTransport({
      host: "127.0.0.1",
      port: platform.smtpPort!,
      secure: false,
      ignoreTLS: true,
    });
    const anonymous = new ApiClient(platform.app);
    admin = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    agentId = (
      await admin.post<{ id: string }>("/api/v1/users", {
        email: "wulan@acme.test",
        displayName: "Wulan",
        role: "agent",
        password: "wulan-password-123",
      })
    ).body.id;
    agent = await anonymous.login("wulan@acme.test", "wulan-password-123");
    queueId = (
      await admin.post<{ id: string }>("/api/v1/queues", { name: "Email", settings: { channels: ["email"] } })
    ).body.id;
    expect(
      (await admin.request("PUT", `/api/v1/agents/${agentId}/profile`, { capacity: { max: { email: 5 } } }))
        .status,
    ).toBe(200);
    await agent.request("PUT", "/api/v1/agents/me/state", { state: "available" });
    const mailbox = await admin.post("/api/v1/channels/email-addresses", {
      address: "Support@Acme.test",
      queueId,
    });
    expect(mailbox.status).toBe(201);
    expect(mailbox.body).toMatchObject({ address: MAILBOX, queueId });
  });
  afterAll(async () => {
    mail?.close();
    await platform?.dispose();
    await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
  });

  const conversationsOf = async (query = "") =>
    (await admin.get<{ items: { id: string }[] }>(`/api/v1/conversations?limit=200${query}`)).body.items;
  const detail = async (id: string) => (await admin.get<Conversation>(`/api/v1/conversations/${id}`)).body;
  const messageCount = async () => {
    let total = 0;
    for (const c of await conversationsOf()) total += (await detail(c.id)).messages.length;
    return total;
  };

  it("turns a mail into a routed email interaction, sends the agent's reply with threading headers and threads the answer", async () => {
    const rina = await admin.post<{ id: string }>("/api/v1/customers", {
      fullName: "Rina Wijaya",
      emails: ["rina@customer.test"],
    });
    const sent = await mail.sendMail({
      from: '"Rina" <RINA@customer.test>',
      to: MAILBOX,
      subject: "Kartu saya diblokir",
      text: "Tolong buka blokir kartu saya.",
      html: '<p>Tolong <b>buka</b> blokir<script>alert(1)</script><img src="https://tracker.test/p.gif"></p>',
    });
    expect(sent.accepted).toEqual([MAILBOX]);

    const [summary] = await eventually(async () => {
      const items = await conversationsOf(`&customerId=${rina.body.id}`);
      return items.length > 0 ? items : undefined;
    }, "the conversation");
    const conversation = await detail(summary!.id);
    expect(conversation).toMatchObject({ status: "open", customerId: rina.body.id });
    expect(conversation.messages).toHaveLength(1);
    const inbound = conversation.messages[0]!;
    expect(inbound).toMatchObject({
      direction: "inbound",
      providerMessageId: sent.messageId,
      deliveryStatus: "received",
    });
    expect(inbound.bodyHtmlSanitized).toContain("<b>buka</b>");
    expect(inbound.bodyHtmlSanitized).not.toMatch(/script|img|tracker/);

    const interactionId = conversation.currentInteractionId!;
    const interaction = await agent.get<{ channel: string; agentId?: string; state: string }>(
      `/api/v1/interactions/${interactionId}`,
    );
    expect(interaction.body).toMatchObject({ channel: "email", agentId, state: "offered" });
    expect((await agent.post(`/api/v1/interactions/${interactionId}/accept`)).status).toBe(200);
    const byInteraction = await agent.get<Conversation>(
      `/api/v1/conversations/by-interaction/${interactionId}`,
    );
    expect(byInteraction.body.id).toBe(conversation.id);

    const reply = await agent.post<{ id: string; providerMessageId: string; deliveryStatus: string }>(
      `/api/v1/conversations/${conversation.id}/messages`,
      { body: "Kartu Anda sudah kami buka kembali." },
    );
    expect(reply.status).toBe(201);
    expect(reply.body.deliveryStatus).toBe("queued");
    const out = await eventually(
      async () => sunk.find((s) => s.messageId === reply.body.providerMessageId),
      "the relayed reply",
    );
    expect(out.to).toEqual(["rina@customer.test"]);
    expect(out.from).toBe(MAILBOX);
    expect(out.headers.get("in-reply-to")).toBe(sent.messageId);
    expect([out.headers.get("references")].flat()).toContain(sent.messageId);
    expect(out.subject).toBe(`Re: Kartu saya diblokir [#${conversation.ticketToken}]`);
    expect(out.text).toContain("Kartu Anda sudah kami buka kembali.");
    await eventually(async () => {
      const m = (await detail(conversation.id)).messages.find((x) => x.id === reply.body.id);
      return m?.deliveryStatus === "sent" ? m : undefined;
    }, "the reply marked sent");

    await admin.post("/api/v1/users", {
      email: "yogi@acme.test",
      displayName: "Yogi",
      role: "agent",
      password: "yogi-password-123",
    });
    const colleague = await new ApiClient(platform.app).login("yogi@acme.test", "yogi-password-123");
    const cut = await colleague.post<{ error: { code: string } }>(
      `/api/v1/conversations/${conversation.id}/messages`,
      {
        body: "Saya juga mau jawab",
      },
    );
    expect(cut.status).toBe(403);
    const note = await agent.post(`/api/v1/conversations/${conversation.id}/notes`, {
      body: "Nasabah terverifikasi.",
    });
    expect(note.body).toMatchObject({ direction: "internal_note" });

    const socket = await RealtimeClient.connect(platform.url, agent.token!);
    await socket.subscribe(`agent:${agentId}`);
    const answer = await mail.sendMail({
      from: "rina@customer.test",
      to: MAILBOX,
      subject: out.subject,
      text: "Terima kasih!",
      inReplyTo: out.messageId,
      references: [sent.messageId!, out.messageId],
    });
    const threaded = await eventually(async () => {
      const c = await detail(conversation.id);
      return c.messages.length === 4 ? c : undefined;
    }, "the answer in the same conversation");
    const pushed = await socket.next((m) => m.event?.type === "conversation.message_added");
    expect(pushed.event?.data).toMatchObject({
      conversationId: conversation.id,
      messageId: threaded.messages[3]!.id,
      interactionId,
    });
    socket.close();
    expect(threaded.messages.map((m) => m.direction)).toEqual([
      "inbound",
      "outbound",
      "internal_note",
      "inbound",
    ]);
    expect(threaded.messages[3]!.providerMessageId).toBe(answer.messageId);
    // The agent still holds the interaction, so the answer joins it instead of queueing new work.
    expect(threaded.currentInteractionId).toBe(interactionId);
    // The internal note never left Sentra.
    expect(sunk.filter((s) => s.text.includes("terverifikasi"))).toHaveLength(0);

    // Once the agent has finished, the customer writing again is new work on the same conversation.
    expect((await agent.post(`/api/v1/interactions/${interactionId}/complete`)).status).toBe(200);
    expect((await agent.post(`/api/v1/interactions/${interactionId}/wrap-up`, {})).status).toBe(200);
    await mail.sendMail({
      from: "rina@customer.test",
      to: MAILBOX,
      subject: out.subject,
      text: "Kartunya terblokir lagi.",
      inReplyTo: answer.messageId,
      references: [sent.messageId!, out.messageId, answer.messageId!],
    });
    const reopened = await eventually(async () => {
      const c = await detail(conversation.id);
      return c.messages.length === 5 ? c : undefined;
    }, "the new mail on the finished conversation");
    expect(reopened.currentInteractionId).not.toBeNull();
    expect(reopened.currentInteractionId).not.toBe(interactionId);
    const old = await agent.get<Conversation>(`/api/v1/conversations/by-interaction/${interactionId}`);
    expect(old.body.id).toBe(conversation.id);
  });

  it("creates a customer for an unknown sender and threads by the subject token when headers are missing", async () => {
    await mail.sendMail({
      from: '"Joko Susilo" <joko@stranger.test>',
      to: MAILBOX,
      subject: "Pinjaman",
      text: "Halo",
    });
    const convo = await eventually(async () => {
      for (const c of await conversationsOf()) {
        const d = await detail(c.id);
        if (d.messages[0]?.bodyText.includes("Halo")) return d;
      }
      return undefined;
    }, "the stranger's conversation");
    expect(convo.customerId).not.toBeNull();
    const customer = await platform.services.db
      .selectFrom("customers")
      .select(["full_name", "emails"])
      .where("id", "=", convo.customerId!)
      .executeTakeFirstOrThrow();
    expect(customer).toEqual({ full_name: "Joko Susilo", emails: ["joko@stranger.test"] });

    await mail.sendMail({
      from: "joko@stranger.test",
      to: MAILBOX,
      subject: `Re: Pinjaman [#${convo.ticketToken.toLowerCase()}]`,
      text: "Ada kabar?",
      attachments: [{ filename: "../../ktp.txt", content: "data ktp" }],
    });
    const again = await eventually(async () => {
      const d = await detail(convo.id);
      return d.messages.length === 2 ? d : undefined;
    }, "the token-threaded mail");
    const file = again.messages[1]!.attachments[0]!;
    expect(file).toMatchObject({ fileName: "ktp.txt", sizeBytes: 8 });
    const download = await platform.app.inject({
      method: "GET",
      url: `/api/v1/attachments/${file.id}`,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe("data ktp");
    expect(download.headers["content-disposition"]).toMatch(/^attachment; filename="ktp.txt"/);
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("refuses unknown recipients and oversized mail, keeps broken and automated mail unrouted, and stays up", async () => {
    const conversationsBefore = (await conversationsOf()).length;
    const messagesBefore = await messageCount();

    const unknown = await mail
      .sendMail({ from: "a@x.test", to: "nobody@acme.test", subject: "?", text: "?" })
      .catch((e: { responseCode?: number; response?: string }) => e);
    expect(unknown).toMatchObject({ responseCode: 550 });
    expect((unknown as { response: string }).response).toMatch(/no such mailbox/);

    const huge = await mail
      .sendMail({
        from: "rina@customer.test",
        to: MAILBOX,
        subject: "Foto",
        text: "lampiran",
        attachments: [{ filename: "big.bin", content: Buffer.alloc(MAX_BYTES * 2, 7) }],
      })
      .catch((e: { responseCode?: number }) => e);
    expect(huge).toMatchObject({ responseCode: 552 });
    expect((await conversationsOf()).length).toBe(conversationsBefore);
    expect(await messageCount()).toBe(messagesBefore);

    const broken = [
      "From: broken@customer.test",
      `To: ${MAILBOX}`,
      "Subject: rusak",
      "Message-ID: <broken-1@customer.test>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="never-closed"',
      "",
      "--never-closed",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: base64",
      "",
      "@@@ not base64 at all @@@",
      "--never-closed",
      "Content-Type: application/pdf; name=x.pdf",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "=ZZ=Q=",
    ].join("\r\n");
    await mail.sendMail({ envelope: { from: "broken@customer.test", to: [MAILBOX] }, raw: broken });
    await mail.sendMail({
      from: "rina@customer.test",
      to: MAILBOX,
      subject: "Out of Office: kembali Senin",
      text: "Saya sedang cuti.",
      headers: { "Auto-Submitted": "auto-replied" },
      messageId: "<ooo-1@customer.test>",
    });
    await mail.sendMail({
      from: "MAILER-DAEMON@mx.customer.test",
      to: MAILBOX,
      subject: "Undelivered Mail Returned to Sender",
      text: "Delivery failed.",
      messageId: "<bounce-1@mx.customer.test>",
    });
    // A redelivery of a stored Message-ID is not stored twice.
    await mail.sendMail({
      from: "rina@customer.test",
      to: MAILBOX,
      subject: "Out of Office: kembali Senin",
      text: "Saya sedang cuti.",
      headers: { "Auto-Submitted": "auto-replied" },
      messageId: "<ooo-1@customer.test>",
    });

    const after = await eventually(async () => {
      const n = await messageCount();
      return n === messagesBefore + 3 ? n : undefined;
    }, "three new stored messages");
    expect(after).toBe(messagesBefore + 3);
    const all = await Promise.all((await conversationsOf()).map((c) => detail(c.id)));
    const find = (id: string) => all.find((c) => c.messages.some((m) => m.providerMessageId === id))!;
    const brokenConversation = find("<broken-1@customer.test>");
    expect(
      brokenConversation.messages[0]!.bodyText.length +
        (brokenConversation.messages[0]!.parseProblem ?? "").length,
    ).toBeGreaterThan(0);
    for (const id of ["<ooo-1@customer.test>", "<bounce-1@mx.customer.test>"]) {
      const c = find(id);
      const message = c.messages.find((m) => m.providerMessageId === id)!;
      expect(message.automated).not.toBeNull();
      expect(c.currentInteractionId).toBeNull();
      expect(c.status).toBe("closed");
    }
    expect(find("<bounce-1@mx.customer.test>").messages[0]!.automated).toBe("bounce");

    // Still serving: an ordinary mail goes through after all that.
    const ok = await mail.sendMail({
      from: "rina@customer.test",
      to: MAILBOX,
      subject: "Masih bisa?",
      text: "Tes",
    });
    expect(ok.accepted).toEqual([MAILBOX]);
  });

  it("validates mailboxes: only admins manage them, the queue must take email, an address has one owner", async () => {
    const chatQueue = (
      await admin.post<{ id: string }>("/api/v1/queues", {
        name: "Chat only",
        settings: { channels: ["chat"] },
      })
    ).body.id;
    const noEmail = await admin.post<{ error: { code: string } }>("/api/v1/channels/email-addresses", {
      address: "chat@acme.test",
      queueId: chatQueue,
    });
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.error.code).toBe("queue_takes_no_email");
    const taken = await admin.post<{ error: { code: string } }>("/api/v1/channels/email-addresses", {
      address: MAILBOX,
      queueId,
    });
    expect(taken.status).toBe(409);
    expect((await agent.get("/api/v1/channels/email-addresses")).status).toBe(403);
    const invalid = await admin.post("/api/v1/channels/email-addresses", {
      address: "not-an-address",
      queueId,
    });
    expect(invalid.status).toBe(400);
  });

  it("erasing a customer scrubs their messages and attachments but keeps the conversation for reports", async () => {
    await mail.sendMail({
      from: '"Sari Dewi" <sari@erase.test>',
      to: MAILBOX,
      subject: "Nomor rekening saya",
      text: "Rekening 1234567890 atas nama Sari Dewi",
      attachments: [{ filename: "ktp.txt", content: "NIK 3174000000000001" }],
    });
    const convo = await eventually(async () => {
      for (const c of await conversationsOf()) {
        const d = await detail(c.id);
        if (d.messages[0]?.bodyText.includes("Rekening 1234567890")) return d;
      }
      return undefined;
    }, "the conversation to erase");
    const attachmentId = convo.messages[0]!.attachments[0]!.id;

    const erased = await admin.post<{ erased: boolean }>(`/api/v1/customers/${convo.customerId}/erase`);
    expect(erased.status).toBe(200);

    const after = await detail(convo.id);
    expect(after.messages).toHaveLength(convo.messages.length);
    expect(after.messages.every((m) => m.bodyText === "[erased]" && m.attachments.length === 0)).toBe(true);
    expect(JSON.stringify(after)).not.toMatch(/1234567890|sari@erase\.test|Sari Dewi/);
    const download = await platform.app.inject({
      method: "GET",
      url: `/api/v1/attachments/${attachmentId}`,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(download.statusCode).toBe(404);
  });
});
