import { afterAll, beforeAll, expect, it } from "vitest";
import {
  postWebhook,
  signedForSms,
  signedForWhatsApp,
  WA_PHONE_NUMBER_ID,
  whatsappWebhook,
} from "../../testing/fake-messaging-providers.js";
import { APP_SECRET, MessagingTestBed, SMS_SECRET, TG_SECRET } from "../../testing/messaging-test-bed.js";
import { describeEachStore } from "../../testing/services-under-test.js";

/** What goes wrong: provider outages and refusals on the way out, forged and broken webhooks on the way in. */
describeEachStore("messaging channel failures", (target) => {
  const bed = new MessagingTestBed();
  beforeAll(async () => {
    await bed.start(target);
    const first = await bed.postWhatsApp(bed.waText("wamid.START", "6281234567890", "Halo"));
    expect(first.json).toMatchObject({ stored: 1 });
  });
  afterAll(() => bed.dispose());

  it("retries a send the provider answers 500 with backoff until it goes through", async () => {
    const conv = (await bed.conversationOf("+6281234567890"))!;
    const before = bed.fake.sends(`/${WA_PHONE_NUMBER_ID}/messages`).length;
    bed.fake.failNext(500, 2);
    const reply = await bed.admin.post<{ id: string }>(`/api/v1/conversations/${conv.id}/messages`, {
      body: "Apakah masih ada yang bisa kami bantu?",
    });
    const row = () => bed.conversation(conv.id).then((c) => c.messages.find((x) => x.id === reply.body.id)!);
    const first = await bed.eventually(
      async () => ((await row()).attempts === 1 ? row() : undefined),
      "attempt 1",
    );
    expect(first).toMatchObject({ deliveryStatus: "queued" });
    expect(first.lastError).toContain("500");
    bed.clock.advance(30_000);
    await bed.platform.services.channels.outbox.flush();
    expect(await row()).toMatchObject({ deliveryStatus: "queued", attempts: 2 });
    bed.clock.advance(60_000);
    await bed.platform.services.channels.outbox.flush();
    expect(await row()).toMatchObject({ deliveryStatus: "sent", attempts: 3, lastError: null });
    expect(bed.fake.sends(`/${WA_PHONE_NUMBER_ID}/messages`).length - before).toBe(3);
    // WhatsApp may still fail it after taking it (e.g. outside the 24-hour window): that is recorded.
    const wamid = (await row()).providerMessageId!;
    await bed.postWhatsApp(
      bed.waStatus(wamid, "failed", { errors: [{ code: 131047, title: "Re-engagement message" }] }),
    );
    expect(await row()).toMatchObject({
      deliveryStatus: "failed",
      lastError: "131047 Re-engagement message",
    });
  });

  it("records a send the provider refuses for good as failed, with the provider's reason", async () => {
    const conv = (await bed.conversationOf("+6281234567890"))!;
    bed.fake.failNext(400, 1);
    const reply = await bed.admin.post<{ id: string }>(`/api/v1/conversations/${conv.id}/messages`, {
      body: "Pesan ini ditolak.",
    });
    const failed = await bed.eventually(async () => {
      const m = (await bed.conversation(conv.id)).messages.find((x) => x.id === reply.body.id)!;
      return m.deliveryStatus === "failed" ? m : undefined;
    }, "the refused reply failed");
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain("Fake outage (400)");
  });

  it("refuses forged, malformed and oversize webhooks clearly and keeps every stored message", async () => {
    const stored = await bed.messageCount();
    const good = whatsappWebhook(bed.waText("wamid.FORGED", "6281234567890", "Transfer ke rekening X"));
    const forged = await postWebhook(
      bed.accounts.whatsapp.url,
      good,
      signedForWhatsApp("not-the-app-secret", good),
    );
    expect(forged.status).toBe(401);
    expect(forged.json.error).toMatchObject({ code: "invalid_signature" });
    expect((await postWebhook(bed.accounts.whatsapp.url, good, {})).status).toBe(401);

    const broken = '{"object":"whatsapp_business_account","entry":[';
    const badJson = await postWebhook(
      bed.accounts.whatsapp.url,
      broken,
      signedForWhatsApp(APP_SECRET, broken),
    );
    expect(badJson.status).toBe(400);
    expect(badJson.json.error).toMatchObject({ code: "invalid_json" });

    const wrongShape = JSON.stringify({ object: "page", entry: [{ changes: [{ field: "messages" }] }] });
    const invalid = await postWebhook(
      bed.accounts.whatsapp.url,
      wrongShape,
      signedForWhatsApp(APP_SECRET, wrongShape),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.json.error?.code).toBe("invalid_payload");
    expect(invalid.json.error?.message).toContain("object");

    const unknown = await postWebhook(
      `${bed.platform.url}/api/v1/hooks/messaging/mh_${"x".repeat(32)}`,
      good,
      signedForWhatsApp(APP_SECRET, good),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ code: "messaging_account_unknown" });

    const huge = JSON.stringify({ update_id: 1, padding: "x".repeat(300 * 1024) });
    const oversize = await postWebhook(bed.accounts.telegram.url, huge, {
      "x-telegram-bot-api-secret-token": TG_SECRET,
    });
    expect(oversize.status).toBe(413);
    expect(oversize.json.error?.code).toBe("payload_too_large");

    const tgForged = await postWebhook(bed.accounts.telegram.url, JSON.stringify({ update_id: 5 }), {
      "x-telegram-bot-api-secret-token": "guessed-secret-token-000",
    });
    expect(tgForged.status).toBe(401);

    const sms = JSON.stringify({ id: "gw-old", from: "081299998888", text: "replayed" });
    const stale = await postWebhook(
      bed.accounts.sms.url,
      sms,
      signedForSms(SMS_SECRET, sms, bed.clock.now() - 3_600_000),
    );
    expect(stale.status).toBe(401);
    expect(stale.json.error?.message).toContain("five minutes");

    expect(await bed.messageCount()).toBe(stored);
    // The channel still works after all that.
    const after = await bed.postWhatsApp(bed.waText("wamid.AFTER", "6281234567890", "Masih bisa?"));
    expect(after.json).toMatchObject({ stored: 1 });
    expect(await bed.messageCount()).toBe(stored + 1);
  });
});
