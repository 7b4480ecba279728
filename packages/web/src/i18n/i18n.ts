import type { Locale } from "@sentra/core";
import i18next, { type i18n } from "i18next";
import en from "./en.json";
import id from "./id.json";

export const resources = { en: { translation: en }, id: { translation: id } } as const;

/**
 * A ready i18next instance. Both languages are bundled (a few kB each), so init is synchronous and the
 * first paint is already translated.
 */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: locale,
    fallbackLng: "en",
    supportedLngs: ["en", "id"],
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
  });
  const syncHtmlLang = (lng: string) => {
    if (typeof document !== "undefined") document.documentElement.lang = lng;
  };
  syncHtmlLang(locale);
  instance.on("languageChanged", syncHtmlLang);
  return instance;
}
