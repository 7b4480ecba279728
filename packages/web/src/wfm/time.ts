/**
 * WFM works on the contact centre's clock: intervals, shift days and "today" are in the tenant's time zone,
 * whatever the viewer's laptop says.
 */
export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 1_440;

/** Offset of a time zone from UTC at an instant, in minutes (Asia/Jakarta: +420). */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / MINUTE_MS);
}

/** The instant of local midnight starting a calendar date ("2026-11-23") in a time zone. */
export function zonedMidnight(date: string, timeZone: string): number {
  const [y, m, d] = date.slice(0, 10).split("-").map(Number);
  const guess = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  // Two passes settle the offset even when the guess falls on the other side of a DST change.
  let at = guess - zoneOffsetMinutes(timeZone, guess) * MINUTE_MS;
  at = guess - zoneOffsetMinutes(timeZone, at) * MINUTE_MS;
  return at;
}

/** The calendar date ("2026-11-23") of an instant in a time zone. */
export function zonedDate(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** Adds days to a calendar date, staying on calendar dates (no time zone involved). */
export function addDays(date: string, days: number): string {
  const at = Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * DAY_MINUTES * MINUTE_MS;
  return new Date(at).toISOString().slice(0, 10);
}

/** Monday of the week containing a calendar date. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** "08:30" for a minute of the day; 1440 reads "24:00" so a day's end is not confused with its start. */
export function clockLabel(minute: number): string {
  const m = ((Math.round(minute) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const hours = minute >= DAY_MINUTES && m === 0 ? 24 : Math.floor(m / 60);
  return `${String(hours).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** A formatter of interval starts for chart axes: short weekday and clock time in the tenant's zone. */
export function intervalLabeler(tag: string, timeZone: string | undefined): (iso: string) => string {
  const format = new Intl.DateTimeFormat(tag, {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return (iso) => format.format(new Date(iso));
}

/** Monday-based weekday of a calendar date: 0 = Monday … 6 = Sunday (the wfm.weekdays.* keys). */
export function weekdayIndex(date: string): number {
  return (new Date(`${date.slice(0, 10)}T00:00:00Z`).getUTCDay() + 6) % 7;
}
