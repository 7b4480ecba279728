import { describe, expect, it } from "vitest";
import { isOpen, localTime, startOfLocalDay } from "./business-hours.js";
import type { BusinessCalendar } from "./types.js";

const weekdays = (zone: string): BusinessCalendar => ({
  timeZone: zone,
  weekly: {
    1: [["08:00", "17:00"]],
    2: [["08:00", "17:00"]],
    3: [["08:00", "17:00"]],
    4: [["08:00", "17:00"]],
    5: [
      ["08:00", "12:00"],
      ["13:30", "17:00"],
    ],
  },
  holidays: ["2025-08-17", "2025-08-18"],
});

// Tuesday 2025-08-19 01:30 UTC = 08:30 in Jakarta (UTC+7), 09:30 in Makassar (+8), 10:30 in Jayapura (+9).
const TUESDAY_0130_UTC = Date.UTC(2025, 7, 19, 1, 30);

describe("business hours", () => {
  it.each([
    ["Asia/Jakarta", 8 * 60 + 30],
    ["Asia/Makassar", 9 * 60 + 30],
    ["Asia/Jayapura", 10 * 60 + 30],
  ])("reads the wall clock of %s", (zone, minutes) => {
    expect(localTime(zone, TUESDAY_0130_UTC)).toEqual({ date: "2025-08-19", weekday: 2, minutes });
  });

  it("is open inside the day's hours and closed at the end time (end is exclusive)", () => {
    const cal = weekdays("Asia/Jakarta");
    expect(isOpen(cal, TUESDAY_0130_UTC)).toBe(true);
    expect(isOpen(cal, Date.UTC(2025, 7, 19, 10, 0))).toBe(false); // 17:00 WIB
    expect(isOpen(cal, Date.UTC(2025, 7, 19, 9, 59))).toBe(true); // 16:59 WIB
  });

  it("closes over a Friday lunch break and on weekends", () => {
    const cal = weekdays("Asia/Makassar");
    expect(isOpen(cal, Date.UTC(2025, 7, 22, 4, 30))).toBe(false); // Fri 12:30 WITA
    expect(isOpen(cal, Date.UTC(2025, 7, 22, 6, 0))).toBe(true); // Fri 14:00 WITA
    expect(isOpen(cal, Date.UTC(2025, 7, 23, 2, 0))).toBe(false); // Saturday
  });

  it("stays closed all day on a holiday of the local calendar", () => {
    // Monday 2025-08-18 02:00 UTC is 11:00 in Jayapura on a holiday; the next Monday is a normal day.
    expect(isOpen(weekdays("Asia/Jayapura"), Date.UTC(2025, 7, 18, 2, 0))).toBe(false);
    expect(isOpen(weekdays("Asia/Jayapura"), Date.UTC(2025, 7, 25, 2, 0))).toBe(true);
  });

  it("finds local midnight, which for Jakarta is 17:00 UTC the day before", () => {
    expect(startOfLocalDay("Asia/Jakarta", TUESDAY_0130_UTC)).toBe(Date.UTC(2025, 7, 18, 17, 0));
  });
});
