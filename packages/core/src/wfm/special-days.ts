import { z } from "zod";
import { daysBetween } from "./calendar-dates.js";
import { type DayActuals, sum, zeros } from "./interval-history.js";
import { type VolumeForecaster, weekdayAverage } from "./volume-methods.js";

export const SPECIAL_DAY_KINDS = ["holiday", "payday", "campaign", "other"] as const;
export type SpecialDayKind = (typeof SPECIAL_DAY_KINDS)[number];

export const specialDayBody = z.object({
  date: z.iso.date("date must be YYYY-MM-DD"),
  kind: z.enum(SPECIAL_DAY_KINDS),
  name: z.string().trim().min(1).max(200),
  /** Multiplier on the normal forecast, used only when history has no earlier day of the same kind. */
  factor: z.number().min(0).max(100).default(1),
});
export type SpecialDay = z.infer<typeof specialDayBody>;

/** History without the special days, the "normal" behaviour every method is fitted on. */
export function normalHistory(history: readonly DayActuals[], special: readonly SpecialDay[]): DayActuals[] {
  const dates = new Set(special.map((d) => d.date));
  return history.filter((day) => !dates.has(day.date));
}

/**
 * Forecast for a special day. When history holds earlier days of the same kind (same name preferred, e.g. last
 * year's Lebaran, else any day of that kind, e.g. every earlier payday), each gives a ratio "actual total ÷ what
 * a normal forecast would have said" and an intraday shape; the target gets the normal forecast's total × the
 * mean ratio, spread by the mean shape. Without such days it is the normal forecast × the user's factor.
 */
export function forecastSpecialDay(
  target: SpecialDay,
  normalForecast: readonly number[],
  history: readonly DayActuals[],
  special: readonly SpecialDay[],
  slots: number,
): { volumes: number[]; basis: "history" | "factor" } {
  const earlier = special.filter((d) => d.kind === target.kind && daysBetween(d.date, target.date) > 0);
  const sameName = earlier.filter((d) => d.name === target.name);
  const candidates = sameName.length > 0 && hasAny(history, sameName) ? sameName : earlier;
  const normal = normalHistory(history, special);
  const byDate = new Map(history.map((day) => [day.date, day]));
  const ratios: number[] = [];
  const shape = zeros(slots);
  for (const day of candidates) {
    const actual = byDate.get(day.date);
    if (!actual) continue;
    const before = normal.filter((d) => daysBetween(d.date, day.date) > 0);
    const expected = sum(BASELINE(before, [day.date], slots)[0]!);
    const total = sum(actual.volumes);
    if (expected <= 0 || total <= 0) continue;
    ratios.push(total / expected);
    actual.volumes.forEach((v, s) => {
      shape[s]! += v / total;
    });
  }
  if (ratios.length === 0) return { volumes: normalForecast.map((v) => v * target.factor), basis: "factor" };
  const ratio = sum(ratios) / ratios.length;
  const total = sum([...normalForecast]) * ratio;
  const shapeTotal = sum(shape);
  return { volumes: shape.map((share) => (total * share) / shapeTotal), basis: "history" };
}

const BASELINE: VolumeForecaster = weekdayAverage(4);

const hasAny = (history: readonly DayActuals[], days: readonly SpecialDay[]) =>
  days.some((d) => history.some((h) => h.date === d.date));
