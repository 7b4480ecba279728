import { useMemo } from "react";
import { useTenant } from "../api/session";
import { intlLocale } from "./locale";
import { useLocale } from "./useLocale";

export interface Formatters {
  /** Date and time in the tenant's time zone (the center's clock, not the viewer's laptop), with its zone. */
  dateTime(iso: string): string;
  /** The same to the minute, for "created"/"last used" columns where seconds are noise. */
  dateTimeShort(iso: string): string;
  number(value: number): string;
  currency(amount: number, currency?: string): string;
  timeZone: string | undefined;
}

/** Intl formatters in the user's language and the tenant's time zone. */
export function useFormat(): Formatters {
  const { locale } = useLocale();
  const timeZone = useTenant(true).data?.timeZone;
  return useMemo(() => {
    const tag = intlLocale(locale);
    const dateTime = new Intl.DateTimeFormat(tag, {
      timeZone,
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    const dateTimeShort = new Intl.DateTimeFormat(tag, {
      timeZone,
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    const number = new Intl.NumberFormat(tag);
    return {
      dateTime: (iso) => dateTime.format(new Date(iso)),
      dateTimeShort: (iso) => dateTimeShort.format(new Date(iso)),
      number: (value) => number.format(value),
      currency: (amount, currency = "IDR") =>
        new Intl.NumberFormat(tag, { style: "currency", currency }).format(amount),
      timeZone,
    };
  }, [locale, timeZone]);
}
