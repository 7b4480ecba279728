import { describe, expect, it } from "vitest";
import { weekRequirement } from "./requirement";

describe("schedule requirement from staffing", () => {
  const weekStart = Date.parse("2026-11-22T17:00:00Z"); // Monday 00:00 in Jakarta

  it("puts each interval's agents at its slot of the week", () => {
    const { requirement, covered } = weekRequirement(
      [
        { intervalStart: "2026-11-23T01:00:00Z", agents: 4 }, // Monday 08:00
        { intervalStart: "2026-11-24T01:30:00Z", agents: 6 }, // Tuesday 08:30
      ],
      weekStart,
      30,
    );
    expect(requirement).toHaveLength(336);
    expect(requirement[16]).toBe(4);
    expect(requirement[48 + 17]).toBe(6);
    expect(requirement.reduce((a, b) => a + b, 0)).toBe(10);
    expect(covered).toBe(2);
  });

  it("leaves out intervals outside the week", () => {
    const { requirement, covered } = weekRequirement(
      [
        { intervalStart: "2026-11-22T16:00:00Z", agents: 9 },
        { intervalStart: "2026-11-29T17:00:00Z", agents: 9 },
      ],
      weekStart,
      60,
    );
    expect(requirement).toHaveLength(168);
    expect(requirement.every((r) => r === 0)).toBe(true);
    expect(covered).toBe(0);
  });
});
