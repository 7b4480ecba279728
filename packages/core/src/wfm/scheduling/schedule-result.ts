import { placeBreaks, type ShiftChoice } from "./break-placement.js";
import { coverageSummary } from "./coverage.js";
import type { ScheduledShift, SchedulingProblem } from "./schedule-model.js";

export type SolverUsed = "milp" | "heuristic";

export interface SolverReport {
  readonly solver: SolverUsed;
  /** e.g. "optimal", "time_limit", "heuristic". */
  readonly status: string;
  /** Relative MIP gap reported by the solver; null for the heuristic. */
  readonly gap: number | null;
  /** Why the heuristic ran instead of the MILP, when it did. */
  readonly fallbackReason?: string;
  readonly seconds: number;
}

export interface ScheduleResult {
  readonly shifts: ScheduledShift[];
  readonly coverage: number[];
  readonly shortfall: number[];
  readonly totalShortfall: number;
  readonly understaffedIntervals: number;
  /** Sum of the chosen shifts' costs. */
  readonly shiftCost: number;
  /** Shift cost plus the under-staffing penalty on the final (after-breaks) shortfall. */
  readonly cost: number;
  readonly solver: SolverReport;
}

/** Places breaks on the chosen shifts and measures the result against the requirement. */
export function finishSchedule(
  problem: SchedulingProblem,
  choices: readonly ShiftChoice[],
  solver: SolverReport,
): ScheduleResult {
  const shifts = placeBreaks(choices, problem.requirement, problem.intervalMinutes, problem.prayer);
  const summary = coverageSummary(shifts, problem.requirement, problem.intervalMinutes);
  const shiftCost = choices.reduce((sum, c) => sum + c.template.cost, 0);
  return {
    shifts,
    ...summary,
    shiftCost,
    cost: Math.round((shiftCost + summary.totalShortfall * problem.underStaffPenalty) * 100) / 100,
    solver,
  };
}
