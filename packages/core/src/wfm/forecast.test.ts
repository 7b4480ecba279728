import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyAdjustment } from "./adjustments.js";
import { forecastAht } from "./aht-forecast.js";
import { backtest } from "./backtest.js";
import { addDays, dateRange, weekdayOf } from "./calendar-dates.js";
import { FORECAST_METHODS, forecastDays, VOLUME_FORECASTERS } from "./forecast.js";
import { INDONESIAN_HOLIDAYS } from "./indonesian-holidays.js";
import { type DayActuals, daysFromRows } from "./interval-history.js";
import type { SpecialDay } from "./special-days.js";
import { seasonalNaive, weekdayAverage } from "./volume-methods.js";

const SLOTS = 24;
const START = "2026-01-05"; // a Monday

/** Synthetic center: open 8–20, a midday peak, Mondays 30 % busier, optional noise. */
function synthetic(days: number, noise: (k: number) => number = () => 0): DayActuals[] {
  return dateRange(START, days).map((date, d) => {
    const weekday = weekdayOf(date);
    const volumes = Array.from({ length: SLOTS }, (_, s) => {
      if (s < 8 || s >= 20) return 0;
      const base = 40 + 30 * Math.sin(((s - 8) / 12) * Math.PI);
      return Math.max(0, Math.round(base * (weekday === 1 ? 1.3 : 1) + noise(d * SLOTS + s)));
    });
    return { date, volumes, handled: volumes, ahtSeconds: volumes.map((v, s) => (v > 0 ? 200 + s : null)) };
  });
}

const wape = (forecast: readonly number[], actual: readonly number[]) =>
  forecast.reduce((sum, f, s) => sum + Math.abs(f - actual[s]!), 0) / actual.reduce((a, b) => a + b, 0);

