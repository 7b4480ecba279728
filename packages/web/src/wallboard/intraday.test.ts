import { describe, expect, it } from "vitest";
import type { IntervalFigures } from "../api/routing-types";
import { intradaySeries, minuteLabel, minuteOfDay } from "./intraday";

const day = (busy: Record<number, Partial<IntervalFigures>> = {}): IntervalFigures[] =>
  Array.from({ length: 96 }, (_, i) => ({
    startMinute: i * 15,
    arrivals: 0,
    answered: 0,
    abandoned: 0,
    serviceLevel: null,
    ...busy[i * 15],
  }));

const at = (hh: number, mm = 0) => hh * 60 + mm;

describe("intradaySeries", () => {
  const cases: {
    name: string;
    today: IntervalFigures[];
    yesterday: IntervalFigures[];
    now: number;
    check: (s: ReturnType<typeof intradaySeries>) => void;
  }[] = [
    {
      name: "a quiet day shows 07:00–22:00 in 15-minute steps",
      today: day(),
      yesterday: day(),
      now: at(12),
      check: (s) => {
        expect(s.minutes[0]).toBe(at(7));
        expect(s.minutes.at(-1)).toBe(at(21, 45));
        expect(s.minutes).toHaveLength(60);
      },
    },
    {
      name: "activity at 05:20 yesterday widens the window to 05:00",
      today: day(),
      yesterday: day({ [at(5, 15)]: { arrivals: 2 } }),
      now: at(12),
      check: (s) => {
        expect(s.minutes[0]).toBe(at(5));
        expect(s.arrivals.yesterday[1]).toBe(2);
      },
    },
    {
      name: "activity at 23:30 widens the window to the end of the day, never beyond",
      today: day({ [at(23, 30)]: { arrivals: 1 } }),
      yesterday: day(),
      now: at(23, 59),
      check: (s) => {
        expect(s.minutes.at(-1)).toBe(at(23, 45));
        expect(s.arrivals.today.at(-2)).toBe(1);
      },
    },
    {
      name: "today's intervals after now are null, yesterday's are counted",
      today: day({ [at(9)]: { arrivals: 4 } }),
      yesterday: day({ [at(9, 15)]: { arrivals: 3 } }),
      now: at(9, 10),
      check: (s) => {
        const i = s.minutes.indexOf(at(9));
        expect(s.arrivals.today.slice(i, i + 2)).toEqual([4, null]);
        expect(s.arrivals.yesterday.slice(i, i + 2)).toEqual([0, 3]);
        expect(s.arrivals.today[0]).toBe(0);
      },
    },
    {
      name: "service level becomes a percent with one decimal; no answer stays null",
      today: day({
        [at(8)]: { arrivals: 3, answered: 3, serviceLevel: 2 / 3 },
        [at(8, 15)]: { arrivals: 1 },
      }),
      yesterday: day({ [at(8)]: { answered: 1, serviceLevel: 1 } }),
      now: at(10),
      check: (s) => {
        const i = s.minutes.indexOf(at(8));
        expect(s.serviceLevel.today.slice(i, i + 2)).toEqual([66.7, null]);
        expect(s.serviceLevel.yesterday[i]).toBe(100);
      },
    },
  ];
  it.each(cases)("$name", ({ today, yesterday, now, check }) => {
    check(intradaySeries({ today, yesterday }, now));
  });
});

describe("time helpers", () => {
  it.each([
    ["en-GB", at(8), "08:00"],
    ["id-ID", at(8, 15), "08.15"],
    ["en-GB", at(23, 45), "23:45"],
  ])("minuteLabel(%s, %i) is %s", (locale, minute, label) => {
    expect(minuteLabel(locale, minute)).toBe(label);
  });

  it.each([
    ["Asia/Jakarta", "2026-11-23T01:30:00Z", at(8, 30)],
    ["Asia/Makassar", "2026-11-23T01:30:00Z", at(9, 30)],
    ["Asia/Jayapura", "2026-11-23T15:30:00Z", at(0, 30)],
  ])("minuteOfDay in %s at %s is %i", (zone, iso, minute) => {
    expect(minuteOfDay(zone, Date.parse(iso))).toBe(minute);
  });
});
