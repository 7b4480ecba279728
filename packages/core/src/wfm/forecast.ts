import { forecastAht } from "./aht-forecast.js";
import { daysBetween, type IsoDate } from "./calendar-dates.js";
import { holtWinters } from "./holt-winters.js";
import type { DayActuals, DayForecast } from "./interval-history.js";
import { forecastSpecialDay, normalHistory, type SpecialDay } from "./special-days.js";
import { seasonalNaive, type VolumeForecaster, weekdayAverage, weekdayProfile } from "./volume-methods.js";

export const FORECAST_METHODS = [
  "seasonal_naive",
  "weekday_average",
  "holt_winters",
  "weekday_profile",
] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** weekday_average is the classic "mean of the last 4 same weekdays" baseline. */
export const VOLUME_FORECASTERS: Readonly<Record<ForecastMethod, VolumeForecaster>> = {
  seasonal_naive: seasonalNaive,
  weekday_average: weekdayAverage(4),
  holt_winters: holtWinters,
  weekday_profile: weekdayProfile,
};

export interface ForecastRequest {
  /** All known days; only those strictly before the first requested date are used. */
  readonly history: readonly DayActuals[];
  readonly specialDays: readonly SpecialDay[];
  /** Consecutive or not, ascending. */
  readonly dates: readonly IsoDate[];
  readonly slots: number;
  readonly method: ForecastMethod;
}

export interface ForecastDay extends DayForecast {
  /** Set when the date is a marked special day, with how its volume was found. */
  readonly special?: {
    readonly kind: SpecialDay["kind"];
    readonly name: string;
    readonly basis: "history" | "factor";
  };
}

/**
 * Volume and AHT for each requested date from the history before the first of them. Normal days use the chosen
 * method on history without special days; special days are forecast from their own kind (see special-days.ts).
 */
export function forecastDays(request: ForecastRequest): ForecastDay[] {
  const origin = request.dates[0];
  if (origin === undefined) return [];
  const known = request.history.filter((day) => daysBetween(day.date, origin) > 0);
  const normal = normalHistory(known, request.specialDays);
  const volumes = VOLUME_FORECASTERS[request.method](normal, request.dates, request.slots);
  const specialByDate = new Map(request.specialDays.map((d) => [d.date, d]));
  return request.dates.map((date, index) => {
    const aht = forecastAht(normal, date, request.slots);
    const special = specialByDate.get(date);
    if (!special) return { date, volumes: volumes[index]!, ahtSeconds: aht };
    const result = forecastSpecialDay(special, volumes[index]!, known, request.specialDays, request.slots);
    return {
      date,
      volumes: result.volumes,
      ahtSeconds: aht,
      special: { kind: special.kind, name: special.name, basis: result.basis },
    };
  });
}
