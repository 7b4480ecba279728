import {
  type AvailabilityWindow,
  localTime,
  type PrayerRule,
  type SchedulingAgent,
  type ShiftTemplate,
  startOfLocalDay,
  UserError,
} from "@sentra/core";
import type { AgentContractView, ShiftTemplateView } from "./schedule-setup-service.js";

/**
 * Between calendar weeks (tenant time zone, ISO weekdays) and the scheduler's horizon (minutes and day
 * indexes from the week start). The week may start on any weekday; day 0 is the weekStart date.
 */
export interface PlanningWeek {
  readonly weekStart: string;
  /** Epoch ms of local midnight starting weekStart. */
  readonly startsAt: number;
  /** JavaScript weekday (0 = Sunday) of weekStart. */
  readonly firstWeekday: number;
}

export function planningWeek(timeZone: string, weekStart: string): PlanningWeek {
  const [y, m, d] = weekStart.split("-").map(Number) as [number, number, number];
  // Noon UTC falls on the same calendar date in every zone from UTC−11 to UTC+11, Indonesia's included.
  const noon = Date.UTC(y, m - 1, d, 12);
  if (Number.isNaN(noon)) throw new UserError("invalid", "invalid_week", `${weekStart} is not a date.`);
  const startsAt = startOfLocalDay(timeZone, noon);
  return { weekStart, startsAt, firstWeekday: localTime(timeZone, startsAt).weekday };
}

/** Horizon day (0–6) of an ISO weekday (1 = Monday … 7 = Sunday) in this week. */
export function dayOfWeekday(week: PlanningWeek, isoWeekday: number): number {
  return (((isoWeekday % 7) - week.firstWeekday + 7) % 7) as number;
}

export const instant = (week: PlanningWeek, minute: number): Date =>
  new Date(week.startsAt + minute * 60_000);

export function toSchedulingTemplate(week: PlanningWeek, t: ShiftTemplateView): ShiftTemplate {
  return {
    id: t.id,
    name: t.name,
    earliestStartMinute: t.earliestStartMinute,
    latestStartMinute: t.latestStartMinute,
    startStepMinutes: t.startStepMinutes,
    lengthMinutes: t.lengthMinutes,
    days: t.weekdays.map((weekday) => dayOfWeekday(week, weekday)),
    cost: t.cost,
    breaks: t.breaks,
  };
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

export function toSchedulingAgent(week: PlanningWeek, contract: AgentContractView): SchedulingAgent {
  const availability: AvailabilityWindow[] | undefined = contract.availability?.map((a) => ({
    day: dayOfWeekday(week, a.weekday),
    startMinute: minutesOf(a.start),
    endMinute: minutesOf(a.end),
  }));
  return {
    id: contract.agentId,
    contract: {
      maxMinutesPerWeek: Math.round(contract.maxHoursPerWeek * 60),
      minRestMinutes: Math.round(contract.minRestHours * 60),
      minDaysOff: contract.minDaysOffPerWeek,
    },
    ...(availability ? { availability } : {}),
    skills: [],
    prayerOptIn: contract.prayerOptIn,
  };
}

export function toPrayerRule(
  week: PlanningWeek,
  prayer: { weekday: number; windowStart: string; windowEnd: string; durationMinutes: number } | null,
): PrayerRule | undefined {
  if (!prayer) return undefined;
  return {
    day: dayOfWeekday(week, prayer.weekday),
    windowStartMinute: minutesOf(prayer.windowStart),
    windowEndMinute: minutesOf(prayer.windowEnd),
    durationMinutes: prayer.durationMinutes,
  };
}
