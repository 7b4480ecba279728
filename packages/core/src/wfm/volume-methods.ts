import { daysBetween, type IsoDate, weekdayOf } from "./calendar-dates.js";
import { type DayActuals, sum, zeros } from "./interval-history.js";

/**
 * Volume forecasters for whole days. Each receives only "normal" history strictly before the forecast origin
 * (special days removed) and returns one volume per slot for every requested date.
 */
export type VolumeForecaster = (
  history: readonly DayActuals[],
  dates: readonly IsoDate[],
  slots: number,
) => number[][];

/** The most recent earlier day with the same weekday (one week back when it is known). */
export const seasonalNaive: VolumeForecaster = (history, dates, slots) =>
  dates.map((date) => {
    const previous = sameWeekday(history, date, 1)[0];
    return previous ? [...previous.volumes] : zeros(slots);
  });

/** Mean of the last `k` same weekdays, slot by slot (fewer when history is shorter). */
export function weekdayAverage(k: number): VolumeForecaster {
  return (history, dates, slots) =>
    dates.map((date) => {
      const days = sameWeekday(history, date, k);
      const mean = zeros(slots);
      for (const day of days)
        day.volumes.forEach((v, s) => {
          mean[s]! += v / days.length;
        });
      return mean;
    });
}

const PROFILE_DAYS = 8;
const RECENCY_DECAY = 0.7;
const DAILY_DECAY = 0.8;
const WEEKDAY_SHRINK = 2;
/** Smooth 15- and 30-minute shapes only: at 60 minutes a [1 2 1] kernel spans three hours and blurs the opening. */
const SMOOTH_FROM_SLOTS = 48;
const SIMILAR_SHAPE = 0.9;

/**
 * Daily total × intraday profile, the method we judge strongest for contact-center arrivals with short history.
 * Per-slot counts are Poisson noise (±1/√n per slot), and a plain per-slot average of a few same weekdays keeps
 * all of it; most weekdays of a center share one intraday shape and one level, so this method pools them:
 * - shape: each weekday's recency-weighted share-of-day profile (up to 8 days, weights 0.7^age), summed over
 *   every weekday whose profile is close to the target's (cosine ≥ 0.9: ordinary working days, not a short
 *   Friday or a weekend), kept at zero where the target weekday never had a contact, and at 15/30 minutes
 *   smoothed with a [1 2 1] kernel across neighbouring slots;
 * - total: recency-weighted mean total of those similar days (0.8^days back, so level drift is followed), times
 *   the weekday's own level relative to the group, shrunk towards 1 while few same weekdays are known.
 * The constants were set on the Anonymous Bank backtest (February 1999); see `sentra wfm backtest`.
 */
export const weekdayProfile: VolumeForecaster = (history, dates, slots) => {
  const shapes = new Map<number, number[]>();
  // History ends before the first forecast date, so a weekday's shape is the same for every date forecast.
  const shapeOf = (weekday: number) => {
    let shape = shapes.get(weekday);
    if (!shape) {
      shape = weightedShape(latestOfWeekday(history, weekday, PROFILE_DAYS), slots);
      shapes.set(weekday, shape);
    }
    return shape;
  };
  return dates.map((date) => {
    const weekday = weekdayOf(date);
    const own = shapeOf(weekday);
    if (sum(own) === 0) return zeros(slots);
    const similar = new Set<number>();
    const pooled = zeros(slots);
    for (let other = 0; other < 7; other++) {
      const shape = shapeOf(other);
      if (cosine(shape, own) < SIMILAR_SHAPE) continue;
      similar.add(other);
      shape.forEach((share, s) => {
        pooled[s]! += share;
      });
    }
    const total = dayTotal(history, weekday, similar);
    const masked = pooled.map((share, s) => (own[s] === 0 ? 0 : share));
    const smoothed = slots >= SMOOTH_FROM_SLOTS ? smoothShape(masked) : masked;
    const shapeSum = sum(smoothed);
    return shapeSum > 0 ? smoothed.map((share) => (total * share) / shapeSum) : zeros(slots);
  });
};

/**
 * Recency-weighted mean total of the days sharing the weekday's shape (weights 0.9^days back), times the
 * weekday's own level relative to that group, shrunk towards 1 while few same weekdays are known.
 */
function dayTotal(history: readonly DayActuals[], weekday: number, similar: ReadonlySet<number>): number {
  const last = history[history.length - 1];
  if (!last) return 0;
  let weighted = 0;
  let weights = 0;
  let own = 0;
  let ownCount = 0;
  let group = 0;
  let groupCount = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    const day = history[i]!;
    const age = daysBetween(day.date, last.date);
    if (age >= PROFILE_DAYS * 7) break;
    const dayWeekday = weekdayOf(day.date);
    if (!similar.has(dayWeekday)) continue;
    const total = sum(day.volumes);
    const weight = DAILY_DECAY ** age;
    weighted += weight * total;
    weights += weight;
    group += total;
    groupCount += 1;
    if (dayWeekday === weekday) {
      own += total;
      ownCount += 1;
    }
  }
  if (weights === 0 || ownCount === 0 || group === 0) return 0;
  const rawFactor = own / ownCount / (group / groupCount);
  const factor = 1 + ((rawFactor - 1) * ownCount) / (ownCount + WEEKDAY_SHRINK);
  return (weighted / weights) * factor;
}

/** Mean share of the day per slot, more recent days weighing more. */
function weightedShape(days: readonly DayActuals[], slots: number): number[] {
  const shape = zeros(slots);
  let weights = 0;
  days.forEach((day, age) => {
    const dayTotal = sum(day.volumes);
    if (dayTotal <= 0) return;
    const weight = RECENCY_DECAY ** age;
    weights += weight;
    day.volumes.forEach((v, s) => {
      shape[s]! += (weight * v) / dayTotal;
    });
  });
  return weights > 0 ? shape.map((x) => x / weights) : shape;
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((x, k) => {
    const y = b[k]!;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  });
  return aa > 0 && bb > 0 ? dot / Math.sqrt(aa * bb) : 0;
}

/** [1 2 1]/4 smoothing that keeps closed slots (zero share) closed and never moves volume past them. */
function smoothShape(shape: readonly number[]): number[] {
  return shape.map((value, s) => {
    if (value === 0) return 0;
    const before = shape[s - 1] ?? 0;
    const after = shape[s + 1] ?? 0;
    const weights = (before > 0 ? 1 : 0) + 2 + (after > 0 ? 1 : 0);
    return (before + 2 * value + after) / weights;
  });
}

/** Up to `k` history days with the target's weekday, most recent first, all before the target date. */
export function sameWeekday(history: readonly DayActuals[], date: IsoDate, k: number): DayActuals[] {
  const weekday = weekdayOf(date);
  const found: DayActuals[] = [];
  for (let i = history.length - 1; i >= 0 && found.length < k; i--) {
    const day = history[i]!;
    if (daysBetween(day.date, date) > 0 && weekdayOf(day.date) === weekday) found.push(day);
  }
  return found;
}

/** Up to `k` history days on `weekday`, most recent first. */
function latestOfWeekday(history: readonly DayActuals[], weekday: number, k: number): DayActuals[] {
  const found: DayActuals[] = [];
  for (let i = history.length - 1; i >= 0 && found.length < k; i--) {
    if (weekdayOf(history[i]!.date) === weekday) found.push(history[i]!);
  }
  return found;
}
