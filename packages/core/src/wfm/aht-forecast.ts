import type { IsoDate } from "./calendar-dates.js";
import type { DayActuals } from "./interval-history.js";
import { sameWeekday } from "./volume-methods.js";

const AHT_WEEKS = 4;

/**
 * Handle time per slot: the handled-weighted mean of the same slot over the last 4 same weekdays. A slot with
 * no answered contact there falls back to that weekday's whole-day mean, then to the mean over all history;
 * null only when history has never answered anything.
 */
export function forecastAht(history: readonly DayActuals[], date: IsoDate, slots: number): (number | null)[] {
  const days = sameWeekday(history, date, AHT_WEEKS);
  const dayMean = weightedAht(days, () => true);
  const overall = dayMean ?? weightedAht(history, () => true);
  return Array.from({ length: slots }, (_, s) => weightedAht(days, (slot) => slot === s) ?? overall);
}

function weightedAht(days: readonly DayActuals[], includes: (slot: number) => boolean): number | null {
  let seconds = 0;
  let handled = 0;
  for (const day of days)
    day.handled.forEach((n, s) => {
      const aht = day.ahtSeconds[s];
      if (n > 0 && aht !== null && aht !== undefined && includes(s)) {
        seconds += aht * n;
        handled += n;
      }
    });
  return handled > 0 ? seconds / handled : null;
}
