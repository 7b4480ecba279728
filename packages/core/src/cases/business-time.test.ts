import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isOpen } from "../routing/business-hours.js";
import type { BusinessCalendar } from "../routing/types.js";
import { addBusinessTime, businessTimeBetween } from "./business-time.js";

const HOUR = 3_600_000;
const MINUTE = 60_000;

// Jakarta (WIB, UTC+7) office: Mon–Thu 08–17, Friday with a long prayer break, Christmas Day 2026 closed.
const jakartaOffice: BusinessCalendar = {
  timeZone: "Asia/Jakarta",
  weekly: {
    1: [["08:00", "17:00"]],
    2: [["08:00", "17:00"]],
    3: [["08:00", "17:00"]],
    4: [["08:00", "17:00"]],
    5: [
      ["08:00", "11:30"],
      ["13:00", "17:00"],
    ],
  },
  holidays: ["2026-12-25"],
};
const wib = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 7, mi);

describe("business time in WIB", () => {
  it.each([
    ["inside one day", wib(2026, 12, 22, 9), 2 * HOUR, wib(2026, 12, 22, 11)],
    ["runs out exactly at closing", wib(2026, 12, 22, 15), 2 * HOUR, wib(2026, 12, 22, 17)],
    ["carries over to the next morning", wib(2026, 12, 22, 16), 2 * HOUR, wib(2026, 12, 23, 9)],
    ["starts before opening", wib(2026, 12, 22, 6), HOUR, wib(2026, 12, 22, 9)],
    ["starts after closing", wib(2026, 12, 22, 20), HOUR, wib(2026, 12, 23, 9)],
    // Thu 15:00 + 8 h: 2 h on Thursday, Friday is Christmas, the weekend is closed, 6 h on Monday.
    ["crosses a holiday and a weekend", wib(2026, 12, 24, 15), 8 * HOUR, wib(2026, 12, 28, 14)],
    ["skips the Friday break", wib(2027, 1, 1, 11), HOUR, wib(2027, 1, 1, 13, 30)],
    ["starts on a Saturday", wib(2026, 12, 26, 10), 30 * MINUTE, wib(2026, 12, 28, 8, 30)],
    ["zero is now", wib(2026, 12, 26, 10), 0, wib(2026, 12, 26, 10)],
  ])("%s", (_name, start, duration, due) => {
    expect(new Date(addBusinessTime(jakartaOffice, start, duration)).toISOString()).toBe(
      new Date(due).toISOString(),
    );
  });

  it("counts only open time between two instants", () => {
    expect(businessTimeBetween(jakartaOffice, wib(2026, 12, 24, 15), wib(2026, 12, 28, 14))).toBe(8 * HOUR);
    expect(businessTimeBetween(jakartaOffice, wib(2026, 12, 26, 0), wib(2026, 12, 27, 23))).toBe(0);
    expect(businessTimeBetween(jakartaOffice, wib(2026, 12, 28, 14), wib(2026, 12, 24, 15))).toBe(0);
  });

  it("is plain arithmetic without a calendar (24/7)", () => {
    expect(addBusinessTime(undefined, 1_000, 5 * HOUR)).toBe(1_000 + 5 * HOUR);
    expect(businessTimeBetween(undefined, 0, HOUR)).toBe(HOUR);
  });

  it("refuses a calendar that never opens", () => {
    expect(() => addBusinessTime({ timeZone: "Asia/Jakarta", weekly: {} }, 0, HOUR)).toThrow(RangeError);
  });
});

const zones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
const calendarArb = fc
  .record({
    zone: fc.constantFrom(...zones),
    open: fc.integer({ min: 0, max: 20 }),
    length: fc.integer({ min: 1, max: 4 }),
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 5 }),
  })
  .map(({ zone, open, length, days, holidayOffsets }): BusinessCalendar => {
    const hh = (h: number) => `${String(h).padStart(2, "0")}:00`;
    return {
      timeZone: zone,
      weekly: Object.fromEntries(days.map((d) => [d, [[hh(open), hh(open + length)]]])),
      holidays: holidayOffsets.map((o) =>
        new Date(Date.UTC(2026, 0, 1) + o * 24 * HOUR).toISOString().slice(0, 10),
      ),
    };
  });
const startArb = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 1, 1) });
const durationArb = fc.integer({ min: 1, max: 40 * HOUR });

/** Reference oracle: walk minute by minute, counting the open ones (starts are whole minutes). */
function oracleDue(calendar: BusinessCalendar, start: number, duration: number): number {
  let remaining = duration;
  let t = start;
  while (remaining > 0) {
    if (isOpen(calendar, t)) {
      if (remaining <= MINUTE) return t + remaining;
      remaining -= MINUTE;
    }
    t += MINUTE;
  }
  return t;
}

describe("business time properties", () => {
  it("never falls due inside closed hours: the instant before the due time is open", () => {
    fc.assert(
      fc.property(calendarArb, startArb, durationArb, (calendar, start, duration) => {
        expect(isOpen(calendar, addBusinessTime(calendar, start, duration) - 1)).toBe(true);
      }),
    );
  });

  it("is monotone in the target and inverse to businessTimeBetween", () => {
    fc.assert(
      fc.property(calendarArb, startArb, durationArb, durationArb, (calendar, start, a, b) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        const dueShort = addBusinessTime(calendar, start, short);
        expect(dueShort).toBeLessThanOrEqual(addBusinessTime(calendar, start, long));
        expect(businessTimeBetween(calendar, start, dueShort)).toBe(short);
      }),
    );
  });

  it("agrees with a minute-by-minute oracle", () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb.map((t) => t - (t % MINUTE)),
        fc.integer({ min: 1, max: 12 * 60 }).map((m) => m * MINUTE),
        (calendar, start, duration) => {
          expect(addBusinessTime(calendar, start, duration)).toBe(oracleDue(calendar, start, duration));
        },
      ),
      { numRuns: 25 },
    );
  });
});
