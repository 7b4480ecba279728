import { z } from "zod";
import type { DeliveryStatus } from "./conversation-rules.js";

/**
 * What the messaging providers post to Sentra's webhook, read with zod and turned into one neutral shape.
 * Only the fields Sentra uses are declared; everything else a provider adds is ignored (zod strips it), so a
 * provider adding fields never breaks intake.
 *
 * Sources: Meta, "WhatsApp Cloud API – Webhooks: messages" (payload `object`, `entry[].changes[].value`
 * with `metadata.phone_number_id`, `contacts[].profile.name`, `messages[]` of type text/image/document and
 * `statuses[]` sent/delivered/read/failed); Telegram Bot API https://core.telegram.org/bots/api#update
 * (`Update.message`, `Message.chat.id`, `text`, `caption`, `photo[]` PhotoSize, `document`).
 */

/** One inbound message, whatever the provider. */
export interface MessagingInbound {
  /** Unique within the tenant: a WhatsApp wamid, or the provider's id scoped by account (and chat). */
  readonly providerMessageId: string;
  readonly contact: {
    /** As the provider gave it; the server normalises it to E.164. */
    readonly phone?: string;
    /** Where replies go when there is no phone: a Telegram chat id. */
    readonly handle?: string;
    readonly username?: string;
    readonly name?: string;
  };
  readonly text: string;
  readonly media: MessagingMedia | null;
}

export interface MessagingMedia {
  readonly kind: "image" | "document";
  /** The provider's handle to download it with (WhatsApp media id, Telegram file_id). */
  readonly mediaId: string;
  readonly fileName: string | null;
  readonly mimeType: string | null;
}

/** A provider telling Sentra what became of a message it sent. */
export interface DeliveryReport {
  readonly providerMessageId: string;
  readonly status: "sent" | "delivered" | "read" | "failed";
  readonly error: string | null;
}

export interface MessagingWebhookContent {
  readonly messages: readonly MessagingInbound[];
  readonly reports: readonly DeliveryReport[];
}

// --- WhatsApp Business Cloud API -------------------------------------------------------------------------

const waMedia = z.object({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});

const waMessage = z.object({
  from: z.string().regex(/^\d{5,20}$/, "messages[].from is the sender's number in digits"),
  id: z.string().min(1).max(200),
  timestamp: z.string().optional(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  image: waMedia.optional(),
  document: waMedia.optional(),
});

const waStatus = z.object({
  id: z.string().min(1).max(200),
  status: z.enum(["sent", "delivered", "read", "failed"]),
  timestamp: z.string().optional(),
  recipient_id: z.string().optional(),
  errors: z
    .array(
      z.object({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional() }),
    )
    .optional(),
});

export const whatsappWebhookPayload = z.object({
  object: z.literal("whatsapp_business_account", "object must be whatsapp_business_account"),
  entry: z.array(
    z.object({
      id: z.string().optional(),
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.object({
            messaging_product: z.literal("whatsapp").optional(),
            metadata: z.object({ phone_number_id: z.string(), display_phone_number: z.string().optional() }),
            contacts: z
              .array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string() }).optional() }))
              .optional(),
            messages: z.array(waMessage).optional(),
            statuses: z.array(waStatus).optional(),
          }),
        }),
      ),
    }),
  ),
});
export type WhatsAppWebhookPayload = z.infer<typeof whatsappWebhookPayload>;

/**
 * The messages and receipts of a WhatsApp webhook for one business number. Changes for another number (one
 * Meta app may serve several) are left out; message types Sentra does not handle yet (audio, location …)
 * arrive as a text saying so, so the customer is never silently ignored.
 */
export function readWhatsAppWebhook(
  payload: WhatsAppWebhookPayload,
  phoneNumberId: string,
): MessagingWebhookContent {
  const messages: MessagingInbound[] = [];
  const reports: DeliveryReport[] = [];
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if (change.field !== "messages" || change.value.metadata.phone_number_id !== phoneNumberId) continue;
      const names = new Map((change.value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const m of change.value.messages ?? []) {
        const name = names.get(m.from);
        const media = m.type === "image" ? m.image : m.type === "document" ? m.document : undefined;
        messages.push({
          providerMessageId: m.id,
          contact: { phone: `+${m.from}`, ...(name ? { name } : {}) },
          text: m.text?.body ?? media?.caption ?? (media ? "" : `[${m.type} message]`),
          media:
            media && (m.type === "image" || m.type === "document")
              ? {
                  kind: m.type,
                  mediaId: media.id,
                  fileName: media.filename ?? null,
                  mimeType: media.mime_type ?? null,
                }
              : null,
        });
      }
      for (const s of change.value.statuses ?? []) {
        const error = s.errors?.[0];
        reports.push({
          providerMessageId: s.id,
          status: s.status,
          error: error ? [error.code, error.title ?? error.message].filter(Boolean).join(" ") : null,
        });
      }
    }
  }
  return { messages, reports };
}

