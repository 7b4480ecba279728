import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../../api/wfm";
import { bandLayers, chartOption, wfmPalette } from "../charts/chart-options";
import { differenceIn, expandAgents, metricChart, parseSeries, runTotals } from "./simulation-series";

const est = (mean: number, low: number, high: number) => ({ mean, low, high });
const figures = (sl: number) => ({
  offered: est(10, 9, 11),
  handled: est(10, 9, 11),
  abandoned: est(0, 0, 0),
  timedOut: est(0, 0, 0),
  serviceLevel: est(sl, sl - 0.05, sl + 0.05),
  asaSeconds: est(12, 10, 14),
  abandonRate: est(0.02, 0.01, 0.03),
  occupancy: est(0.8, 0.75, 0.85),
});
const result = (sl: number[]): SimulationResult => ({
  replications: 10,
  intervals: sl.map((value, index) => ({ index, startMinute: index * 30, ...figures(value) })),
  day: { ...figures(0.85), waitingAtEnd: est(0, 0, 0) },
  events: 1000,
  definitions: {},
});

describe("simulation charts", () => {
  it("shows rates as percents with bands, labelled by clock time", () => {
    const spec = metricChart("serviceLevel", [{ name: "Base", result: result([0.8, 0.9]) }], 480);
    expect(spec.labels).toEqual(["08:00", "08:30"]);
    expect(spec.unit).toBe("%");
    expect(spec.series[0]).toMatchObject({ kind: "band", mean: [80, 90], low: [75, 85], high: [85, 95] });
  });

  it("keeps ASA in seconds and sets base and variant side by side", () => {
    const spec = metricChart("asaSeconds", [
      { name: "Base", result: result([0.8]) },
      { name: "+5", result: result([0.9]) },
    ]);
    expect(spec.unit).toBe("");
    expect(spec.series.map((s) => [s.name, s.color])).toEqual([
      ["Base", "primary"],
      ["+5", "secondary"],
    ]);
  });

  it("draws a band as an invisible floor and a stacked height", () => {
    expect(bandLayers([1, null, 3], [2, 5, 2])).toEqual({ floor: [1, null, 3], height: [1, null, 0] });
    const option = chartOption(
      metricChart("serviceLevel", [{ name: "Base", result: result([0.8]) }]),
      wfmPalette(false),
    );
    expect((option.series as { name: string }[]).map((s) => s.name)).toEqual([
      "Base",
      "Base-floor",
      "Base-band",
    ]);
  });

  it("reads the whole-day figures in percent and the difference in points", () => {
    expect(runTotals(result([0.8, 0.9])).serviceLevel).toEqual(est(85, 80, 90));
    expect(runTotals(result([0.8])).asaSeconds).toEqual(est(12, 10, 14));
    expect(differenceIn({ ...figures(0.1), serviceLevel: est(0.1, 0.05, 0.15) }, "serviceLevel")).toEqual(
      est(10, 5, 15),
    );
  });
});

describe("simulation form input", () => {
  it("parses arrivals lists and rejects junk", () => {
    expect(parseSeries("12, 15 20\n18")).toEqual([12, 15, 20, 18]);
    expect(parseSeries("12, x")).toBeNull();
    expect(parseSeries("-1")).toBeNull();
    expect(parseSeries("  ")).toBeNull();
  });

  it("spreads one agent figure over every interval or requires one per interval", () => {
    expect(expandAgents([5], 3)).toEqual([5, 5, 5]);
    expect(expandAgents([5, 6, 7], 3)).toEqual([5, 6, 7]);
    expect(expandAgents([5, 6], 3)).toBeNull();
  });
});
