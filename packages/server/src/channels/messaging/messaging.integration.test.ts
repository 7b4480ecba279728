import { ManualClock } from "@sentra/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient } from "../../testing/api-client.js";
import {
  FakeMessagingProviders,
  MEDIA_BYTES,
  postWebhook,
  signedForSms,
  signedForWhatsApp,
  TG_BOT_TOKEN,
  WA_ACCESS_TOKEN,
  WA_PHONE_NUMBER_ID,
  whatsappWebhook,
} from "../../testing/fake-messaging-providers.js";
import { describeEachStore } from "../../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../../testing/test-platform.js";

const APP_SECRET = "wa-app-secret-0123456789abcdef";
const VERIFY_TOKEN = "verify-me-please";
const TG_SECRET = "tg-secret-token_0123456789";
const SMS_SECRET = "sms-signing-secret-0123456789";

type Message = {
  id: string;
  direction: string;
  bodyText: string;
  deliveryStatus: string;
  providerMessageId: string | null;
  attempts: number;
  lastError: string | null;
  parseProblem: string | null;
  attachments: { id: string; fileName: string; contentType: string; sizeBytes: number }[];
};
type Conversation = {
  id: string;
  channel: string;
  customerId: string | null;
  contactAddress: string | null;
  currentInteractionId: string | null;
  messages: Message[];
};

