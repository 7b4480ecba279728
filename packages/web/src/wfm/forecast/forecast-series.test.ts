import { describe, expect, it } from "vitest";
import type { ForecastInterval } from "../../api/wfm";
import {
  bestMethod,
  errorPercent,
  forecastChart,
  forecastTotals,
  scoresAreRatios,
  staffingSummary,
} from "./forecast-series";

const names = { forecast: "Forecast", actual: "Actual", preview: "Preview" };
const intervals: ForecastInterval[] = [
  { start: "2026-11-23T01:00:00Z", volume: 10, ahtSeconds: 300, actual: 12 },
  { start: "2026-11-23T01:15:00Z", volume: 20, ahtSeconds: 300, actual: 18 },
  { start: "2026-11-23T01:30:00Z", volume: 30.04, ahtSeconds: 300, actual: null },
];

describe("forecast chart data", () => {
  it("puts actuals as bars and the forecast as a line, one point per interval", () => {
    const spec = forecastChart(intervals, (iso) => iso.slice(11, 16), names);
    expect(spec.labels).toEqual(["01:00", "01:15", "01:30"]);
    expect(spec.series.map((s) => s.kind)).toEqual(["bar", "line"]);
    expect(spec.series[0]).toMatchObject({ data: [12, 18, null] });
    expect(spec.series[1]).toMatchObject({ data: [10, 20, 30] });
  });

  it("previews an adjustment over the chosen range only", () => {
    const spec = forecastChart(intervals, (iso) => iso, names, { from: 1, to: 2, percent: 10 });
    expect(spec.series[2]).toMatchObject({ name: "Preview", data: [null, 22, 33], dashed: true });
    expect(forecastChart(intervals, (iso) => iso, names, { from: 0, to: 2, percent: 0 }).series).toHaveLength(
      2,
    );
  });

  it("sums forecast and actual and measures the gap where actuals exist", () => {
    expect(forecastTotals(intervals)).toMatchObject({ forecast: 60, actual: 30, wape: 13.3 });
    expect(forecastTotals([{ ...intervals[2]!, actual: null }]).wape).toBeNull();
  });
});

describe("backtest", () => {
  const scores = [
    { method: "seasonal_naive", mape: 0.2, wape: 0.15 },
    { method: "holt_winters", mape: 0.18, wape: 0.11 },
    { method: "last_k_weekdays", mape: 0.1, wape: 0.11 },
    { method: "broken", mape: null, wape: null },
  ];

  it("picks the lowest WAPE, MAPE breaking ties, never an unscored method", () => {
    expect(bestMethod(scores)).toBe("last_k_weekdays");
    expect(bestMethod([{ method: "broken", mape: null, wape: null }])).toBeNull();
  });

  it("shows errors as percentages whether the server sends ratios or percents", () => {
    expect(scoresAreRatios(scores)).toBe(true);
    expect(scoresAreRatios([{ method: "m", mape: 12.5, wape: 9 }])).toBe(false);
    expect(errorPercent(0.1234, true)).toBe(12.3);
    expect(errorPercent(12.34, false)).toBe(12.3);
    expect(errorPercent(null, true)).toBeNull();
  });
});

describe("staffing", () => {
  it("reports the peak and agent-hours", () => {
    const staffing = [4, 6, 5].map((agents, i) => ({
      start: `2026-11-23T0${i}:00:00Z`,
      volume: 0,
      agents,
      serviceLevel: null,
      occupancy: null,
    }));
    expect(staffingSummary(staffing, 30)).toEqual({ peak: 6, agentHours: 7.5 });
  });
});
