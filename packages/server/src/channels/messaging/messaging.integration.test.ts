import { afterAll, beforeAll, expect, it } from "vitest";
import {
  MEDIA_BYTES,
  postWebhook,
  signedForSms,
  TG_BOT_TOKEN,
  WA_ACCESS_TOKEN,
  WA_PHONE_NUMBER_ID,
} from "../../testing/fake-messaging-providers.js";
import {
  APP_SECRET,
  MessagingTestBed,
  SMS_SECRET,
  TG_SECRET,
  VERIFY_TOKEN,
} from "../../testing/messaging-test-bed.js";
import { describeEachStore } from "../../testing/services-under-test.js";

/** Accounts, inbound webhooks and replies of every provider, against local fakes of their APIs. */
describeEachStore("messaging channel (WhatsApp, Telegram, SMS)", (target) => {
  const bed = new MessagingTestBed();
  beforeAll(() => bed.start(target));
  afterAll(() => bed.dispose());

  it("keeps provider secrets write-only: the API says which are set, never their values", async () => {
    const view = await bed.admin.get<Record<string, unknown>>(
      `/api/v1/channels/messaging/${bed.accounts.whatsapp.id}`,
    );
    expect(view.body).toMatchObject({
      provider: "whatsapp",
      settings: { phoneNumberId: WA_PHONE_NUMBER_ID },
      secretsSet: ["accessToken", "appSecret", "verifyToken"],
    });
    expect(JSON.stringify(view.body)).not.toContain(APP_SECRET);
    expect(JSON.stringify(view.body)).not.toContain(WA_ACCESS_TOKEN);
    const list = await bed.admin.get("/api/v1/channels/messaging");
    expect(JSON.stringify(list.body)).not.toContain(TG_BOT_TOKEN);
    expect(JSON.stringify(list.body)).not.toContain(SMS_SECRET);
    const agentTry = await bed.agent.get("/api/v1/channels/messaging");
    expect(agentTry.status).toBe(403);
  });

  it("refuses an account whose queue does not take messages, and patch fields of another provider", async () => {
    const emailQueue = (
      await bed.admin.post<{ id: string }>("/api/v1/queues", {
        name: "Mail only",
        settings: { channels: ["email"] },
      })
    ).body.id;
    const refused = await bed.admin.post<{ error: { code: string } }>("/api/v1/channels/messaging", {
      provider: "sms",
      name: "Wrong queue",
      queueId: emailQueue,
      sendUrl: `${bed.fake.url}/sms/send`,
      fromNumber: "+6281100000009",
      signingSecret: SMS_SECRET,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("queue_takes_no_message");
    const foreign = await bed.admin.patch<{ error: { code: string } }>(
      `/api/v1/channels/messaging/${bed.accounts.sms.id}`,
      { botToken: TG_BOT_TOKEN },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe("field_not_for_provider");
  });

  it("answers Meta's subscription handshake only when the verify token matches", async () => {
    const ok = await fetch(
      `${bed.accounts.whatsapp.url}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    const wrong = await fetch(
      `${bed.accounts.whatsapp.url}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`,
    );
    expect(wrong.status).toBe(403);
  });

  it("lands a WhatsApp message from a known number on that customer, sends the agent's reply through the Graph API and follows its receipts to read", async () => {
    const inbound = await bed.postWhatsApp(bed.waText("wamid.IN-1", "6281234567890", "Kartu saya hilang"));
    expect(inbound).toMatchObject({ status: 200, json: { stored: 1, duplicates: 0 } });
    // Providers redeliver webhooks; the second delivery stores nothing.
    const again = await bed.postWhatsApp(bed.waText("wamid.IN-1", "6281234567890", "Kartu saya hilang"));
    expect(again.json).toMatchObject({ stored: 0, duplicates: 1 });

    const conv = (await bed.conversationOf("+6281234567890"))!;
    expect(conv).toMatchObject({ channel: "message", customerId: bed.customerId });
    expect(conv.messages.map((m) => m.bodyText)).toEqual(["Kartu saya hilang"]);
    const interactionId = conv.currentInteractionId!;
    await bed.eventually(async () => {
      const i = await bed.agent.get<{ state: string; agentId: string }>(
        `/api/v1/interactions/${interactionId}`,
      );
      return i.body.state === "offered" && i.body.agentId === bed.agentId ? true : undefined;
    }, "the interaction offered to the agent");
    expect((await bed.agent.post(`/api/v1/interactions/${interactionId}/accept`)).status).toBe(200);

    // A second message from the same number continues the same conversation.
    await bed.postWhatsApp(bed.waText("wamid.IN-2", "6281234567890", "Tolong blokir"));
    expect((await bed.conversation(conv.id)).messages).toHaveLength(2);

    const reply = await bed.agent.post<{ id: string }>(`/api/v1/conversations/${conv.id}/messages`, {
      body: "Kartu Anda kami blokir sekarang.",
    });
    expect(reply.status).toBe(201);
    const sent = await bed.eventually(async () => {
      const m = (await bed.conversation(conv.id)).messages.find((x) => x.id === reply.body.id)!;
      return m.deliveryStatus === "sent" ? m : undefined;
    }, "the reply sent");
    const call = bed.fake.sends(`/${WA_PHONE_NUMBER_ID}/messages`).at(-1)!;
    expect(call.headers.authorization).toBe(`Bearer ${WA_ACCESS_TOKEN}`);
    expect(call.body).toMatchObject({
      messaging_product: "whatsapp",
      to: "6281234567890",
      type: "text",
      text: { body: "Kartu Anda kami blokir sekarang." },
    });
    expect(sent.providerMessageId).toMatch(/^wamid\./);

    const statusOf = async () =>
      (await bed.conversation(conv.id)).messages.find((x) => x.id === reply.body.id)!.deliveryStatus;
    expect((await bed.postWhatsApp(bed.waStatus(sent.providerMessageId!, "delivered"))).json).toMatchObject({
      receipts: 1,
    });
    expect(await statusOf()).toBe("delivered");
    await bed.postWhatsApp(bed.waStatus(sent.providerMessageId!, "read"));
    expect(await statusOf()).toBe("read");
    // Receipts arrive out of order; a late "delivered" or "failed" does not undo "read".
    const late = await bed.postWhatsApp({
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
    expect((await bed.postWhatsApp(body)).json).toMatchObject({ stored: 1 });
    const conv = (await bed.conversationOf("+6281234567890"))!;
    const doc = conv.messages.find((m) => m.bodyText === "Mutasi saya")!;
    expect(doc.parseProblem).toBeNull();
    expect(doc.attachments).toEqual([
      expect.objectContaining({ fileName: "rekening-koran.pdf", contentType: "application/pdf" }),
    ]);
    const file = await bed.admin.get<string>(`/api/v1/attachments/${doc.attachments[0]!.id}`);
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
      (await postWebhook(bed.accounts.telegram.url, update(1, 10, "Halo, saldo saya?"), secret)).json,
    ).toMatchObject({
      stored: 1,
    });
    expect(
      (await postWebhook(bed.accounts.telegram.url, update(2, 11, "Masih di sana?"), secret)).json,
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
    expect((await postWebhook(bed.accounts.telegram.url, photo, secret)).json).toMatchObject({ stored: 1 });
    const conv = (await bed.conversationOf("99887766"))!;
    expect(conv.messages.map((m) => m.bodyText)).toEqual([
      "Halo, saldo saya?",
      "Masih di sana?",
      "Bukti transfer",
    ]);
    expect(conv.messages[2]!.attachments).toEqual([
      expect.objectContaining({ contentType: "image/jpeg", sizeBytes: "jpeg bytes".length }),
    ]);
    // The largest size is the one fetched (Bot API: PhotoSize array, largest last).
    expect(bed.fake.calls.find((c) => c.path.endsWith("/getFile"))?.query).toBe("?file_id=large-file");
    const customer = await bed.admin.get<{ fullName: string }>(`/api/v1/customers/${conv.customerId}`);
    expect(customer.body.fullName).toBe("Bayu Pratama");
    const identity = await bed.platform.services.db
      .selectFrom("messaging_identities")
      .selectAll()
      .where("external_id", "=", "99887766")
      .executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ provider: "telegram", username: "bayup", customer_id: conv.customerId });

    const reply = await bed.admin.post<{ id: string }>(`/api/v1/conversations/${conv.id}/messages`, {
      body: "Saldo Anda bisa dilihat di aplikasi.",
    });
    const sent = await bed.eventually(async () => {
      const m = (await bed.conversation(conv.id)).messages.find((x) => x.id === reply.body.id)!;
      return m.deliveryStatus === "sent" ? m : undefined;
    }, "the Telegram reply sent");
    expect(bed.fake.sends(`/bot${TG_BOT_TOKEN}/sendMessage`).at(-1)!.body).toEqual({
      chat_id: "99887766",
      text: "Saldo Anda bisa dilihat di aplikasi.",
    });
    expect(sent.providerMessageId).toMatch(
      new RegExp(`^telegram:${bed.accounts.telegram.id}:99887766:\\d+$`),
    );
  });

  it("round-trips an SMS through the generic gateway, signed both ways, with delivery reports", async () => {
    const body = JSON.stringify({
      id: "gw-in-1",
      from: "081299998888",
      to: "+6281100000001",
      text: "Info KPR?",
    });
    const inbound = await postWebhook(
      bed.accounts.sms.url,
      body,
      signedForSms(SMS_SECRET, body, bed.clock.now()),
    );
    expect(inbound).toMatchObject({ status: 200, json: { stored: 1 } });
    const conv = (await bed.conversationOf("+6281299998888"))!;
    expect(conv.messages[0]!.bodyText).toBe("Info KPR?");
    // An unknown number becomes a new customer with the number in E.164.
    // (The API masks phones, so the stored record is read directly.)
    const customer = await bed.platform.services.db
      .selectFrom("customers")
      .select("phones")
      .where("id", "=", conv.customerId!)
      .executeTakeFirstOrThrow();
    expect(customer.phones).toEqual(["+6281299998888"]);

    const reply = await bed.admin.post<{ id: string }>(`/api/v1/conversations/${conv.id}/messages`, {
      body: "Bunga KPR mulai 3,5%.",
    });
    const sent = await bed.eventually(async () => {
      const m = (await bed.conversation(conv.id)).messages.find((x) => x.id === reply.body.id)!;
      return m.deliveryStatus === "sent" ? m : undefined;
    }, "the SMS reply sent");
    // The fake gateway answers 401 unless Sentra's signature is right, so "sent" proves it was.
    expect(bed.fake.sends("/sms/send").at(-1)!.body).toMatchObject({
      id: reply.body.id,
      from: "+6281100000001",
      to: "+6281299998888",
      text: "Bunga KPR mulai 3,5%.",
    });
    const gatewayId = sent.providerMessageId!.split(":").at(-1)!;
    const report = JSON.stringify({ id: gatewayId, status: "delivered" });
    const applied = await postWebhook(
      bed.accounts.sms.url,
      report,
      signedForSms(SMS_SECRET, report, bed.clock.now()),
    );
    expect(applied.json).toMatchObject({ receipts: 1 });
    expect(
      (await bed.conversation(conv.id)).messages.find((x) => x.id === reply.body.id)!.deliveryStatus,
    ).toBe("delivered");
  });
});
