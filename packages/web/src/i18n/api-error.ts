import type { TFunction } from "i18next";
import { ApiError } from "../api/http";

/** Error codes whose text the user should read in their own language; others show the server's message. */
const TRANSLATED = new Set([
  "invalid_credentials",
  "account_locked",
  "rate_limited",
  "unauthenticated",
  "forbidden",
  "email_taken",
  "team_name_taken",
  "cannot_demote_self",
  "unknown_members",
]);

export function apiErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (TRANSLATED.has(error.code)) return t(`apiErrors.${error.code}`);
    if (error.status >= 500) return t("apiErrors.server");
    return error.message || t("apiErrors.unknown");
  }
  return t("apiErrors.network");
}
