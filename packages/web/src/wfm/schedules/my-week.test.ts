import { describe, expect, it } from "vitest";
import type { ScheduledShift } from "../../api/wfm";
import { myWeek, weekHours } from "./my-week";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 17) + minute * 60_000).toISOString();
const shift = (id: string, day: number, start: number, end: number, lunch?: number): ScheduledShift => ({
  id,
  scheduleId: "s",
  agentId: "a",
  templateId: null,
  day,
  start,
  end,
  startsAt: at(start),
  endsAt: at(end),
  activities:
    lunch === undefined
      ? []
      : [{ kind: "lunch", start: lunch, end: lunch + 60, startsAt: at(lunch), endsAt: at(lunch + 60) }],
});

describe("my schedule", () => {
  const shifts = [shift("tue", 1, 1440 + 480, 1440 + 1020, 1440 + 720), shift("mon", 0, 420, 900)];

  it("lays shifts on the week's days in minutes from each day's start", () => {
    const days = myWeek(shifts, "2026-11-23");
    expect(days.map((d) => d.date)).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
      "2026-11-28",
      "2026-11-29",
    ]);
    expect(days[0]?.shifts.map((s) => [s.id, s.start, s.end])).toEqual([["mon", 420, 900]]);
    expect(days[1]?.shifts[0]?.activities).toEqual([{ kind: "lunch", start: 720, end: 780 }]);
    expect(days[2]?.shifts).toEqual([]);
  });

  it("counts paid hours without lunch", () => {
    expect(weekHours(myWeek(shifts, "2026-11-23"))).toBe(16);
  });
});
