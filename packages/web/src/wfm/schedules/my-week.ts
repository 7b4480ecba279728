import type { ScheduledShift } from "../../api/wfm";
import { addDays, MINUTE_MS, zonedMidnight } from "../time";

export interface MyDay {
  date: string;
  weekday: number;
  shifts: {
    id: string;
    start: number;
    end: number;
    activities: { kind: string; start: number; end: number }[];
  }[];
}

/** An agent's week as seven local days, each with its shifts in minutes from that day's midnight. */
export function myWeek(shifts: readonly ScheduledShift[], weekStart: string, timeZone: string): MyDay[] {
  return Array.from({ length: 7 }, (_, weekday) => {
    const date = addDays(weekStart, weekday);
    const dayStart = zonedMidnight(date, timeZone);
    const nextDay = zonedMidnight(addDays(date, 1), timeZone);
    const minutes = (iso: string) => Math.round((Date.parse(iso) - dayStart) / MINUTE_MS);
    return {
      date,
      weekday,
      shifts: shifts
        .filter((shift) => Date.parse(shift.start) >= dayStart && Date.parse(shift.start) < nextDay)
        .sort((a, b) => a.start.localeCompare(b.start))
        .map((shift) => ({
          id: shift.id,
          start: minutes(shift.start),
          end: minutes(shift.end),
          activities: shift.activities
            .filter((a) => a.kind !== "work")
            .map((a) => ({ kind: a.kind, start: minutes(a.start), end: minutes(a.end) })),
        })),
    };
  });
}

/** Paid hours of the week: shift spans minus unpaid lunch and prayer. */
export function weekHours(days: readonly MyDay[]): number {
  const minutes = days
    .flatMap((day) => day.shifts)
    .reduce(
      (sum, shift) =>
        sum +
        (shift.end - shift.start) -
        shift.activities
          .filter((a) => a.kind === "lunch" || a.kind === "prayer")
          .reduce((s, a) => s + (a.end - a.start), 0),
      0,
    );
  return Math.round((minutes / 60) * 10) / 10;
}
