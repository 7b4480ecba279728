import { describe, expect, it } from "vitest";
import { addDays, clockLabel, mondayOf, zonedDate, zonedMidnight, zoneOffsetMinutes } from "./time";

describe("tenant clock helpers", () => {
  it("finds local midnight in Jakarta (UTC+7, no DST)", () => {
    expect(new Date(zonedMidnight("2026-11-23", "Asia/Jakarta")).toISOString()).toBe(
      "2026-11-22T17:00:00.000Z",
    );
    expect(zoneOffsetMinutes("Asia/Jayapura", Date.UTC(2026, 0, 1))).toBe(540);
  });

  it("finds local midnight across a DST change", () => {
    expect(new Date(zonedMidnight("2026-03-29", "Europe/Berlin")).toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
    expect(new Date(zonedMidnight("2026-03-30", "Europe/Berlin")).toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
  });

  it("reads dates and weeks on the calendar", () => {
    expect(zonedDate(Date.parse("2026-11-22T17:30:00Z"), "Asia/Jakarta")).toBe("2026-11-23");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
  });

  it("labels minutes of the day", () => {
    expect(clockLabel(0)).toBe("00:00");
    expect(clockLabel(510)).toBe("08:30");
    expect(clockLabel(1440)).toBe("24:00");
  });
});