async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  let last: unknown;
  for (let i = 0; i < 100; i++) {
    const value = await probe().catch((error) => {
      last = error;
      return undefined;
    });
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

describeEachStore("messaging channel (WhatsApp, Telegram, SMS)", (target) => {
  let platform: TestPlatform;
  let fake: FakeMessagingProviders;
  let admin: ApiClient;
  let agent: ApiClient;
  let agentId: string;
  let customerId: string;
  const clock = new ManualClock(Date.now());
  const accounts = { whatsapp: { id: "", url: "" }, telegram: { id: "", url: "" }, sms: { id: "", url: "" } };

  const conversation = async (id: string) =>
    (await admin.get<Conversation>(`/api/v1/conversations/${id}`)).body;
  const conversationOf = async (contact: string) => {
    const list = await admin.get<{ items: { id: string; contactAddress: string | null }[] }>(
      "/api/v1/conversations?limit=200",
    );
    const found = list.body.items.find((c) => c.contactAddress === contact);
    return found ? conversation(found.id) : undefined;
  };
  const messageCount = async () =>
    Number(
      (
        await platform.services.db
          .selectFrom("messages")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const postWhatsApp = (value: Record<string, unknown>) => {
    const body = whatsappWebhook(value);
    return postWebhook(accounts.whatsapp.url, body, signedForWhatsApp(APP_SECRET, body));
  };
  const waText = (id: string, from: string, text: string) => ({
    contacts: [{ profile: { name: "Siti R." }, wa_id: from }],
    messages: [{ from, id, timestamp: "1763900000", type: "text", text: { body: text } }],
  });
  const waStatus = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
    statuses: [{ id, status, timestamp: "1763900100", recipient_id: "6281234567890", ...extra }],
  });

  beforeAll(async () => {
    fake = await FakeMessagingProviders.start(SMS_SECRET);
    platform = await startTestPlatform(target, {}, { clock });
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
    const queueId = (
      await admin.post<{ id: string }>("/api/v1/queues", {
        name: "Messaging",
        settings: { channels: ["message"] },
      })
    ).body.id;
    await admin.request("PUT", `/api/v1/agents/${agentId}/profile`, { capacity: { max: { message: 5 } } });
    await agent.request("PUT", "/api/v1/agents/me/state", { state: "available" });
    customerId = (
      await admin.post<{ id: string }>("/api/v1/customers", {
        fullName: "Siti Rahma",
        phones: ["0812-3456-7890"],
      })
    ).body.id;
    const create = async (body: Record<string, unknown>) => {
      const reply = await admin.post<{ id: string; webhookPath: string }>("/api/v1/channels/messaging", {
        queueId,
        language: "id",
        ...body,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return { id: reply.body.id, url: `${platform.url}${reply.body.webhookPath}` };
    };
    accounts.whatsapp = await create({
      provider: "whatsapp",
      name: "WhatsApp CS",
      phoneNumberId: WA_PHONE_NUMBER_ID,
      apiBaseUrl: fake.graphBase,
      accessToken: WA_ACCESS_TOKEN,
      appSecret: APP_SECRET,
      verifyToken: VERIFY_TOKEN,
    });
    accounts.telegram = await create({
      provider: "telegram",
      name: "Telegram bot",
      apiBaseUrl: fake.url,
      botToken: TG_BOT_TOKEN,
      secretToken: TG_SECRET,
    });
    accounts.sms = await create({
      provider: "sms",
      name: "SMS",
      sendUrl: `${fake.url}/sms/send`,
      fromNumber: "+6281100000001",
      signingSecret: SMS_SECRET,
    });
  });
  afterAll(async () => {
    await platform?.dispose();
    await fake?.close();
  });

  it("keeps provider secrets write-only: the API says which are set, never their values", async () => {
    const view = await admin.get<Record<string, unknown>>(
      `/api/v1/channels/messaging/${accounts.whatsapp.id}`,
    );
    expect(view.body).toMatchObject({
      provider: "whatsapp",
      settings: { phoneNumberId: WA_PHONE_NUMBER_ID },
      secretsSet: ["accessToken", "appSecret", "verifyToken"],
    });
    expect(JSON.stringify(view.body)).not.toContain(APP_SECRET);
    expect(JSON.stringify(view.body)).not.toContain(WA_ACCESS_TOKEN);
    const list = await admin.get("/api/v1/channels/messaging");
    expect(JSON.stringify(list.body)).not.toContain(TG_BOT_TOKEN);
    expect(JSON.stringify(list.body)).not.toContain(SMS_SECRET);
    const agentTry = await agent.get("/api/v1/channels/messaging");
    expect(agentTry.status).toBe(403);
  });

  it("refuses an account whose queue does not take messages, and patch fields of another provider", async () => {
    const emailQueue = (
      await admin.post<{ id: string }>("/api/v1/queues", {
        name: "Mail only",
        settings: { channels: ["email"] },
      })
    ).body.id;
    const refused = await admin.post<{ error: { code: string } }>("/api/v1/channels/messaging", {
      provider: "sms",
      name: "Wrong queue",
      queueId: emailQueue,
      sendUrl: `${fake.url}/sms/send`,
      fromNumber: "+6281100000009",
      signingSecret: SMS_SECRET,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("queue_takes_no_message");
    const foreign = await admin.patch<{ error: { code: string } }>(
      `/api/v1/channels/messaging/${accounts.sms.id}`,
      { botToken: TG_BOT_TOKEN },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe("field_not_for_provider");
  });

  it("answers Meta's subscription handshake only when the verify token matches", async () => {
    const ok = await fetch(
      `${accounts.whatsapp.url}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    const wrong = await fetch(
      `${accounts.whatsapp.url}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`,
    );
    expect(wrong.status).toBe(403);
  });

  it("lands a WhatsApp message from a known number on that customer, sends the agent's reply through the Graph API and follows its receipts to read", async () => {
    const inbound = await postWhatsApp(waText("wamid.IN-1", "6281234567890", "Kartu saya hilang"));
    expect(inbound).toMatchObject({ status: 200, json: { stored: 1, duplicates: 0 } });
    // Providers redeliver webhooks; the second delivery stores nothing.
    const again = await postWhatsApp(waText("wamid.IN-1", "6281234567890", "Kartu saya hilang"));
    expect(again.json).toMatchObject({ stored: 0, duplicates: 1 });

    const conv = (await conversationOf("+6281234567890"))!;
    expect(conv).toMatchObject({ channel: "message", customerId });
    expect(conv.messages.map((m) => m.bodyText)).toEqual(["Kartu saya hilang"]);
    const interactionId = conv.currentInteractionId!;
    await eventually(async () => {
      const i = await agent.get<{ state: string; agentId: string }>(`/api/v1/interactions/${interactionId}`);
      return i.body.state === "offered" && i.body.agentId === agentId ? true : undefined;
    }, "the interaction offered to the agent");
    expect((await agent.post(`/api/v1/interactions/${interactionId}/accept`)).status).toBe(200);

    // A second message from the same number continues the same conversation.
    await postWhatsApp(waText("wamid.IN-2", "6281234567890", "Tolong blokir"));
    expect((await conversation(conv.id)).messages).toHaveLength(2);

    const reply = await agent.post<{ id: string }>(`/api/v1/conversations/${conv.id}/messages`, {
      body: "Kartu Anda kami blokir sekarang.",
    });
    expect(reply.status).toBe(201);
    const sent = await eventually(async () => {
      const m = (await conversation(conv.id)).messages.find((x) => x.id === reply.body.id)!;
      return m.deliveryStatus === "sent" ? m : undefined;
    }, "the reply sent");
    const call = fake.sends(`/${WA_PHONE_NUMBER_ID}/messages`).at(-1)!;
    expect(call.headers.authorization).toBe(`Bearer ${WA_ACCESS_TOKEN}`);
    expect(call.body).toMatchObject({
      messaging_product: "whatsapp",
      to: "6281234567890",
      type: "text",
      text: { body: "Kartu Anda kami blokir sekarang." },
    });
    expect(sent.providerMessageId).toMatch(/^wamid\./);

    const statusOf = async () =>
      (await conversation(conv.id)).messages.find((x) => x.id === reply.body.id)!.deliveryStatus;
    expect((await postWhatsApp(waStatus(sent.providerMessageId!, "delivered"))).json).toMatchObject({
      receipts: 1,
    });
    expect(await statusOf()).toBe("delivered");
    await postWhatsApp(waStatus(sent.providerMessageId!, "read"));
    expect(await statusOf()).toBe("read");
    // Receipts arrive out of order; a late "delivered" or "failed" does not undo "read".
    const late = await postWhatsApp({
      statuses: [
        { id: sent.providerMessageId, status: "delivered", timestamp: "1763900050" },
        { id: sent.providerMessageId, status: "failed", timestamp: "1763900060" },
      ],
    });
    expect(late.json).toMatchObject({ receipts: 0 });
    expect(await statusOf()).toBe("read");
  });

  it("stores a WhatsApp document with the file fetched from the Graph API media endpoint", async () => {
    const body = {
      contacts: [{ profile: { name: "Siti R." }, wa_id: "6281234567890" }],
      messages: [
        {
          from: "6281234567890",
          id: "wamid.DOC-1",
          timestamp: "1763900200",
          type: "document",
          document: {
            id: "media-778899",
            filename: "rekening-koran.pdf",
            mime_type: "application/pdf",
            caption: "Mutasi saya",
          },
        },
      ],
    };
    expect((await postWhatsApp(body)).json).toMatchObject({ stored: 1 });
    const conv = (await conversationOf("+6281234567890"))!;
    const doc = conv.messages.find((m) => m.bodyText === "Mutasi saya")!;
    expect(doc.parseProblem).toBeNull();
    expect(doc.attachments).toEqual([
      expect.objectContaining({ fileName: "rekening-koran.pdf", contentType: "application/pdf" }),
    ]);
    const file = await admin.get<string>(`/api/v1/attachments/${doc.attachments[0]!.id}`);
    expect(file.status).toBe(200);
    expect(String(file.body)).toBe(MEDIA_BYTES.toString());
  });

  it("takes a Telegram chat as a customer identity and replies with sendMessage", async () => {
    const update = (updateId: number, messageId: number, text: string) =>
      JSON.stringify({
        update_id: updateId,
        message: {
          message_id: messageId,
          from: { id: 99887766, is_bot: false, first_name: "Bayu", last_name: "Pratama", username: "bayup" },
          chat: { id: 99887766, first_name: "Bayu", type: "private" },
          date: 1763900300,
          text,
        },
      });
    const secret = { "x-telegram-bot-api-secret-token": TG_SECRET };
    expect(
      (await postWebhook(accounts.telegram.url, update(1, 10, "Halo, saldo saya?"), secret)).json,
    ).toMatchObject({
      stored: 1,
    });
    expect(
      (await postWebhook(accounts.telegram.url, update(2, 11, "Masih di sana?"), secret)).json,
    ).toMatchObject({
      stored: 1,
    });
    const photo = JSON.stringify({
      update_id: 3,
      message: {
        message_id: 12,
        from: { id: 99887766, is_bot: false, first_name: "Bayu" },
        chat: { id: 99887766, type: "private" },
        date: 1763900301,
        caption: "Bukti transfer",
        photo: [
          { file_id: "small-file", file_unique_id: "s", width: 90, height: 90 },
          { file_id: "large-file", file_unique_id: "l", width: 1280, height: 1280 },
        ],
      },
    });
    expect((await postWebhook(accounts.telegram.url, photo, secret)).json).toMatchObject({ stored: 1 });
    const conv = (await conversationOf("99887766"))!;
    expect(conv.messages.map((m) => m.bodyText)).toEqual([
      "Halo, saldo saya?",
      "Masih di sana?",
      "Bukti transfer",
    ]);
    expect(conv.messages[2]!.attachments).toEqual([
      expect.objectContaining({ contentType: "image/jpeg", sizeBytes: "jpeg bytes".length }),
    ]);
    // The largest size is the one fetched (Bot API: PhotoSize array, largest last).
    expect(fake.calls.find((c) => c.path.endsWith("/getFile"))?.query).toBe("?file_id=large-file");
    const customer = await admin.get<{ fullName: string }>(`/api/v1/customers/${conv.customerId}`);
    expect(customer.body.fullName).toBe("Bayu Pratama");
    const identity = await platform.services.db
      .selectFrom("messaging_identities")
      .selectAll()
      .where("external_id", "=", "99887766")
      .executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ provider: "telegram", username: "bayup", customer_id: conv.customerId });

    const reply = await admin.post<{ id: string }>(`/api/v1/conversations/${conv.id}/messages`, {
      body: "Saldo Anda bisa dilihat di aplikasi.",
    });
    const sent = await eventually(async () => {
      const m = (await conversation(conv.id)).messages.find((x) => x.id === reply.body.id)!;
      return m.deliveryStatus === "sent" ? m : undefined;
    }, "the Telegram reply sent");
    expect(fake.sends(`/bot${TG_BOT_TOKEN}/sendMessage`).at(-1)!.body).toEqual({
      chat_id: "99887766",
      text: "Saldo Anda bisa dilihat di aplikasi.",
    });
    expect(sent.providerMessageId).toMatch(new RegExp(`^telegram:${accounts.telegram.id}:99887766:\\d+$`));
  });

  it("round-trips an SMS through the generic gateway, signed both ways, with delivery reports", async () => {
    const body = JSON.stringify({
      id: "gw-in-1",
      from: "081299998888",
      to: "+6281100000001",
      text: "Info KPR?",
    });
    const inbound = await postWebhook(accounts.sms.url, body, signedForSms(SMS_SECRET, body, clock.now()));
    expect(inbound).toMatchObject({ status: 200, json: { stored: 1 } });
    const conv = (await conversationOf("+6281299998888"))!;
    expect(conv.messages[0]!.bodyText).toBe("Info KPR?");
    // An unknown number becomes a new customer with the number in E.164.
    // (The API masks phones, so the stored record is read directly.)
    const customer = await platform.services.db
      .selectFrom("customers")
      .select("phones")
      .where("id", "=", conv.customerId!)
      .executeTakeFirstOrThrow();
    expect(customer.phones).toEqual(["+6281299998888"]);

    const reply = await admin.post<{ id: string }>(`/api/v1/conversations/${conv.id}/messages`, {
      body: "Bunga KPR mulai 3,5%.",
    });
    const sent = await eventually(async () => {
      const m = (await conversation(conv.id)).messages.find((x) => x.id === reply.body.id)!;
      return m.deliveryStatus === "sent" ? m : undefined;
    }, "the SMS reply sent");
    // The fake gateway answers 401 unless Sentra's signature is right, so "sent" proves it was.
    expect(fake.sends("/sms/send").at(-1)!.body).toMatchObject({
      id: reply.body.id,
      from: "+6281100000001",
      to: "+6281299998888",
      text: "Bunga KPR mulai 3,5%.",
    });
    const gatewayId = sent.providerMessageId!.split(":").at(-1)!;
    const report = JSON.stringify({ id: gatewayId, status: "delivered" });
    const applied = await postWebhook(
      accounts.sms.url,
      report,
      signedForSms(SMS_SECRET, report, clock.now()),
    );
    expect(applied.json).toMatchObject({ receipts: 1 });
    expect((await conversation(conv.id)).messages.find((x) => x.id === reply.body.id)!.deliveryStatus).toBe(
      "delivered",
    );
  });

  it("retries a send the provider answers 500 with backoff until it goes through", async () => {
    const conv = (await conversationOf("+6281234567890"))!;
    const before = fake.sends(`/${WA_PHONE_NUMBER_ID}/messages`).length;
    fake.failNext(500, 2);
    const reply = await admin.post<{ id: string }>(`/api/v1/conversations/${conv.id}/messages`, {
      body: "Apakah masih ada yang bisa kami bantu?",
    });
    const row = () => conversation(conv.id).then((c) => c.messages.find((x) => x.id === reply.body.id)!);
    const first = await eventually(
      async () => ((await row()).attempts === 1 ? row() : undefined),
      "attempt 1",
    );
    expect(first).toMatchObject({ deliveryStatus: "queued" });
    expect(first.lastError).toContain("500");
    clock.advance(30_000);
    await platform.services.channels.outbox.flush();
    expect(await row()).toMatchObject({ deliveryStatus: "queued", attempts: 2 });
    clock.advance(60_000);
    await platform.services.channels.outbox.flush();
    expect(await row()).toMatchObject({ deliveryStatus: "sent", attempts: 3, lastError: null });
    expect(fake.sends(`/${WA_PHONE_NUMBER_ID}/messages`).length - before).toBe(3);
    // WhatsApp may still fail it after taking it (e.g. outside the 24-hour window): that is recorded.
    const wamid = (await row()).providerMessageId!;
    await postWhatsApp(
      waStatus(wamid, "failed", { errors: [{ code: 131047, title: "Re-engagement message" }] }),
    );
    expect(await row()).toMatchObject({
      deliveryStatus: "failed",
      lastError: "131047 Re-engagement message",
    });
  });

  it("records a send the provider refuses for good as failed, with the provider's reason", async () => {
    const conv = (await conversationOf("+6281234567890"))!;
    fake.failNext(400, 1);
    const reply = await admin.post<{ id: string }>(`/api/v1/conversations/${conv.id}/messages`, {
      body: "Pesan ini ditolak.",
    });
    const failed = await eventually(async () => {
      const m = (await conversation(conv.id)).messages.find((x) => x.id === reply.body.id)!;
      return m.deliveryStatus === "failed" ? m : undefined;
    }, "the refused reply failed");
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain("Fake outage (400)");
  });

  it("refuses forged, malformed and oversize webhooks clearly and keeps every stored message", async () => {
    const stored = await messageCount();
    const good = whatsappWebhook(waText("wamid.FORGED", "6281234567890", "Transfer ke rekening X"));
    const forged = await postWebhook(
      accounts.whatsapp.url,
      good,
      signedForWhatsApp("not-the-app-secret", good),
    );
    expect(forged.status).toBe(401);
    expect(forged.json.error).toMatchObject({ code: "invalid_signature" });
    expect((await postWebhook(accounts.whatsapp.url, good, {})).status).toBe(401);

    const broken = '{"object":"whatsapp_business_account","entry":[';
    const badJson = await postWebhook(accounts.whatsapp.url, broken, signedForWhatsApp(APP_SECRET, broken));
    expect(badJson.status).toBe(400);
    expect(badJson.json.error).toMatchObject({ code: "invalid_json" });

    const wrongShape = JSON.stringify({ object: "page", entry: [{ changes: [{ field: "messages" }] }] });
    const invalid = await postWebhook(
      accounts.whatsapp.url,
      wrongShape,
      signedForWhatsApp(APP_SECRET, wrongShape),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.json.error?.code).toBe("invalid_payload");
    expect(invalid.json.error?.message).toContain("object");

    const unknown = await postWebhook(
      `${platform.url}/api/v1/hooks/messaging/mh_${"x".repeat(32)}`,
      good,
      signedForWhatsApp(APP_SECRET, good),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ code: "messaging_account_unknown" });

    const huge = JSON.stringify({ update_id: 1, padding: "x".repeat(300 * 1024) });
    const oversize = await postWebhook(accounts.telegram.url, huge, {
      "x-telegram-bot-api-secret-token": TG_SECRET,
    });
    expect(oversize.status).toBe(413);
    expect(oversize.json.error?.code).toBe("payload_too_large");

    const tgForged = await postWebhook(accounts.telegram.url, JSON.stringify({ update_id: 5 }), {
      "x-telegram-bot-api-secret-token": "guessed-secret-token-000",
    });
    expect(tgForged.status).toBe(401);

    const sms = JSON.stringify({ id: "gw-old", from: "081299998888", text: "replayed" });
    const stale = await postWebhook(
      accounts.sms.url,
      sms,
      signedForSms(SMS_SECRET, sms, clock.now() - 3_600_000),
    );
    expect(stale.status).toBe(401);
    expect(stale.json.error?.message).toContain("five minutes");

    expect(await messageCount()).toBe(stored);
    // The channel still works after all that.
    const after = await postWhatsApp(waText("wamid.AFTER", "6281234567890", "Masih bisa?"));
    expect(after.json).toMatchObject({ stored: 1 });
    expect(await messageCount()).toBe(stored + 1);
  });
});
