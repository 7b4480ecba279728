import { addDays, daysBetween, type IsoDate } from "./calendar-dates.js";
import { FORECAST_METHODS, type ForecastMethod, VOLUME_FORECASTERS } from "./forecast.js";
import type { DayActuals } from "./interval-history.js";
import { normalHistory, type SpecialDay } from "./special-days.js";

export interface BacktestOptions {
  /** Hold out single days (forecast one day ahead) or whole weeks (forecast up to seven days ahead). */
  readonly holdout: "day" | "week";
  /** How many of the most recent days or weeks to hold out. */
  readonly count: number;
  readonly methods?: readonly ForecastMethod[];
}

export interface AccuracyFigures {
  /** Mean absolute percentage error over intervals whose actual is > 0; null when there are none. */
  readonly mape: number | null;
  /** Σ|forecast − actual| ÷ Σ actual over all held-out intervals; null when Σ actual = 0. */
  readonly wape: number | null;
  readonly intervals: number;
  readonly days: number;
}

export interface MethodScore extends AccuracyFigures {
  readonly method: ForecastMethod;
}

export interface BacktestResult {
  readonly scores: readonly MethodScore[];
  /** Lowest WAPE; the first listed method when nothing could be scored. */
  readonly best: ForecastMethod;
  readonly heldOutDays: readonly IsoDate[];
}

/**
 * Rolling-origin evaluation: every held-out unit (day or week) is forecast only from the days before it, never
 * from itself or later. Special days are neither forecast targets nor history, since their forecast is a
 * separate mechanism. Methods are compared on the same held-out intervals.
 */
export function backtest(
  history: readonly DayActuals[],
  specialDays: readonly SpecialDay[],
  slots: number,
  options: BacktestOptions,
): BacktestResult {
  const methods = options.methods ?? FORECAST_METHODS;
  const normal = normalHistory(history, specialDays);
  const units = heldOutUnits(normal, options);
  const heldOutDays = units.flatMap((unit) => unit.days.map((d) => d.date));
  const scores = methods.map((method): MethodScore => {
    const accumulator = new AccuracyAccumulator();
    for (const unit of units) {
      const before = normal.filter((day) => daysBetween(day.date, unit.origin) > 0);
      if (before.length === 0) continue;
      const forecasts = VOLUME_FORECASTERS[method](
        before,
        unit.days.map((d) => d.date),
        slots,
      );
      unit.days.forEach((day, k) => {
        accumulator.add(forecasts[k]!, day.volumes);
      });
    }
    return { method, ...accumulator.figures() };
  });
  const scored = scores.filter((s) => s.wape !== null);
  const best = scored.length > 0 ? scored.reduce((a, b) => (b.wape! < a.wape! ? b : a)).method : methods[0]!;
  return { scores, best, heldOutDays };
}

interface HeldOutUnit {
  readonly origin: IsoDate;
  readonly days: readonly DayActuals[];
}

function heldOutUnits(normal: readonly DayActuals[], options: BacktestOptions): HeldOutUnit[] {
  const last = normal[normal.length - 1];
  const first = normal[0];
  if (!last || !first) return [];
  const length = options.holdout === "week" ? 7 : 1;
  const units: HeldOutUnit[] = [];
  for (let k = 0; k < options.count; k++) {
    const end = addDays(last.date, -k * length);
    const origin = addDays(end, -(length - 1));
    if (daysBetween(first.date, origin) <= 0) break;
    const days = normal.filter((d) => daysBetween(origin, d.date) >= 0 && daysBetween(d.date, end) >= 0);
    if (days.length > 0) units.unshift({ origin, days });
  }
  return units;
}

/** Adds up forecast errors interval by interval. */
export class AccuracyAccumulator {
  private absoluteError = 0;
  private actualTotal = 0;
  private percentageSum = 0;
  private percentageCount = 0;
  private intervals = 0;
  private days = 0;

  add(forecast: readonly number[], actual: readonly number[]): void {
    this.days += 1;
    actual.forEach((a, s) => {
      const error = Math.abs((forecast[s] ?? 0) - a);
      this.absoluteError += error;
      this.actualTotal += a;
      this.intervals += 1;
      if (a > 0) {
        this.percentageSum += error / a;
        this.percentageCount += 1;
      }
    });
  }

  figures(): AccuracyFigures {
    return {
      mape: this.percentageCount > 0 ? this.percentageSum / this.percentageCount : null,
      wape: this.actualTotal > 0 ? this.absoluteError / this.actualTotal : null,
      intervals: this.intervals,
      days: this.days,
    };
  }
}
