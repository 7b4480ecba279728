import type { ScheduledShift } from "./schedule-model.js";

const WORKING = new Set(["work"]);

/**
 * Agents at work in each interval, counting partial presence pro rata (a 15-minute break in a 60-minute
 * interval leaves 0.75). Only `work` activities count; breaks, lunch and prayer do not.
 */
export function coverageOf(
  shifts: readonly ScheduledShift[],
  intervalMinutes: number,
  intervals: number,
): number[] {
  const coverage = new Array<number>(intervals).fill(0);
  for (const shift of shifts) {
    for (const activity of shift.activities) {
      if (!WORKING.has(activity.kind)) continue;
      addSpan(coverage, intervalMinutes, activity.start, activity.end, 1);
    }
  }
  return coverage.map((value) => Math.round(value * 1000) / 1000);
}

export function addSpan(
  coverage: number[],
  intervalMinutes: number,
  start: number,
  end: number,
  weight: number,
): void {
  const first = Math.max(0, Math.floor(start / intervalMinutes));
  const last = Math.min(coverage.length - 1, Math.ceil(end / intervalMinutes) - 1);
  for (let i = first; i <= last; i++) {
    const from = Math.max(start, i * intervalMinutes);
    const to = Math.min(end, (i + 1) * intervalMinutes);
    if (to > from) coverage[i] = coverage[i]! + (weight * (to - from)) / intervalMinutes;
  }
}

export interface CoverageSummary {
  readonly coverage: number[];
  /** Requirement minus coverage where positive, per interval. */
  readonly shortfall: number[];
  /** Sum of the shortfall, in agent-intervals. */
  readonly totalShortfall: number;
  /** Intervals with any shortfall. */
  readonly understaffedIntervals: number;
}

export function coverageSummary(
  shifts: readonly ScheduledShift[],
  requirement: readonly number[],
  intervalMinutes: number,
): CoverageSummary {
  const coverage = coverageOf(shifts, intervalMinutes, requirement.length);
  const shortfall = requirement.map((need, i) =>
    Math.max(0, Math.round((need - coverage[i]!) * 1000) / 1000),
  );
  return {
    coverage,
    shortfall,
    totalShortfall: Math.round(shortfall.reduce((a, b) => a + b, 0) * 1000) / 1000,
    understaffedIntervals: shortfall.filter((s) => s > 0).length,
  };
}
