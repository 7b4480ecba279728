import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient } from "../../testing/api-client.js";
import { RealtimeClient } from "../../testing/realtime-client.js";
import { describeEachStore } from "../../testing/services-under-test.js";
import { startTestPlatform, type TestPlatform } from "../../testing/test-platform.js";
import { chatTenant, eventually, VisitorSocket, visitorApi } from "../../testing/web-chat-visitor.js";

type Sunk = { from: string; to: string[]; subject: string; text: string };

/** Every day, all day: a key that is always open. */
const ALWAYS = Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, [["00:00", "24:00"]]]));

/**
 * The end of a chat and the offline form. A local smtp-server plays the relay the transcript goes out
 * through, so the test reads the mail a visitor would get.
 */
describeEachStore("web chat end, survey, transcript and offline form", (target) => {
  let platform: TestPlatform;
  let tenant: Awaited<ReturnType<typeof chatTenant>>;
  let relay: SMTPServer;
  const sunk: Sunk[] = [];

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
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
          });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    platform = await startTestPlatform(target, {
      SENTRA_SMTP_RELAY_URL: `smtp://127.0.0.1:${(relay.server.address() as AddressInfo).port}`,
      SENTRA_SMTP_FROM_DOMAIN: "bank.test",
    });
    tenant = await chatTenant(platform.app, "dewi@acme.test");
  });
  afterAll(async () => {
    await platform?.dispose();
    await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
  });

  it("ends the chat for the visitor: the agent is told, the interaction wraps up, and no more messages are taken", async () => {
    const desk = await RealtimeClient.connect(platform.url, tenant.agent.token!);
    await desk.subscribe(`agent:${tenant.agentId}`);
    const { token, conversationId } = await tenant.startChat();
    const visitor = visitorApi(platform.app, token);
    const interactionId = (
      await tenant.admin.get<{ currentInteractionId: string }>(`/api/v1/conversations/${conversationId}`)
    ).body.currentInteractionId;
    expect((await tenant.agent.post(`/api/v1/interactions/${interactionId}/accept`)).status).toBe(200);
    expect((await visitor.post("/messages", { text: "Kartu saya hilang kemarin" })).status).toBe(201);
    await tenant.agent.post(`/api/v1/conversations/${conversationId}/messages`, {
      body: "Kartu Anda sudah kami blokir.",
    });
    const otherTab = await VisitorSocket.open(platform.url, token);

    expect((await visitor.post("/csat", { rating: 5 })).status).toBe(409);
    const ended = await visitor.post("/end");
    expect(ended.status).toBe(200);
    expect(await otherTab.next((p) => p.type === "ended")).toEqual({ type: "ended", by: "visitor" });
    await desk.next(
      (m) => m.event?.type === "conversation.message_added" && m.event.data.conversationId === conversationId,
    );
    const detail = await tenant.admin.get<{
      status: string;
      messages: { direction: string; bodyText: string }[];
    }>(`/api/v1/conversations/${conversationId}`);
    expect(detail.body.status).toBe("closed");
    expect(detail.body.messages.at(-1)).toMatchObject({
      direction: "internal_note",
      bodyText: "Budi ended the chat.",
    });
    const interaction = await tenant.agent.get<{ state: string }>(`/api/v1/interactions/${interactionId}`);
    expect(interaction.body.state).toBe("wrap_up");

    const late = await visitor.post("/messages", { text: "Satu lagi" });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("web_chat_ended");
    expect((await visitor.post("/end")).status).toBe(200);
    expect((await visitor.get("/messages")).body.ended).toBe(true);
    otherTab.close();
    desk.socket.close();

    // The survey: a bad rating is refused, a good one is stored once, against the conversation and interaction.
    expect((await visitor.post("/csat", { rating: 6 })).status).toBe(400);
    expect((await visitor.post("/csat", { rating: "5" })).status).toBe(400);
    const rated = await visitor.post("/csat", { rating: 4, comment: "Cepat, terima kasih" });
    expect(rated.status).toBe(201);
    expect((await visitor.post("/csat", { rating: 1 })).body.error.code).toBe("web_chat_already_rated");
    const stored = await platform.services.db
      .selectFrom("csat_responses")
      .selectAll()
      .where("conversation_id", "=", conversationId)
      .execute();
    expect(stored).toEqual([
      expect.objectContaining({
        rating: 4,
        comment: "Cepat, terima kasih",
        interaction_id: interactionId,
        channel: "chat",
      }),
    ]);

    // The transcript arrives by email through the relay with every message, and is not part of the chat.
    const transcript = await visitor.post("/transcript", {});
    expect(transcript.status).toBe(202);
    expect(transcript.body).toEqual({ to: "budi@visitor.test" });
    const mail = await eventually(
      async () => sunk.find((m) => m.to.includes("budi@visitor.test")),
      "the transcript at the SMTP sink",
    );
    expect(mail.from).toBe("webchat@bank.test");
    expect(mail.subject).toContain("Transkrip obrolan Anda");
    for (const text of [
      "Chat started: Kartu kredit",
      "Kartu saya hilang kemarin",
      "Kartu Anda sudah kami blokir.",
    ]) {
      expect(mail.text).toContain(text);
    }
    expect(mail.text.indexOf("Kartu saya hilang")).toBeLessThan(mail.text.indexOf("Kartu Anda sudah"));
    const items = (await visitor.get("/messages")).body.items as { text: string }[];
    expect(items.map((m) => m.text)).not.toContain(mail.text);
    expect((await visitor.post("/transcript", { email: "not-an-email" })).status).toBe(400);
  });

  it("keeps tenants apart: another tenant's chat, file, rating and offline message stay out of reach", async () => {
    const tenantB = await platform.services.tenants.create({
      slug: "bank-b",
      name: "Bank B",
      timeZone: "Asia/Makassar",
    });
    await platform.services.users.create(null, tenantB.id, {
      email: "admin@bank-b.test",
      displayName: "Admin B",
      role: "admin",
      locale: "id",
      password: "bank-b-admin-password",
    });
    const b = await chatTenant(
      platform.app,
      "agent@bank-b.test",
      {},
      {
        email: "admin@bank-b.test",
        password: "bank-b-admin-password",
      },
    );
    const chatB = await b.startChat({ name: "Rina", email: "rina@visitor.test" });
    const visitorB = visitorApi(platform.app, chatB.token);
    const fileB = (await visitorB.upload(Buffer.from("%PDF-1.4"), "application/pdf", "b.pdf")).json();
    await visitorB.post("/end");
    expect((await visitorB.post("/csat", { rating: 3 })).status).toBe(201);
    await new ApiClient(platform.app).post("/api/v1/webchat/offline", {
      key: b.publicKey,
      name: "Rina",
      email: "rina.offline@visitor.test",
      message: "Untuk Bank B",
    });

    const chatA = await tenant.startChat({ name: "Ani", email: "ani@visitor.test" });
    const fileId = fileB.attachments[0].id as string;
    expect((await visitorApi(platform.app, chatA.token).get(`/attachments/${fileId}`)).status).toBe(404);
    expect((await tenant.admin.get(`/api/v1/attachments/${fileId}`)).status).toBe(404);
    expect((await tenant.admin.get(`/api/v1/conversations/${chatB.conversationId}`)).status).toBe(404);
    const listedA = await tenant.admin.get<{ items: { contactAddress: string }[] }>(
      "/api/v1/conversations?limit=200",
    );
    expect(listedA.body.items.map((c) => c.contactAddress)).not.toContain("rina.offline@visitor.test");
    expect(listedA.body.items.map((c) => c.contactAddress)).not.toContain("rina@visitor.test");
    const ratingsB = await platform.services.db
      .selectFrom("csat_responses")
      .select(["tenant_id", "rating"])
      .where("conversation_id", "=", chatB.conversationId)
      .execute();
    expect(ratingsB).toEqual([{ tenant_id: tenantB.id, rating: 3 }]);
  });

  it("offers the offline form outside opening hours, and its message becomes an email interaction on the key's queue", async () => {
    const anonymous = new ApiClient(platform.app);
    const config = (query: string) =>
      anonymous.get<Record<string, unknown>>(`/api/v1/webchat/config?key=${query}`);
    expect((await config(tenant.publicKey)).body).toMatchObject({
      online: true,
      reason: null,
      language: "id",
    });

    // Closed all week in Jayapura (WIT).
    await tenant.admin.patch(`/api/v1/channels/web-chat/${tenant.keyId}`, {
      settings: { hours: { timeZone: "Asia/Jayapura", weekly: {} } },
    });
    expect((await config(tenant.publicKey)).body).toMatchObject({ online: false, reason: "closed" });
    await tenant.admin.patch(`/api/v1/channels/web-chat/${tenant.keyId}`, {
      settings: { hours: { timeZone: "Asia/Makassar", weekly: ALWAYS } },
    });
    expect((await config(tenant.publicKey)).body).toMatchObject({ online: true });

    // Open, but nobody is logged in.
    await tenant.agent.request("PUT", "/api/v1/agents/me/state", { state: "offline" });
    expect((await config(tenant.publicKey)).body).toMatchObject({ online: false, reason: "no_agents" });
    await tenant.agent.request("PUT", "/api/v1/agents/me/state", { state: "available" });

    const left = await anonymous.post("/api/v1/webchat/offline", {
      key: tenant.publicKey,
      name: "Yohanes",
      email: "Yohanes@Visitor.test",
      message: "Tolong hubungi saya soal KPR.",
      language: "id",
    });
    expect(left.status, JSON.stringify(left.body)).toBe(201);
    const conversations = await tenant.admin.get<{
      items: {
        id: string;
        channel: string;
        queueId: string;
        contactAddress: string;
        currentInteractionId: string;
      }[];
    }>("/api/v1/conversations");
    const offline = conversations.body.items.find((c) => c.contactAddress === "yohanes@visitor.test");
    expect(offline).toMatchObject({ channel: "email", queueId: tenant.queueId });
    const interaction = await tenant.admin.get<{ channel: string; queueId: string }>(
      `/api/v1/interactions/${offline!.currentInteractionId}`,
    );
    expect(interaction.body).toMatchObject({ channel: "email", queueId: tenant.queueId });
    const detail = await tenant.admin.get<{ messages: { bodyText: string }[] }>(
      `/api/v1/conversations/${offline!.id}`,
    );
    expect(detail.body.messages[0]?.bodyText).toBe("Tolong hubungi saya soal KPR.");
  });

  it("routes offline messages of a chat-only key to the email queue its settings name", async () => {
    const chatOnly = await tenant.admin.post<{ id: string }>("/api/v1/queues", {
      name: "Chat only",
      settings: { channels: ["chat"] },
    });
    const mail = await tenant.admin.post<{ id: string }>("/api/v1/queues", {
      name: "Website mail",
      settings: { channels: ["email"] },
    });
    const refused = await tenant.admin.post<{ error: { code: string } }>("/api/v1/channels/web-chat", {
      name: "Chat only site",
      queueId: chatOnly.body.id,
      settings: { offlineQueueId: chatOnly.body.id },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("queue_takes_no_email");
    const key = await tenant.admin.post<{ publicKey: string }>("/api/v1/channels/web-chat", {
      name: "Chat only site",
      queueId: chatOnly.body.id,
      settings: { offlineQueueId: mail.body.id },
    });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    const left = await new ApiClient(platform.app).post("/api/v1/webchat/offline", {
      key: key.body.publicKey,
      name: "Lina",
      email: "lina@visitor.test",
      message: "Mohon info bunga deposito.",
    });
    expect(left.status).toBe(201);
    const listed = await tenant.admin.get<{
      items: { contactAddress: string; currentInteractionId: string }[];
    }>("/api/v1/conversations?limit=200");
    const conversation = listed.body.items.find((c) => c.contactAddress === "lina@visitor.test")!;
    const interaction = await tenant.admin.get(`/api/v1/interactions/${conversation.currentInteractionId}`);
    expect(interaction.body).toMatchObject({ channel: "email", queueId: mail.body.id });
  });

  it("refuses a malformed offline form and an unknown key clearly", async () => {
    const anonymous = new ApiClient(platform.app);
    const bad = await anonymous.post<{ error: { message: string } }>("/api/v1/webchat/offline", {
      key: tenant.publicKey,
      name: "X",
      email: "nope",
      message: "hi",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("email");
    const unknown = await anonymous.post<{ error: { code: string } }>("/api/v1/webchat/offline", {
      key: "wc_doesnotexist123",
      name: "X",
      email: "x@visitor.test",
      message: "hi",
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("web_chat_key_unknown");
    expect((await anonymous.get("/api/v1/webchat/config?key=wc_doesnotexist123")).status).toBe(404);
    const bogusHours = await tenant.admin.patch(`/api/v1/channels/web-chat/${tenant.keyId}`, {
      settings: { hours: { timeZone: "Asia/Atlantis", weekly: {} } },
    });
    expect(bogusHours.status).toBe(400);
  });
});