// --- Telegram Bot API ------------------------------------------------------------------------------------

const tgMessage = z.object({
  message_id: z.number().int(),
  date: z.number().int().optional(),
  chat: z.object({ id: z.number().int(), type: z.string().optional() }),
  from: z
    .object({
      id: z.number().int(),
      is_bot: z.boolean().optional(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
      username: z.string().optional(),
    })
    .optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z
    .array(z.object({ file_id: z.string(), width: z.number().optional(), height: z.number().optional() }))
    .optional(),
  document: z
    .object({ file_id: z.string(), file_name: z.string().optional(), mime_type: z.string().optional() })
    .optional(),
});

export const telegramUpdate = z.object({
  update_id: z.number().int(),
  message: tgMessage.optional(),
});
export type TelegramUpdate = z.infer<typeof telegramUpdate>;

/**
 * The message of a Telegram update. Message ids count per chat, so the id is scoped by account and chat.
 * Updates without a message (edits, callbacks, joins) carry nothing for an agent and yield nothing.
 */
export function readTelegramUpdate(update: TelegramUpdate, accountId: string): MessagingWebhookContent {
  const m = update.message;
  if (!m) return { messages: [], reports: [] };
  // The largest size comes last in `photo` (Bot API: "Available sizes of the photo").
  const photo = m.photo?.at(-1);
  const media: MessagingMedia | null = photo
    ? { kind: "image", mediaId: photo.file_id, fileName: null, mimeType: "image/jpeg" }
    : m.document
      ? {
          kind: "document",
          mediaId: m.document.file_id,
          fileName: m.document.file_name ?? null,
          mimeType: m.document.mime_type ?? null,
        }
      : null;
  const name = [m.from?.first_name, m.from?.last_name].filter(Boolean).join(" ");
  return {
    messages: [
      {
        providerMessageId: `telegram:${accountId}:${m.chat.id}:${m.message_id}`,
        contact: {
          handle: String(m.chat.id),
          ...(m.from?.username ? { username: m.from.username } : {}),
          ...(name ? { name } : {}),
        },
        text: m.text ?? m.caption ?? (media ? "" : "[unsupported message]"),
        media,
      },
    ],
    reports: [],
  };
}

// --- Generic SMS gateway (Sentra's own format, documented in README) --------------------------------------

export const smsWebhookPayload = z.union([
  z.object({
    id: z.string().min(1).max(200),
    from: z.string().min(3).max(32),
    to: z.string().max(32).optional(),
    text: z.string().max(10_000),
  }),
  z.object({
    id: z.string().min(1).max(200),
    status: z.enum(["sent", "delivered", "failed"]),
    error: z.string().max(500).optional(),
  }),
]);
export type SmsWebhookPayload = z.infer<typeof smsWebhookPayload>;

export const smsProviderMessageId = (accountId: string, id: string): string => `sms:${accountId}:${id}`;

export function readSmsWebhook(payload: SmsWebhookPayload, accountId: string): MessagingWebhookContent {
  const providerMessageId = smsProviderMessageId(accountId, payload.id);
  if ("status" in payload)
    return {
      messages: [],
      reports: [{ providerMessageId, status: payload.status, error: payload.error ?? null }],
    };
  return {
    messages: [{ providerMessageId, contact: { phone: payload.from }, text: payload.text, media: null }],
    reports: [],
  };
}

// --- Delivery status ---------------------------------------------------------------------------------------

const PROGRESS: Partial<Record<DeliveryStatus, number>> = { queued: 0, sent: 1, delivered: 2, read: 3 };

/**
 * The status a sent message moves to when a provider reports one, or null when the report changes nothing.
 * Progress only goes forward (receipts arrive out of order: a late "delivered" never undoes "read"); a
 * failure counts only before the message is known to have arrived; a failed message stays failed.
 */
export function advanceDeliveryStatus(
  current: DeliveryStatus,
  reported: DeliveryReport["status"],
): DeliveryStatus | null {
  const from = PROGRESS[current];
  if (from === undefined) return null;
  if (reported === "failed") return from <= 1 ? "failed" : null;
  return PROGRESS[reported]! > from ? reported : null;
}
