import { createHmac, timingSafeEqual } from "node:crypto";

/** Equal strings in time that does not depend on where they differ. Lengths are not secret. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

const hmacHex = (secret: string, data: Buffer | string): string =>
  createHmac("sha256", secret).update(data).digest("hex");

/**
 * Meta signs every webhook POST with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed
 * with the app secret>` (Meta, "Graph API Webhooks – Getting started: Validate payloads"). The raw bytes
 * matter: re-serialised JSON would not match.
 */
export function whatsappSignatureValid(
  appSecret: string,
  rawBody: Buffer,
  header: string | undefined,
): boolean {
  if (!header?.startsWith("sha256=")) return false;
  return constantTimeEqual(header.slice(7).toLowerCase(), hmacHex(appSecret, rawBody));
}

/** `sha256=` plus the HMAC of the raw body, as Meta sends it; the test fakes sign with this too. */
export const whatsappSignature = (appSecret: string, rawBody: Buffer | string): string =>
  `sha256=${hmacHex(appSecret, rawBody)}`;

/**
 * Sentra's scheme for generic SMS gateways, both directions (README "Messaging"): headers
 * `X-Sentra-Timestamp: <unix seconds>` and `X-Sentra-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<raw body>", keyed with the account's signing secret>`. The timestamp inside the signed text
 * lets a receiver refuse replays older than five minutes.
 */
export const SMS_SIGNATURE_TOLERANCE_SECONDS = 300;

export const smsSignature = (secret: string, timestamp: string, rawBody: Buffer | string): string =>
  `sha256=${hmacHex(secret, Buffer.concat([Buffer.from(`${timestamp}.`), Buffer.from(rawBody)]))}`;

export type SmsSignatureCheck = "ok" | "missing" | "stale" | "mismatch";

export function checkSmsSignature(
  secret: string,
  rawBody: Buffer,
  timestamp: string | undefined,
  signature: string | undefined,
  nowMs: number,
): SmsSignatureCheck {
  if (!timestamp || !signature) return "missing";
  if (!/^\d{1,12}$/.test(timestamp)) return "mismatch";
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > SMS_SIGNATURE_TOLERANCE_SECONDS) return "stale";
  return constantTimeEqual(signature.toLowerCase(), smsSignature(secret, timestamp, rawBody))
    ? "ok"
    : "mismatch";
}
