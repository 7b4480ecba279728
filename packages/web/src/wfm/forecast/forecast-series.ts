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
    { kind: "bar", name: names.actual, data: intervals.map((i) => i.actual), color: "actual" },
    {
      kind: "line",
      name: names.forecast,
      data: intervals.map((i) => round1(i.volume)),
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
          ? round1(interval.volume * (1 + adjust.percent / 100))
          : null,
      ),
      color: "warn",
      dashed: true,
    });
  }
  return { labels: intervals.map((i) => label(i.start)), series };
}

/** Totals the page shows next to the chart: forecast and actual volume, and their gap where both exist. */
export function forecastTotals(intervals: readonly ForecastInterval[]) {
  const forecast = intervals.reduce((sum, i) => sum + i.volume, 0);
  const withActual = intervals.filter((i) => i.actual !== null);
  const actual = withActual.reduce((sum, i) => sum + (i.actual ?? 0), 0);
  const forecastWhereActual = withActual.reduce((sum, i) => sum + i.volume, 0);
  return {
    forecast: Math.round(forecast),
    actual: withActual.length > 0 ? actual : null,
    /** Weighted absolute percentage error over the intervals that have actuals. */
    wape:
      withActual.length > 0 && actual > 0
        ? round1(
            (withActual.reduce((sum, i) => sum + Math.abs((i.actual ?? 0) - i.volume), 0) / actual) * 100,
          )
        : null,
    forecastWhereActual,
  };
}

/** Required agents per interval as steps, with the volume behind them on a second line. */
export function staffingChart(
  staffing: readonly StaffingInterval[],
  label: (iso: string) => string,
  names: { agents: string },
): ChartSpec {
  return {
    labels: staffing.map((i) => label(i.start)),
    series: [
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
