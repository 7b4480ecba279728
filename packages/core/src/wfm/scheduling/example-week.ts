import type {
  BreakRule,
  IntervalMinutes,
  PrayerRule,
  SchedulingAgent,
  SchedulingProblem,
  ShiftTemplate,
} from "./schedule-model.js";

/**
 * A realistic example week for tests, benchmarks and demos: demand rising from 08:00 to a mid-afternoon peak
 * and falling by 22:00, a day and a late template with a 15-minute break in hours 2–3 and a 60-minute lunch
 * between hours 3.5 and 5, and the Friday prayer rule (11:30–13:00) for agents who opt in.
 */
export const STANDARD_BREAKS: readonly BreakRule[] = [
  { kind: "break", durationMinutes: 15, earliestOffsetMinutes: 120, latestEndOffsetMinutes: 180, paid: true },
  {
    kind: "lunch",
    durationMinutes: 60,
    earliestOffsetMinutes: 210,
    latestEndOffsetMinutes: 300,
    paid: false,
  },
];

/** Friday is day 4 of a week that starts on Monday. */
export const FRIDAY_PRAYER: PrayerRule = {
  day: 4,
  windowStartMinute: 690,
  windowEndMinute: 780,
  durationMinutes: 60,
};

export interface ExampleAgent {
  readonly maxHours: number;
  readonly restHours: number;
  readonly daysOff: number;
  readonly prayerOptIn: boolean;
  /** A day the agent is not available at all. */
  readonly unavailableDay: number | null;
  /** The hour by which every shift of the agent must end. */
  readonly latestEndHour: number | null;
}

export interface ExampleWeek {
  readonly intervalMinutes: IntervalMinutes;
  /** Agents wanted at the daily peak. */
  readonly peak: number;
  readonly agents: readonly ExampleAgent[];
  readonly startStepMinutes?: number;
  readonly underStaffPenalty?: number;
}

function template(
  id: string,
  earliestHour: number,
  latestHour: number,
  hours: number,
  cost: number,
  step: number,
) {
  return {
    id,
    name: id,
    earliestStartMinute: earliestHour * 60,
    latestStartMinute: latestHour * 60,
    startStepMinutes: step,
    lengthMinutes: hours * 60,
    days: [0, 1, 2, 3, 4, 5, 6],
    cost,
    breaks: STANDARD_BREAKS,
  } satisfies ShiftTemplate;
}

export function exampleWeekProblem(week: ExampleWeek): SchedulingProblem {
  const step = week.startStepMinutes ?? 60;
  const perDay = (24 * 60) / week.intervalMinutes;
  return {
    intervalMinutes: week.intervalMinutes,
    requirement: Array.from({ length: 7 * perDay }, (_, i) => {
      const hour = ((i % perDay) * week.intervalMinutes) / 60;
      if (hour < 8 || hour >= 22) return 0;
      const weekend = Math.floor(i / perDay) >= 5 ? 0.6 : 1;
      return Math.max(0, Math.round(week.peak * weekend * Math.sin(((hour - 7) / 15) * Math.PI)));
    }),
    templates: [template("day", 6, 10, 9, 90, step), template("late", 12, 15, 8, 100, step)],
    agents: week.agents.map(
      (a, i): SchedulingAgent => ({
        id: `agent-${i}`,
        contract: {
          maxMinutesPerWeek: a.maxHours * 60,
          minRestMinutes: a.restHours * 60,
          minDaysOff: a.daysOff,
        },
        skills: ["general"],
        prayerOptIn: a.prayerOptIn,
        ...(a.unavailableDay === null && a.latestEndHour === null
          ? {}
          : {
              availability: [0, 1, 2, 3, 4, 5, 6]
                .filter((day) => day !== a.unavailableDay)
                .map((day) => ({ day, startMinute: 0, endMinute: (a.latestEndHour ?? 24) * 60 })),
            }),
      }),
    ),
    prayer: FRIDAY_PRAYER,
    requiredSkills: ["general"],
    underStaffPenalty: week.underStaffPenalty ?? 50,
  };
}
