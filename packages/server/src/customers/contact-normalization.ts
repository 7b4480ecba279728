import { UserError } from "@sentra/core";
import { parsePhoneNumberFromString } from "libphonenumber-js";

/** Numbers without a country code are read as Indonesian: 0812…, 812… and 62812… all mean +62812…. */
export const DEFAULT_PHONE_REGION = "ID";

/** E.164 for a phone as people write it, or null when it cannot be a phone number. */
export function toE164(raw: string): string | null {
  const trimmed = raw.trim();
  // "62812…" without a plus is how Indonesian numbers often arrive from spreadsheets and WhatsApp exports.
  const withPlus = /^62\d{8,}$/.test(trimmed.replace(/[\s-]/g, "")) ? `+${trimmed}` : trimmed;
  const parsed = parsePhoneNumberFromString(withPlus, DEFAULT_PHONE_REGION);
  return parsed?.isPossible() ? parsed.number : null;
}

/** Every phone in E.164, deduplicated; an unreadable one is the caller's mistake, named in the error. */
export function normalizePhones(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const phone of raw) {
    const e164 = toE164(phone);
    if (!e164) throw new UserError("invalid", "invalid_phone", `"${phone}" is not a phone number.`);
    if (!out.includes(e164)) out.push(e164);
  }
  return out;
}

/**
 * Lower-cased and deduplicated. Gmail dots and +tags are kept: folding them is right for Gmail only, and a
 * customer who wrote "b.santoso" expects to see it back; the duplicate finder still meets both spellings
 * through the name and phone keys.
 */
export function normalizeEmails(raw: readonly string[]): string[] {
  return [...new Set(raw.map((e) => e.trim().toLowerCase()))];
}

export function normalizeAccountNumbers(raw: readonly string[]): string[] {
  return [...new Set(raw.map((a) => a.replace(/\D/g, "")))];
}
