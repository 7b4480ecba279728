import type { Estimate, SimulatedFigures, SimulatedInterval, SimulationResult } from "../../api/wfm";
import type { ChartSpec } from "../charts/chart-options";
import { clockLabel } from "../time";

export const SIMULATION_METRICS = ["serviceLevel", "asaSeconds", "abandonRate", "occupancy"] as const;
export type SimulationMetric = (typeof SIMULATION_METRICS)[number];

/** Rates come back as ratios; the charts read percents. ASA stays in seconds. */
const PERCENT: Record<SimulationMetric, boolean> = {
  serviceLevel: true,
  asaSeconds: false,
  abandonRate: true,
  occupancy: true,
};

const scale = (value: number | null, metric: SimulationMetric) =>
  value === null ? null : Math.round((PERCENT[metric] ? value * 100 : value) * 10) / 10;

export function estimateIn(estimate: Estimate | undefined, metric: SimulationMetric): Estimate {
  return {
    mean: scale(estimate?.mean ?? null, metric),
    low: scale(estimate?.low ?? null, metric),
    high: scale(estimate?.high ?? null, metric),
  };
}

/** Interval labels on the clock: the simulated day's minute 0 is `startMinute` (08:00 → 480). */
export function intervalLabels(intervals: readonly SimulatedInterval[], startMinute = 0): string[] {
  return intervals.map((i) => clockLabel(startMinute + i.startMinute));
}

/** One metric of one or two runs as mean lines with confidence bands. */
export function metricChart(
  metric: SimulationMetric,
  runs: readonly { name: string; result: SimulationResult }[],
  startMinute = 0,
  target?: { value: number; label: string } | null,
): ChartSpec {
  const first = runs[0]?.result;
  const colors = ["primary", "secondary"] as const;
  return {
    labels: first ? intervalLabels(first.intervals, startMinute) : [],
    unit: PERCENT[metric] ? "%" : "",
    ...(PERCENT[metric] ? { yMax: 100 } : {}),
    target: target ?? null,
    series: runs.map((run, index) => {
      const values = run.result.intervals.map((i) => estimateIn(i[metric], metric));
      return {
        kind: "band" as const,
        name: run.name,
        mean: values.map((v) => v.mean),
        low: values.map((v) => v.low),
        high: values.map((v) => v.high),
        color: colors[index % colors.length] ?? "primary",
      };
    }),
  };
}

/** Whole-day figures of a run, rates in percent. */
export function runTotals(result: SimulationResult): Record<SimulationMetric, Estimate> {
  return Object.fromEntries(
    SIMULATION_METRICS.map((metric) => [metric, estimateIn(result.day[metric], metric)]),
  ) as Record<SimulationMetric, Estimate>;
}

/** The paired day difference (variant − base) in the same units; rates become percentage points. */
export function differenceIn(difference: SimulatedFigures, metric: SimulationMetric): Estimate {
  return estimateIn(difference[metric], metric);
}

/** Parses "12, 15 20\n18" into numbers; null when any token is not a non-negative number. */
export function parseSeries(text: string): number[] | null {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  if (tokens.length === 0) return null;
  const values = tokens.map(Number);
  return values.every((v) => Number.isFinite(v) && v >= 0) ? values : null;
}

/** A single figure applies to every interval; a list must match the arrivals' length. */
export function expandAgents(agents: readonly number[], length: number): number[] | null {
  if (agents.length === 1) return Array.from({ length }, () => agents[0] ?? 0);
  return agents.length === length ? [...agents] : null;
}
