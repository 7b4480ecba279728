/**
 * Rules shared by every digital channel (email now; web chat, WhatsApp, Telegram and SMS later): how a
 * conversation is named in a subject, which inbound messages are machine-made and must not become work, and
 * how long the outbox waits before trying a failed delivery again.
 */
export const CONVERSATION_CHANNELS = ["email", "chat", "message"] as const;
export type ConversationChannel = (typeof CONVERSATION_CHANNELS)[number];

export const MESSAGE_DIRECTIONS = ["inbound", "outbound", "internal_note"] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const DELIVERY_STATUSES = ["received", "queued", "sent", "delivered", "failed", "read"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const CONVERSATION_STATUSES = ["open", "closed"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Ticket tokens avoid 0/O and 1/I so a customer retyping one from a printout still matches. */
export const TICKET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const TICKET_TOKEN_LENGTH = 8;
const TOKEN_PATTERN = new RegExp(`\\[#([${TICKET_ALPHABET}]{${TICKET_TOKEN_LENGTH}})\\]`, "i");

/** A token from random bytes (one byte per character; 256 is a multiple of 32, so there is no bias). */
export function ticketTokenFrom(bytes: ArrayLike<number>): string {
  if (bytes.length < TICKET_TOKEN_LENGTH) throw new Error(`needs ${TICKET_TOKEN_LENGTH} random bytes`);
  let token = "";
  for (let i = 0; i < TICKET_TOKEN_LENGTH; i++) token += TICKET_ALPHABET[bytes[i]! % TICKET_ALPHABET.length];
  return token;
}

/** The ticket token a subject carries, e.g. "Re: Card blocked [#K7QW2M9X]" → "K7QW2M9X"; null when none. */
export function ticketTokenIn(subject: string | null | undefined): string | null {
  const match = subject ? TOKEN_PATTERN.exec(subject) : null;
  return match ? match[1]!.toUpperCase() : null;
}

/** The subject of an outgoing message: the conversation's subject, a reply prefix, and its token once. */
export function replySubject(subject: string | null, token: string): string {
  const base = (subject ?? "").replace(TOKEN_PATTERN, "").replace(/\s+/g, " ").trim();
  const withPrefix = /^(re|aw|balas)\s*:/i.test(base) ? base : `Re: ${base || "Your message"}`;
  return `${withPrefix} [#${token}]`;
}

export type AutomatedKind = "auto_reply" | "bounce";

/** What an inbound message says about itself; header names lower-case, as received. */
export interface InboundSignals {
  readonly headers: Readonly<Record<string, string>>;
  readonly fromAddress: string | null;
  readonly subject: string | null;
  readonly contentType: string | null;
}

const VACATION_SUBJECT =
  /^(auto(matic)?[ -]?reply|out of (the )?office|vacation|abwesenheit|balasan otomatis|sedang cuti)\b|^(autoreply|auto-reply)\s*:/i;
const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;

/**
 * Machine-made mail (RFC 3834 auto-replies, RFC 3464 delivery reports, mailing-list bulk) is stored on the
 * conversation for the record but never routed: answering it would start mail loops and waste agents' time.
 */
export function automatedKind(signals: InboundSignals): AutomatedKind | null {
  const h = signals.headers;
  const contentType = (signals.contentType ?? h["content-type"] ?? "").toLowerCase();
  if (contentType.includes("multipart/report") && contentType.includes("delivery-status")) return "bounce";
  if (signals.fromAddress && BOUNCE_SENDER.test(signals.fromAddress)) return "bounce";
  const autoSubmitted = (h["auto-submitted"] ?? "no").trim().toLowerCase();
  if (autoSubmitted !== "" && autoSubmitted !== "no") return "auto_reply";
  if (h["x-autoreply"] || h["x-autorespond"] || h["x-auto-response-suppress"]?.match(/all|oof/i)) {
    return "auto_reply";
  }
  const precedence = (h.precedence ?? "").trim().toLowerCase();
  if (
    precedence === "bulk" ||
    precedence === "auto_reply" ||
    precedence === "junk" ||
    precedence === "list"
  ) {
    return "auto_reply";
  }
  if (signals.subject && VACATION_SUBJECT.test(signals.subject.trim())) return "auto_reply";
  return null;
}

/** Whether an inbound message starts new routed work for the conversation it lands in. */
export function inboundNeedsRouting(input: {
  readonly automated: AutomatedKind | null;
  readonly conversationIsNew: boolean;
  readonly conversationStatus: ConversationStatus;
  /** The conversation's current interaction is still queued, offered or being handled. */
  readonly interactionLive: boolean;
}): boolean {
  if (input.automated !== null) return false;
  if (input.conversationIsNew) return true;
  return input.conversationStatus === "closed" || !input.interactionLive;
}

export const OUTBOX_MAX_ATTEMPTS = 6;

/** Exponential backoff for outgoing deliveries: 30 s, 1 min, 2 min … capped at 30 min; null = give up. */
export function nextAttemptDelayMs(attemptsSoFar: number): number | null {
  if (attemptsSoFar >= OUTBOX_MAX_ATTEMPTS) return null;
  return Math.min(30_000 * 2 ** Math.max(0, attemptsSoFar - 1), 30 * 60_000);
}