describe("volume methods", () => {
  const history = synthetic(28);
  const next = synthetic(35).slice(28);

  it.each(FORECAST_METHODS)("%s forecasts a noise-free weekly pattern almost exactly", (method) => {
    const forecast = VOLUME_FORECASTERS[method](
      history,
      next.map((d) => d.date),
      SLOTS,
    );
    // The pooled profile shrinks a weekday's own level towards its group while few weeks are known (bias < 10 %).
    const tolerance = method === "weekday_profile" ? 0.1 : 0.06;
    next.forEach((day, k) => {
      expect(wape(forecast[k]!, day.volumes), `${method} ${day.date}`).toBeLessThan(tolerance);
    });
  });

  it("seasonal naive repeats the same weekday of the last week known", () => {
    expect(seasonalNaive(history, [next[0]!.date], SLOTS)[0]).toEqual(history[21]!.volumes);
  });

  it("weekday average uses as many same weekdays as exist when k is larger", () => {
    const oneWeek = synthetic(7);
    expect(weekdayAverage(4)(oneWeek, [addDays(START, 7)], SLOTS)[0]).toEqual(oneWeek[0]!.volumes);
    expect(weekdayAverage(4)([], [START], SLOTS)[0]).toEqual(new Array(SLOTS).fill(0));
  });

  it("never looks at the day it forecasts or later (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORECAST_METHODS), fc.integer({ min: 0, max: 1000 }), (method, bump) => {
        const base = synthetic(21);
        const target = [addDays(START, 21)];
        const future = synthetic(28)
          .slice(21)
          .map((d) => ({ ...d, volumes: d.volumes.map((v) => v + bump) }));
        const a = VOLUME_FORECASTERS[method](base, target, SLOTS);
        const b = forecastDays({
          history: [...base, ...future],
          specialDays: [],
          dates: target,
          slots: SLOTS,
          method,
        });
        return JSON.stringify(a[0]) === JSON.stringify(b[0]!.volumes);
      }),
      { numRuns: 20 },
    );
  });

  it("forecasts are finite and never negative on noisy data (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORECAST_METHODS),
        fc.integer({ min: 1, max: 1_000_000 }),
        (method, seed) => {
          const noisy = synthetic(21, (k) => ((k * 7919 + seed) % 61) - 30);
          const out = VOLUME_FORECASTERS[method](noisy, dateRange(addDays(START, 21), 7), SLOTS);
          return out.every((day) => day.every((v) => Number.isFinite(v) && v >= 0));
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("AHT forecast", () => {
  it("weights the same slot of recent same weekdays by handled contacts", () => {
    const day = (date: string, handled: number, aht: number): DayActuals => ({
      date,
      volumes: [handled, 0],
      handled: [handled, 0],
      ahtSeconds: [aht, null],
    });
    const aht = forecastAht([day("2026-01-05", 10, 100), day("2026-01-12", 30, 200)], "2026-01-19", 2);
    expect(aht[0]).toBeCloseTo(175, 9);
    expect(aht[1]).toBeCloseTo(175, 9); // no handled contact in slot 1: the weekday's whole-day mean
  });
});

describe("special days", () => {
  const history = synthetic(56);
  const paydays: SpecialDay[] = [
    { date: "2026-01-26", kind: "payday", name: "Gajian", factor: 1 },
    { date: "2026-02-25", kind: "payday", name: "Gajian", factor: 1 },
  ];
  const boosted = history.map((d) =>
    d.date === "2026-01-26" ? { ...d, volumes: d.volumes.map((v) => v * 1.5) } : d,
  );

  it("are forecast from earlier days of the same kind, scaled", () => {
    const [day] = forecastDays({
      history: boosted,
      specialDays: paydays,
      dates: ["2026-02-25"],
      slots: SLOTS,
      method: "weekday_average",
    });
    const normal = VOLUME_FORECASTERS.weekday_average(
      boosted.filter((d) => d.date !== "2026-01-26"),
      ["2026-02-25"],
      SLOTS,
    )[0]!;
    expect(day!.special).toMatchObject({ kind: "payday", basis: "history" });
    const total = day!.volumes.reduce((a, b) => a + b, 0);
    expect(total / normal.reduce((a, b) => a + b, 0)).toBeCloseTo(1.5, 1);
  });

  it("use the normal forecast × the user's factor without such history, and are left out of normal history", () => {
    const lebaran: SpecialDay = { date: "2026-03-02", kind: "holiday", name: "Lebaran", factor: 0.4 };
    const [day] = forecastDays({
      history: boosted,
      specialDays: [...paydays, lebaran],
      dates: ["2026-03-02"],
      slots: SLOTS,
      method: "weekday_average",
    });
    expect(day!.special?.basis).toBe("factor");
    // The boosted payday Monday is excluded, so the normal Monday forecast is the clean pattern × 0.4.
    expect(day!.volumes).toEqual(history[0]!.volumes.map((v) => v * 0.4));
  });

  it("ships the 2026 SKB dates and flags 2027 lunar dates as provisional", () => {
    expect(INDONESIAN_HOLIDAYS.find((h) => h.date === "2026-03-21")?.name).toMatch(/Idulfitri/);
    expect(INDONESIAN_HOLIDAYS.filter((h) => h.date.startsWith("2026")).every((h) => !h.provisional)).toBe(
      true,
    );
    expect(INDONESIAN_HOLIDAYS.find((h) => h.date === "2027-03-10")?.provisional).toBe(true);
  });
});

describe("backtest", () => {
  it("scores every method on held-out weeks and picks the lowest WAPE", () => {
    const history = synthetic(42, (k) => ((k * 7919) % 23) - 11);
    const result = backtest(history, [], SLOTS, { holdout: "week", count: 2 });
    expect(result.heldOutDays).toHaveLength(14);
    expect(result.scores.map((s) => s.method)).toEqual([...FORECAST_METHODS]);
    const best = Math.min(...result.scores.map((s) => s.wape!));
    expect(result.scores.find((s) => s.method === result.best)!.wape).toBe(best);
    for (const score of result.scores) {
      expect(score.mape).toBeGreaterThan(0);
      expect(score.days).toBe(14);
    }
  });
  it("holds out single days too and survives empty history", () => {
    expect(backtest(synthetic(15), [], SLOTS, { holdout: "day", count: 3 }).heldOutDays).toHaveLength(3);
    expect(backtest([], [], SLOTS, { holdout: "day", count: 3 }).best).toBe("seasonal_naive");
  });
});

describe("adjustments and day folding", () => {
  it("raise volume by 20 % over a range only", () => {
    const hour = 3_600_000;
    const base = Date.parse("2026-03-02T00:00:00Z");
    const intervals = [0, 1, 2].map((k) => ({ startMs: base + k * hour, volume: 10, ahtSeconds: 100 }));
    const adjusted = applyAdjustment(intervals, {
      from: "2026-03-02T01:00:00Z",
      to: "2026-03-02T03:00:00Z",
      target: "volume",
      factor: 1.2,
    });
    expect(adjusted.map((i) => i.volume)).toEqual([10, 12, 12]);
    expect(
      applyAdjustment(intervals, {
        from: "2026-03-02T00:00:00Z",
        to: "2026-03-02T01:00:00Z",
        target: "aht",
        delta: -500,
      })[0]!.ahtSeconds,
    ).toBe(0);
  });
  it("fold rows of several queues into one day, AHT weighted by handled", () => {
    const [day] = daysFromRows(
      [
        { date: "2026-03-02", slot: 1, arrivals: 5, handled: 4, ahtSeconds: 100 },
        { date: "2026-03-02", slot: 1, arrivals: 3, handled: 1, ahtSeconds: 300 },
      ],
      2,
    );
    expect(day).toEqual({ date: "2026-03-02", volumes: [0, 8], handled: [0, 5], ahtSeconds: [null, 140] });
  });
});
