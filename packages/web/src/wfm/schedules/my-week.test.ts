import { describe, expect, it } from "vitest";
import { myWeek, weekHours } from "./my-week";

describe("my schedule", () => {
  const shifts = [
    {
      id: "tue",
      agentId: "a",
      start: "2026-11-24T01:00:00Z",
      end: "2026-11-24T10:00:00Z",
      activities: [{ kind: "lunch" as const, start: "2026-11-24T05:00:00Z", end: "2026-11-24T06:00:00Z" }],
    },
    { id: "mon", agentId: "a", start: "2026-11-23T00:00:00Z", end: "2026-11-23T08:00:00Z", activities: [] },
  ];

  it("lays shifts on the tenant's local days", () => {
    const days = myWeek(shifts, "2026-11-23", "Asia/Jakarta");
    expect(days).toHaveLength(7);
    expect(days[0]?.shifts.map((s) => [s.id, s.start, s.end])).toEqual([["mon", 420, 900]]);
    expect(days[1]?.shifts[0]?.activities).toEqual([{ kind: "lunch", start: 720, end: 780 }]);
    expect(days[2]?.shifts).toEqual([]);
  });

  it("counts paid hours without lunch", () => {
    expect(weekHours(myWeek(shifts, "2026-11-23", "Asia/Jakarta"))).toBe(16);
  });
});
