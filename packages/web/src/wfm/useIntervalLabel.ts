import { useMemo } from "react";
import { intlLocale } from "../i18n/locale";
import { useFormat } from "../i18n/useFormat";
import { useLocale } from "../i18n/useLocale";
import { intervalLabeler } from "./time";

/** Formats interval starts as "Mon 08:30" in the user's language and the tenant's time zone. */
export function useIntervalLabel(): (iso: string) => string {
  const { locale } = useLocale();
  const { timeZone } = useFormat();
  return useMemo(() => intervalLabeler(intlLocale(locale), timeZone), [locale, timeZone]);
}
