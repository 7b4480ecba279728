import type { CoverageInterval } from "../../api/wfm";
import type { ChartSpec } from "../charts/chart-options";
import { DAY_MINUTES, MINUTE_MS } from "../time";

/** The intervals of one shown day, from the instant the day starts. */
export function dayCoverage(coverage: readonly CoverageInterval[], dayStart: number): CoverageInterval[] {
  const dayEnd = dayStart + DAY_MINUTES * MINUTE_MS;
  return coverage.filter((interval) => {
    const at = Date.parse(interval.start);
    return at >= dayStart && at < dayEnd;
  });
}

/** Scheduled agents as bars against the requirement as a step line, per interval. */
export function coverageChart(
  coverage: readonly CoverageInterval[],
  label: (iso: string) => string,
  names: { required: string; scheduled: string },
): ChartSpec {
  return {
    labels: coverage.map((interval) => label(interval.start)),
    series: [
      { kind: "bar", name: names.scheduled, data: coverage.map((i) => i.scheduled), color: "primary" },
      { kind: "step", name: names.required, data: coverage.map((i) => i.required), color: "warn" },
    ],
  };
}

/** Intervals short of the requirement and the agent-hours missing, for the headline above the chart. */
export function coverageGap(coverage: readonly CoverageInterval[], intervalMinutes: number) {
  const short = coverage.filter((interval) => interval.scheduled < interval.required);
  const missing = short.reduce((sum, interval) => sum + (interval.required - interval.scheduled), 0);
  return {
    shortIntervals: short.length,
    missingHours: Math.round(missing * (intervalMinutes / 60) * 10) / 10,
  };
}
