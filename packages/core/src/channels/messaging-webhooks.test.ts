import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DeliveryStatus } from "./conversation-rules.js";
import { messagingAccountBody, messagingAccountPatch } from "./messaging-contracts.js";
import {
  advanceDeliveryStatus,
  type DeliveryReport,
  readSmsWebhook,
  readTelegramUpdate,
  readWhatsAppWebhook,
  smsWebhookPayload,
  telegramUpdate,
  whatsappWebhookPayload,
} from "./messaging-webhooks.js";

const PHONE_ID = "106540352242922";
const waPayload = (value: Record<string, unknown>, phoneNumberId = PHONE_ID) =>
  whatsappWebhookPayload.parse({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: { messaging_product: "whatsapp", metadata: { phone_number_id: phoneNumberId }, ...value },
          },
        ],
      },
    ],
  });

describe("reading WhatsApp webhooks", () => {
  it("reads a text message with the sender's profile name and a plus-prefixed number", () => {
    const content = readWhatsAppWebhook(
      waPayload({
        contacts: [{ profile: { name: "Siti" }, wa_id: "6281234567890" }],
        messages: [
          { from: "6281234567890", id: "wamid.A", timestamp: "1", type: "text", text: { body: "Halo" } },
        ],
      }),
      PHONE_ID,
    );
    expect(content.messages).toEqual([
      {
        providerMessageId: "wamid.A",
        contact: { phone: "+6281234567890", name: "Siti" },
        text: "Halo",
        media: null,
      },
    ]);
  });

  it.each([
    ["image", { id: "m1", mime_type: "image/jpeg", caption: "Foto KTP" }, "Foto KTP", null],
    ["document", { id: "m2", mime_type: "application/pdf", filename: "a.pdf" }, "", "a.pdf"],
  ])("reads an %s message as media to fetch, its caption as text", (type, media, text, fileName) => {
    const content = readWhatsAppWebhook(
      waPayload({ messages: [{ from: "6281234567890", id: "wamid.M", type, [type]: media }] }),
      PHONE_ID,
    );
    expect(content.messages[0]).toMatchObject({
      text,
      media: { kind: type, mediaId: media.id, fileName, mimeType: media.mime_type },
    });
  });

  it("keeps a message type it cannot show as a text naming the type, so the customer is not ignored", () => {
    const content = readWhatsAppWebhook(
      waPayload({ messages: [{ from: "6281234567890", id: "wamid.L", type: "location" }] }),
      PHONE_ID,
    );
    expect(content.messages[0]).toMatchObject({ text: "[location message]", media: null });
  });

  it("reads delivery receipts with the first error of a failure", () => {
    const content = readWhatsAppWebhook(
      waPayload({
        statuses: [
          { id: "wamid.S", status: "read", timestamp: "2", recipient_id: "62812" },
          { id: "wamid.F", status: "failed", errors: [{ code: 131047, title: "Re-engagement message" }] },
        ],
      }),
      PHONE_ID,
    );
    expect(content.reports).toEqual([
      { providerMessageId: "wamid.S", status: "read", error: null },
      { providerMessageId: "wamid.F", status: "failed", error: "131047 Re-engagement message" },
    ]);
  });

  it("ignores changes addressed to another business number of the same app", () => {
    const content = readWhatsAppWebhook(
      waPayload(
        { messages: [{ from: "6281234567890", id: "wamid.X", type: "text", text: { body: "x" } }] },
        "999999",
      ),
      PHONE_ID,
    );
    expect(content).toEqual({ messages: [], reports: [] });
  });

  it("refuses a body that is not a WhatsApp business account webhook", () => {
    expect(whatsappWebhookPayload.safeParse({ object: "page", entry: [] }).success).toBe(false);
    expect(
      whatsappWebhookPayload.safeParse({
        object: "whatsapp_business_account",
        entry: [
          {
            changes: [
              {
                field: "messages",
                value: { metadata: { phone_number_id: PHONE_ID }, messages: [{ id: "x" }] },
              },
            ],
          },
        ],
      }).success,
    ).toBe(false);
  });
});

describe("reading Telegram updates", () => {
  const update = (message: Record<string, unknown>) =>
    telegramUpdate.parse({
      update_id: 7,
      message: { message_id: 42, chat: { id: 555, type: "private" }, ...message },
    });

  it("scopes the message id by account and chat, and replies to the chat id", () => {
    const content = readTelegramUpdate(
      update({ from: { id: 555, first_name: "Bayu", last_name: "P", username: "bayup" }, text: "Halo" }),
      "acc-1",
    );
    expect(content.messages).toEqual([
      {
        providerMessageId: "telegram:acc-1:555:42",
        contact: { handle: "555", username: "bayup", name: "Bayu P" },
        text: "Halo",
        media: null,
      },
    ]);
  });

  it("takes the largest photo size and the caption", () => {
    const content = readTelegramUpdate(
      update({ caption: "Struk", photo: [{ file_id: "small" }, { file_id: "large" }] }),
      "acc-1",
    );
    expect(content.messages[0]).toMatchObject({ text: "Struk", media: { kind: "image", mediaId: "large" } });
  });

  it("yields nothing for an update without a message", () => {
    expect(readTelegramUpdate(telegramUpdate.parse({ update_id: 8 }), "acc-1")).toEqual({
      messages: [],
      reports: [],
    });
  });
});

