import type { BusinessCalendar } from "./types.js";

interface LocalTime {
  readonly date: string;
  readonly weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  readonly minutes: number;
}

const WEEKDAYS: Readonly<Record<string, 0 | 1 | 2 | 3 | 4 | 5 | 6>> = {
  Sun: 0,
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
};

// Building a DateTimeFormat is far costlier than using one; the cache holds only immutable formatters.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock date, weekday and minute of day at `epochMs` in `timeZone` (an IANA name like Asia/Jakarta). */
export function localTime(timeZone: string, epochMs: number): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) parts[part.type] = part.value;
  const weekday = WEEKDAYS[parts.weekday ?? ""];
  if (weekday === undefined) throw new RangeError(`Unexpected weekday from Intl: ${parts.weekday}`);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m ?? 0);
}

/** Whether the calendar is open at `epochMs`. Holidays close the whole local day. */
export function isOpen(calendar: BusinessCalendar, epochMs: number): boolean {
  const local = localTime(calendar.timeZone, epochMs);
  if (calendar.holidays?.includes(local.date)) return false;
  const ranges = calendar.weekly[local.weekday] ?? [];
  return ranges.some(([from, to]) => local.minutes >= toMinutes(from) && local.minutes < toMinutes(to));
}

/** Epoch ms of the local midnight that starts the day containing `epochMs`; used for "today" in KPIs. */
export function startOfLocalDay(timeZone: string, epochMs: number): number {
  const local = localTime(timeZone, epochMs);
  // Whole-minute offsets cover every zone in use; seconds within the minute are dropped first.
  const withinMinute = ((epochMs % 60_000) + 60_000) % 60_000;
  return epochMs - withinMinute - local.minutes * 60_000;
}
