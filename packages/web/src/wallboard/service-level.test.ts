import { describe, expect, it } from "vitest";
import { serviceLevelTone, tenantTarget } from "./service-level";

describe("serviceLevelTone", () => {
  it.each([
    [0.8, 80, "green"],
    [0.95, 80, "green"],
    [1, 100, "green"],
    [0.7999, 80, "green"],
    [0.79, 80, "amber"],
    [0.7, 80, "amber"],
    [0.6999, 80, "amber"],
    [0.6949, 80, "red"],
    [0.69, 80, "red"],
    [0, 80, "red"],
    [0.85, 90, "amber"],
    [0.05, 10, "amber"],
    [0, 5, "amber"],
    [null, 80, "none"],
    [Number.NaN, 80, "none"],
  ] as const)("ratio %s against %s%% is %s", (ratio, target, tone) => {
    expect(serviceLevelTone(ratio, target)).toBe(tone);
  });
});

describe("tenantTarget", () => {
  it("averages the queues' targets, and falls back to the API default", () => {
    expect(tenantTarget([80, 90])).toBe(85);
    expect(tenantTarget([])).toBe(80);
  });
});
