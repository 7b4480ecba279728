import { LOCALES, type Locale } from "@sentra/core";

const LAST_USED = "sentra.locale";
const perUser = (userId: string) => `sentra.locale.${userId}`;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function read(key: string): Locale | null {
  try {
    const value = window.localStorage.getItem(key);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage disabled (private mode, policy): fall back to defaults
  }
}

function write(key: string, locale: Locale): void {
  try {
    window.localStorage.setItem(key, locale);
  } catch {
    // Not persisting is acceptable: the choice still holds for this page.
  }
}

/** Before anyone logs in: the language last used in this browser, else the browser's own preference. */
export function initialLocale(): Locale {
  const stored = read(LAST_USED);
  if (stored) return stored;
  const browser = typeof navigator === "undefined" ? "" : navigator.language.toLowerCase();
  return browser.startsWith("id") || browser.startsWith("in") ? "id" : "en";
}

/** The language this user chose in this browser, if any. */
export function storedUserLocale(userId: string): Locale | null {
  return read(perUser(userId));
}

/** Remembers the choice for the user (per user, so a shared workstation keeps each agent's language). */
export function rememberLocale(locale: Locale, userId: string | null): void {
  write(LAST_USED, locale);
  if (userId) write(perUser(userId), locale);
}

/** The locale Intl should format with: BCP 47 tags for the languages Sentra speaks. */
export function intlLocale(locale: Locale): string {
  return locale === "id" ? "id-ID" : "en";
}
