import type { ScheduledShift } from "../../api/wfm";
import { addDays, DAY_MINUTES } from "../time";

export interface MyDay {
  date: string;
  shifts: {
    id: string;
    start: number;
    end: number;
    activities: { kind: string; start: number; end: number }[];
  }[];
}

/** An agent's week as seven local days, each with its shifts in minutes from that day's start. */
export function myWeek(shifts: readonly ScheduledShift[], weekStart: string): MyDay[] {
  return Array.from({ length: 7 }, (_, day) => {
    const offset = day * DAY_MINUTES;
    return {
      date: addDays(weekStart, day),
      shifts: shifts
        .filter((shift) => shift.day === day)
        .sort((a, b) => a.start - b.start)
        .map((shift) => ({
          id: shift.id,
          start: shift.start - offset,
          end: shift.end - offset,
          activities: shift.activities
            .filter((a) => a.kind !== "work")
            .map((a) => ({ kind: a.kind, start: a.start - offset, end: a.end - offset })),
        })),
    };
  });
}

/** Paid hours of the week: shift spans minus unpaid lunch and prayer. */
export function weekHours(days: readonly MyDay[]): number {
  const unpaid = (shift: MyDay["shifts"][number]) =>
    shift.activities
      .filter((a) => a.kind === "lunch" || a.kind === "prayer")
      .reduce((sum, a) => sum + (a.end - a.start), 0);
  const minutes = days
    .flatMap((day) => day.shifts)
    .reduce((sum, s) => sum + (s.end - s.start) - unpaid(s), 0);
  return Math.round((minutes / 60) * 10) / 10;
}
