import type { BacktestScore, ForecastInterval, StaffingInterval } from "../../api/wfm";
import type { ChartSpec } from "../charts/chart-options";

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The method the backtest picks: lowest WAPE, then lowest MAPE; methods without a score never win. */
export function bestMethod(scores: readonly BacktestScore[]): string | null {
  const scored = scores.filter((s) => s.wape !== null || s.mape !== null);
  const key = (s: BacktestScore) =>
    [s.wape ?? Number.POSITIVE_INFINITY, s.mape ?? Number.POSITIVE_INFINITY] as const;
  const sorted = [...scored].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
  return sorted[0]?.method ?? null;
}

/** Backtest errors as percentages whatever the server sends: ratios (0.12) or percents (12). */
export function errorPercent(value: number | null, ratios: boolean): number | null {
  return value === null ? null : round1(ratios ? value * 100 : value);
}

/** Whether a backtest reports ratios: every score at most 1.5 (a 150% error is not a plausible ratio). */
export function scoresAreRatios(scores: readonly BacktestScore[]): boolean {
  const values = scores.flatMap((s) => [s.mape, s.wape]).filter((v): v is number => v !== null);
  return values.length > 0 && values.every((v) => v <= 1.5);
}

/** Forecast against actual per interval; `adjust` previews a pending +/- % over a range of intervals. */
export function forecastChart(
  intervals: readonly ForecastInterval[],
  label: (iso: string) => string,
  names: { forecast: string; actual: string; preview: string },
  adjust?: { from: number; to: number; percent: number } | null,
): ChartSpec {
  const series: ChartSpec["series"] = [
    { kind: "bar", name: names.actual, data: intervals.map((i) => i.actualVolume), color: "actual" },
    {
      kind: "line",
      name: names.forecast,
      data: intervals.map((i) => round1(i.adjustedVolume)),
      color: "primary",
      area: true,
    },
  ];
  if (adjust && adjust.percent !== 0) {
    series.push({
      kind: "line",
      name: names.preview,
      data: intervals.map((interval, index) =>
        index >= adjust.from && index <= adjust.to
          ? round1(interval.adjustedVolume * (1 + adjust.percent / 100))
          : null,
      ),
      color: "warn",
      dashed: true,
    });
  }
  return { labels: intervals.map((i) => label(i.intervalStart)), series };
}

/** Totals the page shows next to the chart: forecast and actual volume, and their gap where both exist. */
export function forecastTotals(intervals: readonly ForecastInterval[]) {
  const forecast = intervals.reduce((sum, i) => sum + i.adjustedVolume, 0);
  const withActual = intervals.filter((i) => i.actualVolume !== null);
  const actual = withActual.reduce((sum, i) => sum + (i.actualVolume ?? 0), 0);
  const gap = withActual.reduce((sum, i) => sum + Math.abs((i.actualVolume ?? 0) - i.adjustedVolume), 0);
  return {
    forecast: Math.round(forecast),
    actual: withActual.length > 0 ? actual : null,
    /** Weighted absolute percentage error over the intervals that have actuals. */
    wape: withActual.length > 0 && actual > 0 ? round1((gap / actual) * 100) : null,
  };
}

/** Agents needed on the phones per interval, and the heads to schedule once shrinkage is added. */
export function staffingChart(
  staffing: readonly StaffingInterval[],
  label: (iso: string) => string,
  names: { agents: string; scheduled: string },
): ChartSpec {
  return {
    labels: staffing.map((i) => label(i.intervalStart)),
    series: [
      { kind: "step", name: names.scheduled, data: staffing.map((i) => i.scheduled), color: "actual" },
      {
        kind: "step",
        name: names.agents,
        data: staffing.map((i) => i.agents),
        color: "secondary",
        area: true,
      },
    ],
  };
}

/** Peak and total agent-hours of a staffing requirement. */
export function staffingSummary(staffing: readonly StaffingInterval[], intervalMinutes: number) {
  const peak = staffing.reduce((max, i) => Math.max(max, i.agents), 0);
  const agentHours = round1(staffing.reduce((sum, i) => sum + i.agents, 0) * (intervalMinutes / 60));
  return { peak, agentHours };
}

/** Days from the first to the last horizon date, inclusive, within the 1–62 the API takes. */
export function horizonDays(from: string, to: string): number {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  return Number.isFinite(days) ? Math.min(62, Math.max(1, days)) : 7;
}

/** How an adjustment reads: "+10%" for a factor of 1.1, "-3" for a delta per interval. */
export function adjustmentChange(adjustment: { factor: number | null; delta: number | null }): string {
  const sign = (value: number) => (value > 0 ? `+${value}` : String(value));
  if (adjustment.factor !== null) return `${sign(Math.round((adjustment.factor - 1) * 1000) / 10)}%`;
  return sign(adjustment.delta ?? 0);
}
