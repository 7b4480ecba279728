import type { Schedule } from "../../api/wfm";
import type { ChartSpec } from "../charts/chart-options";
import { clockLabel, DAY_MINUTES } from "../time";

export interface DayCoverage {
  /** Minute of the day each interval starts. */
  minutes: number[];
  required: number[];
  scheduled: number[];
}

const tenth = (value: number) => Math.round(value * 10) / 10;

/** One day (0 = the week-start date) of a schedule's per-interval requirement and coverage. */
export function dayCoverage(
  schedule: Pick<Schedule, "intervalMinutes" | "requirement" | "coverage">,
  day: number,
): DayCoverage {
  const perDay = DAY_MINUTES / schedule.intervalMinutes;
  const from = day * perDay;
  const minutes = Array.from({ length: perDay }, (_, i) => i * schedule.intervalMinutes);
  return {
    minutes,
    required: minutes.map((_, i) => tenth(schedule.requirement[from + i] ?? 0)),
    scheduled: minutes.map((_, i) => tenth(schedule.coverage[from + i] ?? 0)),
  };
}

/** Scheduled agents as bars against the requirement as a step line, per interval. */
export function coverageChart(day: DayCoverage, names: { required: string; scheduled: string }): ChartSpec {
  return {
    labels: day.minutes.map(clockLabel),
    series: [
      { kind: "bar", name: names.scheduled, data: day.scheduled, color: "primary" },
      { kind: "step", name: names.required, data: day.required, color: "warn" },
    ],
  };
}

/** Intervals short of the requirement and the agent-hours missing, for the headline above the chart. */
export function coverageGap(day: DayCoverage, intervalMinutes: number) {
  const missing = day.required.map((required, i) => Math.max(0, required - (day.scheduled[i] ?? 0)));
  const short = missing.filter((gap) => gap > 0.05);
  return {
    shortIntervals: short.length,
    missingHours: tenth(short.reduce((sum, gap) => sum + gap, 0) * (intervalMinutes / 60)),
  };
}