describe("reading the generic SMS webhook", () => {
  it("reads an inbound SMS and a delivery report, both scoped by account", () => {
    expect(readSmsWebhook(smsWebhookPayload.parse({ id: "9", from: "0812", text: "Hi" }), "a")).toEqual({
      messages: [{ providerMessageId: "sms:a:9", contact: { phone: "0812" }, text: "Hi", media: null }],
      reports: [],
    });
    expect(readSmsWebhook(smsWebhookPayload.parse({ id: "9", status: "delivered" }), "a").reports).toEqual([
      { providerMessageId: "sms:a:9", status: "delivered", error: null },
    ]);
  });

  it("refuses a body that is neither", () => {
    expect(smsWebhookPayload.safeParse({ id: "1", text: "no sender" }).success).toBe(false);
  });
});

describe("advancing delivery status", () => {
  it.each<[DeliveryStatus, DeliveryReport["status"], DeliveryStatus | null]>([
    ["sent", "delivered", "delivered"],
    ["sent", "read", "read"],
    ["delivered", "read", "read"],
    ["read", "delivered", null],
    ["delivered", "sent", null],
    ["sent", "failed", "failed"],
    ["delivered", "failed", null],
    ["read", "failed", null],
    ["failed", "delivered", null],
    ["received", "read", null],
  ])("%s + %s → %s", (current, reported, next) => {
    expect(advanceDeliveryStatus(current, reported)).toBe(next);
  });

  const rank = (s: DeliveryStatus) => ["queued", "sent", "delivered", "read"].indexOf(s);
  it("never moves backwards and never leaves failed, whatever order receipts arrive in", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom("sent", "delivered", "read", "failed") as fc.Arbitrary<DeliveryReport["status"]>,
        ),
        (reports) => {
          let status: DeliveryStatus = "sent";
          for (const report of reports) {
            const next = advanceDeliveryStatus(status, report);
            if (next === null) continue;
            if (status === "failed") return false;
            if (next !== "failed" && rank(next) <= rank(status)) return false;
            status = next;
          }
          // The end state is the furthest progress reported (read beats delivered beats sent), unless a failure
          // came before anything showed the message had arrived.
          const furthest = Math.max(1, ...reports.filter((r) => r !== "failed").map(rank));
          const firstArrival = reports.findIndex((r) => r === "delivered" || r === "read");
          const failedEarly = reports.indexOf("failed");
          if (failedEarly !== -1 && (firstArrival === -1 || failedEarly < firstArrival))
            return status === "failed";
          return rank(status) === furthest;
        },
      ),
    );
  });
});

describe("messaging account contracts", () => {
  const queueId = "0b6f1d1e-6f0e-4c55-9d35-2a9b1f0c8a11";
  it("fills the provider's API base and normalises trailing slashes", () => {
    const body = messagingAccountBody.parse({
      provider: "telegram",
      name: "Bot",
      queueId,
      botToken: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      secretToken: "abcdefghij_0123456789",
    });
    expect(body).toMatchObject({ apiBaseUrl: "https://api.telegram.org", enabled: true, language: null });
    const custom = messagingAccountBody.parse({
      provider: "whatsapp",
      name: "WA",
      queueId,
      phoneNumberId: "106540352242922",
      apiBaseUrl: "http://127.0.0.1:9000/v21.0/",
      accessToken: "x".repeat(20),
      appSecret: "y".repeat(20),
      verifyToken: "verify-token",
    });
    expect(custom).toMatchObject({ apiBaseUrl: "http://127.0.0.1:9000/v21.0" });
  });

  it("refuses a Telegram secret token outside the alphabet Telegram allows", () => {
    const result = messagingAccountBody.safeParse({
      provider: "telegram",
      name: "Bot",
      queueId,
      botToken: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      secretToken: "has spaces and ! marks",
    });
    expect(result.success).toBe(false);
  });

  it("leaves out of a patch what the patch does not name (no defaults sneak in)", () => {
    expect(messagingAccountPatch.parse({ name: "Renamed" })).toEqual({ name: "Renamed" });
    expect(messagingAccountPatch.safeParse({ provider: "sms" }).success).toBe(false);
  });
});
