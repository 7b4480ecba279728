import { z } from "zod";
import { isOpen } from "../routing/business-hours.js";
import type { BusinessCalendar } from "../routing/types.js";

const MB = 1024 * 1024;

/** What a visitor may attach when a key does not say otherwise: images, PDF and office documents. */
export const DEFAULT_ATTACHMENT_TYPES: readonly string[] = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "text/plain",
  "text/csv",
];
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * MB;
/** The largest per-key limit an admin may set; the upload route refuses bigger bodies before reading them. */
export const ATTACHMENT_HARD_MAX_BYTES = 25 * MB;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Times are HH:MM, e.g. 08:00.");
const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "An IANA time zone, e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).");

/** Opening hours of a chat key: weekday ("0" = Sunday) → local [from, to) ranges in the key's time zone. */
export const webChatHours = z.object({
  timeZone,
  weekly: z.partialRecord(z.enum(["0", "1", "2", "3", "4", "5", "6"]), z.array(z.tuple([hhmm, hhmm])).max(6)),
  holidays: z.array(z.iso.date()).max(400).default([]),
});
export type WebChatHours = z.infer<typeof webChatHours>;

/** How a key's widget behaves beyond routing: attachments, opening hours, what happens when nobody answers. */
export const webChatWidgetSettings = z.object({
  attachments: z
    .object({
      maxBytes: z
        .number()
        .int()
        .min(1024)
        .max(ATTACHMENT_HARD_MAX_BYTES, `Attachments are at most ${ATTACHMENT_HARD_MAX_BYTES / MB} MB.`)
        .default(DEFAULT_ATTACHMENT_MAX_BYTES),
      types: z
        .array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, "A content type like image/png."))
        .max(50)
        .default([...DEFAULT_ATTACHMENT_TYPES]),
    })
    .prefault({}),
  /** Absent: open around the clock. */
  hours: webChatHours.nullable().default(null),
  /** Show the offline form when no agent is logged in, even within opening hours. */
  offlineWhenNoAgents: z.boolean().default(true),
  /** Where offline-form messages are routed as email; the key's queue when absent (it must take email). */
  offlineQueueId: z.uuid().nullable().default(null),
});
export type WebChatWidgetSettings = z.infer<typeof webChatWidgetSettings>;

export type WebChatAvailability =
  | { readonly online: true }
  | { readonly online: false; readonly reason: "closed" | "no_agents" };

/** Whether the widget offers a live chat now, or the offline form (and why). */
export function webChatAvailability(
  settings: Pick<WebChatWidgetSettings, "hours" | "offlineWhenNoAgents">,
  agentsLoggedIn: number,
  nowMs: number,
): WebChatAvailability {
  if (settings.hours && !isOpen(toCalendar(settings.hours), nowMs))
    return { online: false, reason: "closed" };
  if (settings.offlineWhenNoAgents && agentsLoggedIn === 0) return { online: false, reason: "no_agents" };
  return { online: true };
}

const toCalendar = (hours: WebChatHours): BusinessCalendar => ({
  timeZone: hours.timeZone,
  weekly: Object.fromEntries(Object.entries(hours.weekly).map(([day, ranges]) => [Number(day), ranges])),
  holidays: hours.holidays,
});

export type AttachmentVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: "too_large" | "type_not_allowed" | "empty";
      readonly message: string;
    };

const megabytes = (bytes: number): string =>
  bytes < MB ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round((bytes / MB) * 10) / 10} MB`;

/** Whether a visitor's file fits the key's limits; the message names the limit that was broken. */
export function checkAttachment(
  limits: WebChatWidgetSettings["attachments"],
  contentType: string,
  sizeBytes: number,
): AttachmentVerdict {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (!limits.types.includes(type)) {
    return {
      ok: false,
      reason: "type_not_allowed",
      message: `Files of type ${type || "(none)"} are not accepted here; send an image, a PDF or an office document.`,
    };
  }
  if (sizeBytes === 0) return { ok: false, reason: "empty", message: "The file is empty." };
  if (sizeBytes > limits.maxBytes) {
    return {
      ok: false,
      reason: "too_large",
      message: `The file is ${megabytes(sizeBytes)}; files up to ${megabytes(limits.maxBytes)} are accepted.`,
    };
  }
  return { ok: true };
}

/** The post-chat question: 1–5 and an optional comment. */
export const webChatCsatBody = z.object({
  rating: z.number().int("The rating is a whole number.").min(1, "Rate 1 to 5.").max(5, "Rate 1 to 5."),
  comment: z.string().trim().max(2000, "A comment is at most 2000 characters.").optional(),
});
export type WebChatCsatBody = z.infer<typeof webChatCsatBody>;

/** "Email me the transcript": to the address of the pre-chat form unless another is given. */
export const webChatTranscriptBody = z.object({
  email: z.email("Enter a valid email address.").max(254).optional(),
});
export type WebChatTranscriptBody = z.infer<typeof webChatTranscriptBody>;

/** The offline form: becomes an email-type interaction on the key's queue. */
export const webChatOfflineBody = z.object({
  key: z.string().regex(/^wc_[A-Za-z0-9_-]{10,64}$/, "The chat key looks like wc_… (from the widget tag)."),
  name: z.string().trim().min(1, "Enter your name.").max(120),
  email: z.email("Enter a valid email address.").max(254),
  message: z.string().trim().min(1, "Write your message.").max(4000, "A message is at most 4000 characters."),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
});
export type WebChatOfflineBody = z.infer<typeof webChatOfflineBody>;
