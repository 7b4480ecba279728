import { daysBetween, type IsoDate } from "./calendar-dates.js";
import type { DayActuals } from "./interval-history.js";
import { type VolumeForecaster, weekdayAverage } from "./volume-methods.js";

export interface HoltWintersParameters {
  readonly level: number;
  readonly daily: number;
  readonly weekly: number;
}

/** The grid searched on the training window: small on purpose, every combination is one pass over the data. */
const GRID = {
  level: [0.002, 0.01, 0.05],
  daily: [0.05, 0.15, 0.3],
  weekly: [0.05, 0.15, 0.3],
};

interface Fitted {
  readonly parameters: HoltWintersParameters;
  readonly squaredError: number;
  readonly level: number;
  readonly daily: readonly number[];
  readonly weekly: readonly number[];
  /** Index of the last observed slot (0 = first slot of the first history day). */
  readonly lastIndex: number;
  readonly firstDate: IsoDate;
}

/**
 * Double-seasonal Holt-Winters (J. W. Taylor, "Short-term electricity demand forecasting using double seasonal
 * exponential smoothing", JORS 54, 2003), additive form without the AR(1) error term: level, an intraday
 * cycle of one day and an intraweek cycle of one week. Additive seasonals cope with closed hours (zero calls)
 * where the multiplicative form divides by zero. Days missing from history (or removed as special) are filled
 * with the model's own one-step forecast, so they neither count as errors nor move the state. No trend term: a few weeks cannot estimate one, and a per-interval trend
 * extrapolated a week ahead swamps the seasonals. The smoothing parameters are picked by a grid search minimising
 * the day-ahead squared error (forecast made at each midnight) after the first week, which only initialises the
 * seasonals; one-step error would favour a level that chases each interval, useless a day ahead. With less than two weeks of history it falls back to the weekday average.
 */
export const holtWinters: VolumeForecaster = (history, dates, slots) => {
  const fitted = fitHoltWinters(history, slots);
  if (!fitted) return weekdayAverage(4)(history, dates, slots);
  return dates.map((date) => {
    const dayIndex = daysBetween(fitted.firstDate, date);
    return Array.from({ length: slots }, (_, s) => {
      const index = dayIndex * slots + s;
      const value = fitted.level + fitted.daily[index % slots]! + fitted.weekly[index % (7 * slots)]!;
      return Math.max(0, value);
    });
  });
};

export function fitHoltWinters(history: readonly DayActuals[], slots: number): Fitted | undefined {
  const first = history[0];
  const last = history[history.length - 1];
  if (!first || !last || daysBetween(first.date, last.date) < 13) return undefined;
  const series = continuousSeries(history, slots);
  let best: Fitted | undefined;
  for (const level of GRID.level)
    for (const daily of GRID.daily)
      for (const weekly of GRID.weekly) {
        const fit = runHoltWinters(series, slots, { level, daily, weekly }, first.date);
        if (!best || fit.squaredError < best.squaredError) best = fit;
      }
  return best;
}

function continuousSeries(history: readonly DayActuals[], slots: number): (number | null)[] {
  const first = history[0]!.date;
  const days = daysBetween(first, history[history.length - 1]!.date) + 1;
  const series = new Array<number | null>(days * slots).fill(null);
  for (const day of history) {
    const offset = daysBetween(first, day.date) * slots;
    day.volumes.forEach((v, s) => {
      series[offset + s] = v;
    });
  }
  return series;
}

function runHoltWinters(
  series: readonly (number | null)[],
  slots: number,
  p: HoltWintersParameters,
  firstDate: IsoDate,
): Fitted {
  const week = 7 * slots;
  const known = series.slice(0, week).filter((v): v is number => v !== null);
  let level = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 0;
  const daily = new Array<number>(slots).fill(0);
  const weekly = Array.from({ length: week }, (_, t) => (series[t] ?? level) - level);
  let squaredError = 0;
  let levelAtMidnight = level;
  for (let t = week; t < series.length; t++) {
    if (t % slots === 0) levelAtMidnight = level;
    const d = daily[t % slots]!;
    const w = weekly[t % week]!;
    const observed = series[t];
    const y = observed ?? level + d + w;
    // Scored as a day-ahead forecast made at the previous midnight: the seasonal terms for slot t have not
    // moved since then, only the level has, so this is exactly what the model would have said a day earlier.
    if (observed !== null && observed !== undefined) squaredError += (y - (levelAtMidnight + d + w)) ** 2;
    level = p.level * (y - d - w) + (1 - p.level) * level;
    daily[t % slots] = p.daily * (y - level - w) + (1 - p.daily) * d;
    weekly[t % week] = p.weekly * (y - level - d) + (1 - p.weekly) * w;
  }
  return {
    parameters: p,
    squaredError,
    level,
    daily,
    weekly,
    lastIndex: series.length - 1,
    firstDate,
  };
}
