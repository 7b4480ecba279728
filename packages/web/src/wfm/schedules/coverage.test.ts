import { describe, expect, it } from "vitest";
import { coverageChart, coverageGap, dayCoverage } from "./coverage";

const perDay = 24; // 60-minute intervals
const schedule = {
  intervalMinutes: 60,
  requirement: Array.from({ length: 7 * perDay }, (_, i) =>
    i === perDay + 9 ? 5 : i === perDay + 10 ? 4 : 0,
  ),
  coverage: Array.from({ length: 7 * perDay }, (_, i) =>
    i === perDay + 9 ? 3 : i === perDay + 10 ? 6.04 : 0,
  ),
};

describe("coverage against requirement", () => {
  it("takes one day of the week's per-interval arrays", () => {
    const day = dayCoverage(schedule, 1);
    expect(day.minutes).toHaveLength(24);
    expect(day.required.slice(9, 11)).toEqual([5, 4]);
    expect(day.scheduled.slice(9, 11)).toEqual([3, 6]);
    expect(dayCoverage(schedule, 0).required.every((r) => r === 0)).toBe(true);
  });

  it("charts scheduled as bars and the requirement as steps, labelled by clock time", () => {
    const spec = coverageChart(dayCoverage(schedule, 1), { required: "Required", scheduled: "Scheduled" });
    expect(spec.labels.slice(9, 11)).toEqual(["09:00", "10:00"]);
    expect(spec.series.map((s) => s.kind)).toEqual(["bar", "step"]);
  });

  it("counts short intervals and missing agent-hours", () => {
    expect(coverageGap(dayCoverage(schedule, 1), 60)).toEqual({ shortIntervals: 1, missingHours: 2 });
  });
});
