import { Alert, Button, Group, Select } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/http";
import type { Forecast, StaffingInterval, StaffingReply } from "../../api/wfm";
import { useForecast, useForecasts, wfmKeys } from "../../api/wfm-queries";
import { apiErrorText } from "../../i18n/api-error";
import { useFormat } from "../../i18n/useFormat";
import { forecastOptions } from "../forecast/forecast-options";
import { DEFAULT_TARGETS, staffingQuery } from "../forecast/StaffingPanel";
import { clockLabel } from "../time";
import { forecastDates, forecastDay } from "./simulation-form";

/** Fills the arrivals (and, when staffing answers, the agents) from one day of a stored forecast. */
export function ForecastFill({
  onFill,
}: {
  onFill: (fill: {
    arrivalsText: string;
    agentsText: string | null;
    startClock: string;
    intervalMinutes: number;
  }) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const tenantZone = format.timeZone ?? "UTC";
  const forecasts = useForecasts();
  const [forecastId, setForecastId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const forecast = useForecast(forecastId);
  const timeZone = forecast.data?.timeZone || tenantZone;
  const dates = forecast.data ? forecastDates(forecast.data.intervals, timeZone) : [];

  const fill = async (chosen: Forecast, day: string) => {
    setError(null);
    const query = staffingQuery(DEFAULT_TARGETS);
    let staffing: StaffingInterval[] = [];
    try {
      staffing = await client.fetchQuery({
        queryKey: wfmKeys.staffing(chosen.id, query),
        queryFn: async () =>
          (await api<StaffingReply>(`/wfm/forecasts/${chosen.id}/staffing${query}`)).intervals,
      });
    } catch (failure) {
      setError(failure);
    }
    const picked = forecastDay(chosen.intervals, staffing, day, timeZone);
    if (!picked) return;
    onFill({
      arrivalsText: picked.arrivals.join(" "),
      agentsText: picked.agents ? picked.agents.join(" ") : null,
      startClock: clockLabel(picked.startMinute),
      intervalMinutes: chosen.interval,
    });
  };

  return (
    <>
      <Group align="flex-end" gap="sm">
        <Select
          label={t("wfm.simulation.fromForecast")}
          placeholder={t("wfm.forecast.none")}
          data={forecastOptions(forecasts.data ?? [], t)}
          value={forecastId}
          onChange={(id) => {
            setForecastId(id);
            setDate(null);
          }}
          w={320}
        />
        <Select
          label={t("wfm.simulation.day")}
          data={dates}
          value={date ?? dates[0] ?? null}
          onChange={setDate}
          disabled={dates.length === 0}
          w={160}
        />
        <Button
          variant="light"
          disabled={!forecast.data || dates.length === 0}
          onClick={() => forecast.data && void fill(forecast.data, date ?? dates[0] ?? "")}
        >
          {t("wfm.simulation.fill")}
        </Button>
      </Group>
      {error ? (
        <Alert color="orange" role="status">
          {t("wfm.simulation.noStaffing", { reason: apiErrorText(error, t) })}
        </Alert>
      ) : null}
    </>
  );
}
