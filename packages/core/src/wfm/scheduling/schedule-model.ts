/**
 * The scheduling problem, in minutes from the start of the planning horizon (local midnight of the week's
 * first day in the tenant's time zone). Day 0 is the first day of the horizon; a week is days 0–6.
 */
export const MINUTES_PER_DAY = 1_440;

export type IntervalMinutes = 15 | 30 | 60;

/** Where a break may sit, as offsets from the shift start: it must start at or after `earliestOffset` and end
 *  at or before `latestEndOffset`. */
export interface BreakRule {
  readonly kind: "break" | "lunch";
  readonly durationMinutes: number;
  readonly earliestOffsetMinutes: number;
  readonly latestEndOffsetMinutes: number;
  readonly paid: boolean;
}

export interface ShiftTemplate {
  readonly id: string;
  readonly name: string;
  /** Minute of day of the first and last allowed start (inclusive); starts step by `startStepMinutes`. */
  readonly earliestStartMinute: number;
  readonly latestStartMinute: number;
  readonly startStepMinutes: number;
  readonly lengthMinutes: number;
  /** Days of the horizon (0 = first day) the template may be used on. */
  readonly days: readonly number[];
  readonly cost: number;
  readonly breaks: readonly BreakRule[];
}

export interface AgentContract {
  /** Upper bound on the scheduled shift minutes (span, breaks included) in the week. */
  readonly maxMinutesPerWeek: number;
  /** Minimum minutes between the end of one shift and the start of the next. */
  readonly minRestMinutes: number;
  /** Days of the week on which the agent must have no shift start. */
  readonly minDaysOff: number;
}

/** A window on a day (minute of day, end exclusive, may exceed 1440 for overnight availability). */
export interface AvailabilityWindow {
  readonly day: number;
  readonly startMinute: number;
  readonly endMinute: number;
}

export interface SchedulingAgent {
  readonly id: string;
  readonly contract: AgentContract;
  /** Absent: available any time. Present: every shift must fit in one window of its day. */
  readonly availability?: readonly AvailabilityWindow[];
  readonly skills: readonly string[];
  readonly prayerOptIn: boolean;
}

/** A tenant rule: opted-in agents get an unpaid break of `durationMinutes` inside the window on `day`
 *  (e.g. the Friday midday prayer 11:30–13:00 local time). It replaces the shift's lunch that day. */
export interface PrayerRule {
  readonly day: number;
  readonly windowStartMinute: number;
  readonly windowEndMinute: number;
  readonly durationMinutes: number;
}

export interface SchedulingProblem {
  readonly intervalMinutes: IntervalMinutes;
  /** Agents required in each interval of the horizon; its length sets the horizon. */
  readonly requirement: readonly number[];
  readonly templates: readonly ShiftTemplate[];
  readonly agents: readonly SchedulingAgent[];
  readonly prayer?: PrayerRule;
  /** Only agents with every listed skill are scheduled. */
  readonly requiredSkills?: readonly string[];
  /** Cost of each missing agent in each interval (soft coverage). */
  readonly underStaffPenalty: number;
}

export type ActivityKind = "work" | "break" | "lunch" | "prayer" | "training" | "off";

/** An activity inside a shift, in minutes from the horizon start. */
export interface ScheduledActivity {
  readonly kind: ActivityKind;
  readonly start: number;
  readonly end: number;
}

export interface ScheduledShift {
  readonly agentId: string;
  readonly templateId: string;
  readonly day: number;
  readonly start: number;
  readonly end: number;
  /** Work plus breaks, in time order, covering [start, end). */
  readonly activities: readonly ScheduledActivity[];
}

export function horizonMinutes(problem: Pick<SchedulingProblem, "intervalMinutes" | "requirement">): number {
  return problem.requirement.length * problem.intervalMinutes;
}

export function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
}
