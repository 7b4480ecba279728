import type { Locale } from "@sentra/core";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../api/session";
import { isLocale, rememberLocale } from "./locale";

/** The UI language and a setter that switches it and remembers it for the logged-in user. */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { i18n } = useTranslation();
  const me = useMe().data;
  const userId = me?.id ?? null;
  const setLocale = useCallback(
    (next: Locale) => {
      rememberLocale(next, userId);
      void i18n.changeLanguage(next);
    },
    [i18n, userId],
  );
  return { locale: isLocale(i18n.language) ? i18n.language : "en", setLocale };
}
