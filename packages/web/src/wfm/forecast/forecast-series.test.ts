import { describe, expect, it } from "vitest";
import type { ForecastInterval } from "../../api/wfm";
import {
  adjustmentChange,
  bestMethod,
  errorPercent,
  forecastChart,
  forecastTotals,
  horizonDays,
  scoresAreRatios,
  staffingChart,
  staffingSummary,
} from "./forecast-series";

const names = { forecast: "Forecast", actual: "Actual", preview: "Preview" };
function interval(
  intervalStart: string,
  adjustedVolume: number,
  actualVolume: number | null,
): ForecastInterval {
  return {
    intervalStart,
    volume: adjustedVolume,
    ahtSeconds: 300,
    adjustedVolume,
    adjustedAhtSeconds: 300,
    actualVolume,
    actualAhtSeconds: null,
  };
}
const intervals: ForecastInterval[] = [
  interval("2026-11-23T01:00:00Z", 10, 12),
  interval("2026-11-23T01:15:00Z", 20, 18),
  interval("2026-11-23T01:30:00Z", 30.04, null),
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
    expect(forecastTotals([interval("2026-11-23T01:30:00Z", 5, null)]).wape).toBeNull();
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

describe("forecast inputs and adjustments", () => {
  it("counts horizon days inclusively within the API's bounds", () => {
    expect(horizonDays("2026-11-30", "2026-12-06")).toBe(7);
    expect(horizonDays("2026-11-30", "2026-11-29")).toBe(1);
    expect(horizonDays("2026-01-01", "2026-12-31")).toBe(62);
  });

  it("reads adjustments as percent or per-interval change", () => {
    expect(adjustmentChange({ factor: 1.1, delta: null })).toBe("+10%");
    expect(adjustmentChange({ factor: 0.85, delta: null })).toBe("-15%");
    expect(adjustmentChange({ factor: null, delta: -3 })).toBe("-3");
  });
});

describe("staffing", () => {
  it("reports the peak and agent-hours", () => {
    const staffing = [4, 6, 5].map((agents, i) => ({
      intervalStart: `2026-11-23T0${i}:00:00Z`,
      volume: 0,
      ahtSeconds: null,
      agents,
      scheduled: agents + 2,
      serviceLevel: 0.8,
      asaSeconds: null,
      occupancy: 0.8,
      probabilityOfAbandoning: 0,
    }));
    expect(staffingSummary(staffing, 30)).toEqual({ peak: 6, agentHours: 7.5 });
    const spec = staffingChart(staffing, (iso) => iso.slice(11, 16), {
      agents: "Agents",
      scheduled: "Heads",
    });
    expect(spec.series).toMatchObject([{ data: [6, 8, 7] }, { data: [4, 6, 5] }]);
  });
});
