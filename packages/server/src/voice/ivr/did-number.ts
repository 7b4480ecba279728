import { UserError } from "@sentra/core";
import { parsePhoneNumberFromString } from "libphonenumber-js";

/** Short service and extension numbers (`1000`, Indonesian `14045`) are kept as dialled, not made E.164. */
const SHORT_NUMBER = /^\d{2,6}$/;

/**
 * The canonical form of a number callers dial: E.164 for phone numbers (national numbers read as Indonesian:
 * `021 5000 1000` → `+622150001000`), or the bare digits of a short number. Undefined when it is neither.
 */
export function canonicalDid(raw: string): string | undefined {
  const compact = raw.replace(/[\s\-().]/g, "");
  if (SHORT_NUMBER.test(compact)) return compact;
  const parsed = parsePhoneNumberFromString(compact, "ID");
  return parsed?.isValid() ? parsed.number : undefined;
}

/** `canonicalDid`, or a user error naming what was wrong, for the admin API. */
export function normaliseDid(raw: string): string {
  const did = canonicalDid(raw);
  if (did === undefined)
    throw new UserError(
      "invalid",
      "did_invalid",
      `"${raw}" is not a phone number (e.g. +62 21 5000 1000 or 021 5000 1000) or a short number of 2–6 digits.`,
    );
  return did;
}

/**
 * The forms under which an inbound call's dialled number may be stored. Carriers send the Request-URI user
 * part as `+62…`, `62…` or `0…`; all of them name the same DID.
 */
export function didCandidates(dialled: string): string[] {
  const user = dialled.replace(/^(sips?:)/i, "").split(/[@;]/)[0] ?? "";
  const candidates = new Set<string>();
  const direct = canonicalDid(user);
  if (direct) candidates.add(direct);
  if (/^\d{8,15}$/.test(user)) {
    const international = canonicalDid(`+${user}`);
    if (international) candidates.add(international);
  }
  return [...candidates];
}
