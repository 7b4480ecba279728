import { localTime, startOfLocalDay } from "../routing/business-hours.js";
import type { BusinessCalendar } from "../routing/types.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Two years of closed days in a row means the calendar has no opening hours at all; stop instead of looping.
const MAX_DAYS_SCANNED = 732;

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m ?? 0);
}

interface OpenInterval {
  readonly from: number;
  readonly to: number;
}

/**
 * The open intervals (epoch ms) of the local day that contains `epochMs`, sorted, plus where the next day
 * starts. Offsets are read once per day, which is exact for Indonesian zones (no daylight saving) and off by
 * at most the shift on a DST changeover day elsewhere.
 */
function openDay(
  calendar: BusinessCalendar,
  epochMs: number,
): { intervals: OpenInterval[]; nextDay: number } {
  const dayStart = startOfLocalDay(calendar.timeZone, epochMs);
  const nextDay = startOfLocalDay(calendar.timeZone, dayStart + 36 * HOUR);
  const local = localTime(calendar.timeZone, epochMs);
  if (calendar.holidays?.includes(local.date)) return { intervals: [], nextDay };
  const intervals = (calendar.weekly[local.weekday] ?? [])
    .map(([from, to]) => ({
      from: dayStart + toMinutes(from) * MINUTE,
      to: dayStart + toMinutes(to) * MINUTE,
    }))
    .filter((interval) => interval.to > interval.from)
    .sort((a, b) => a.from - b.from);
  return { intervals, nextDay };
}

function noOpeningHours(calendar: BusinessCalendar): RangeError {
  return new RangeError(`The calendar (${calendar.timeZone}) has no opening hours within two years.`);
}

/**
 * The instant at which `durationMs` of business time has passed since `startMs`. Without a calendar every
 * millisecond counts (a 24/7 service). The result is the end of business time, so the instant just before it
 * is always open; a target that runs out exactly at closing time is due at closing time, not next morning.
 */
export function addBusinessTime(
  calendar: BusinessCalendar | undefined,
  startMs: number,
  durationMs: number,
): number {
  if (durationMs < 0) throw new RangeError("Business time cannot be negative.");
  if (calendar === undefined) return startMs + durationMs;
  if (durationMs === 0) return startMs;
  let cursor = startMs;
  let remaining = durationMs;
  let closedDays = 0;
  while (closedDays < MAX_DAYS_SCANNED) {
    const { intervals, nextDay } = openDay(calendar, cursor);
    let usedToday = false;
    for (const interval of intervals) {
      if (interval.to <= cursor) continue;
      const from = Math.max(cursor, interval.from);
      const available = interval.to - from;
      usedToday = true;
      if (remaining <= available) return from + remaining;
      remaining -= available;
      cursor = interval.to;
    }
    closedDays = usedToday ? 0 : closedDays + 1;
    cursor = nextDay;
  }
  throw noOpeningHours(calendar);
}

/** Business time (ms) between two instants: the open part of [fromMs, toMs). Zero when toMs ≤ fromMs. */
export function businessTimeBetween(
  calendar: BusinessCalendar | undefined,
  fromMs: number,
  toMs: number,
): number {
  if (toMs <= fromMs) return 0;
  if (calendar === undefined) return toMs - fromMs;
  let total = 0;
  let cursor = fromMs;
  while (cursor < toMs) {
    const { intervals, nextDay } = openDay(calendar, cursor);
    for (const interval of intervals) {
      const from = Math.max(cursor, interval.from);
      const to = Math.min(toMs, interval.to);
      if (to > from) total += to - from;
    }
    cursor = nextDay;
  }
  return total;
}
