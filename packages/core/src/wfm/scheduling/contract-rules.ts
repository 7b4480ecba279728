import { MINUTES_PER_DAY, type PrayerRule, type SchedulingAgent } from "./schedule-model.js";
import { allowsPrayer, fitsAvailability } from "./shift-candidates.js";

/** The part of a shift the contract rules look at. */
export interface ShiftSpan {
  readonly day: number;
  readonly start: number;
  readonly end: number;
}

export type ContractViolationCode =
  | "max_hours"
  | "min_rest"
  | "days_off"
  | "one_shift_per_day"
  | "availability"
  | "prayer_window";

export interface ContractViolation {
  readonly code: ContractViolationCode;
  readonly message: string;
}

const hours = (minutes: number): string => `${Math.round((minutes / 60) * 100) / 100} h`;

/** Everything wrong with an agent's week of shifts; empty when it honours the contract and availability. */
export function contractViolations(
  agent: SchedulingAgent,
  shifts: readonly ShiftSpan[],
  prayer?: PrayerRule,
  daysInWeek = 7,
): ContractViolation[] {
  const violations: ContractViolation[] = [];
  const sorted = [...shifts].sort((a, b) => a.start - b.start);
  const total = sorted.reduce((sum, s) => sum + (s.end - s.start), 0);
  const { contract } = agent;
  if (total > contract.maxMinutesPerWeek) {
    violations.push({
      code: "max_hours",
      message: `Scheduled ${hours(total)} exceeds the contract's ${hours(contract.maxMinutesPerWeek)} a week.`,
    });
  }
  const days = new Set(sorted.map((s) => s.day));
  if (days.size < sorted.length) {
    violations.push({ code: "one_shift_per_day", message: "At most one shift may start on each day." });
  }
  if (daysInWeek - days.size < contract.minDaysOff) {
    violations.push({
      code: "days_off",
      message: `Works ${days.size} days; the contract requires ${contract.minDaysOff} days off a week.`,
    });
  }
  for (let i = 1; i < sorted.length; i++) {
    const rest = sorted[i]!.start - sorted[i - 1]!.end;
    if (rest < contract.minRestMinutes) {
      violations.push({
        code: "min_rest",
        message: `Only ${hours(Math.max(rest, 0))} between shifts on day ${sorted[i - 1]!.day} and day ${sorted[i]!.day}; the contract requires ${hours(contract.minRestMinutes)}.`,
      });
    }
  }
  for (const s of sorted) {
    if (!fitsAvailability(agent.availability, s.day, s.start, s.end)) {
      violations.push({
        code: "availability",
        message: `The shift on day ${s.day} (${clock(s.start)}–${clock(s.end)}) is outside the agent's availability.`,
      });
    }
    if (!allowsPrayer(prayer, agent, s.day, s.start, s.end)) {
      violations.push({
        code: "prayer_window",
        message: `The shift on day ${s.day} leaves no room for the ${prayer!.durationMinutes}-minute prayer break.`,
      });
    }
  }
  return violations;
}

function clock(minuteOfHorizon: number): string {
  const m = ((minuteOfHorizon % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Whether adding `next` to an agent's (already valid) shifts keeps the contract; the heuristic's inner test. */
export function canAddShift(
  agent: SchedulingAgent,
  existing: readonly ShiftSpan[],
  next: ShiftSpan,
  daysInWeek = 7,
): boolean {
  const { contract } = agent;
  let total = next.end - next.start;
  const days = new Set<number>([next.day]);
  for (const s of existing) {
    if (s.day === next.day) return false;
    total += s.end - s.start;
    days.add(s.day);
    const rest = s.start < next.start ? next.start - s.end : s.start - next.end;
    if (rest < contract.minRestMinutes) return false;
  }
  return total <= contract.maxMinutesPerWeek && daysInWeek - days.size >= contract.minDaysOff;
}
