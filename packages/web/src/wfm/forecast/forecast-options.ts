import type { TFunction } from "i18next";
import type { ForecastSummary } from "../../api/wfm";

/** Stored forecasts for a picker, newest first: horizon, queue and the method that produced each. */
export function forecastOptions(forecasts: readonly ForecastSummary[], t: TFunction) {
  return [...forecasts]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((forecast) => ({
      value: forecast.id,
      label: t("wfm.forecast.option", {
        start: forecast.horizonStart,
        days: forecast.horizonDays,
        queue: forecast.queue ?? t("wfm.scope.anyQueue"),
        method: t(`wfm.methods.${forecast.method}`, { defaultValue: forecast.method }),
      }),
    }));
}
