import { describe, expect, it } from "vitest";
import { coverageChart, coverageGap, dayCoverage } from "./coverage";

const coverage = [
  { start: "2026-11-22T16:30:00Z", required: 1, scheduled: 1 },
  { start: "2026-11-23T01:00:00Z", required: 5, scheduled: 3 },
  { start: "2026-11-23T01:30:00Z", required: 4, scheduled: 6 },
  { start: "2026-11-23T17:00:00Z", required: 2, scheduled: 2 },
];

describe("coverage against requirement", () => {
  it("keeps the intervals of the shown local day", () => {
    const monday = Date.parse("2026-11-22T17:00:00Z");
    expect(dayCoverage(coverage, monday).map((c) => c.start)).toEqual([
      "2026-11-23T01:00:00Z",
      "2026-11-23T01:30:00Z",
    ]);
  });

  it("charts scheduled as bars and the requirement as steps", () => {
    const spec = coverageChart(coverage.slice(1, 3), (iso) => iso.slice(11, 16), {
      required: "Required",
      scheduled: "Scheduled",
    });
    expect(spec.labels).toEqual(["01:00", "01:30"]);
    expect(spec.series).toMatchObject([
      { kind: "bar", data: [3, 6] },
      { kind: "step", data: [5, 4] },
    ]);
  });

  it("counts short intervals and missing agent-hours", () => {
    expect(coverageGap(coverage, 30)).toEqual({ shortIntervals: 1, missingHours: 1 });
  });
});
