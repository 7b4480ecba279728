import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { FORECAST_METHODS } from "../../api/wfm";
import { useForecast, useForecasts, useGenerateForecast } from "../../api/wfm-queries";
import { QueryError } from "../../components/QueryError";
import { apiErrorText } from "../../i18n/api-error";
import { useFormat } from "../../i18n/useFormat";
import { WfmChart } from "../charts/WfmChart";
import { useIntervalLabel } from "../useIntervalLabel";
import type { Scope } from "../WfmScope";
import { AdjustmentForm, type PendingAdjustment } from "./AdjustmentForm";
import { BacktestTable } from "./BacktestTable";
import { forecastOptions } from "./forecast-options";
import { adjustmentChange, forecastChart, forecastTotals, horizonDays } from "./forecast-series";

/** Generate a forecast for the scope, pick one, see how each method backtested, chart and adjust it. */
export function ForecastPanel({
  scope,
  forecastId,
  onForecastChange,
  canPlan,
}: {
  scope: Scope;
  forecastId: string | null;
  onForecastChange: (id: string | null) => void;
  canPlan: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useIntervalLabel();
  const [method, setMethod] = useState("auto");
  const [preview, setPreview] = useState<PendingAdjustment | null>(null);
  const forecasts = useForecasts();
  const forecast = useForecast(forecastId);
  const generate = useGenerateForecast();

  const spec = useMemo(
    () =>
      forecast.data
        ? forecastChart(
            forecast.data.intervals,
            label,
            {
              forecast: t("wfm.forecast.forecast"),
              actual: t("wfm.forecast.actual"),
              preview: t("wfm.adjust.preview"),
            },
            preview,
          )
        : null,
    [forecast.data, label, t, preview],
  );
  const totals = forecast.data ? forecastTotals(forecast.data.intervals) : null;

  const run = () =>
    generate.mutate(
      {
        ...(scope.queue ? { queue: scope.queue } : {}),
        ...(scope.channel ? { channel: scope.channel } : {}),
        interval: scope.intervalMinutes,
        horizonStart: scope.from,
        horizonDays: horizonDays(scope.from, scope.to),
        method,
      },
      { onSuccess: (created) => onForecastChange(created.id) },
    );

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          {canPlan ? (
            <>
              <Select
                label={t("wfm.forecast.method")}
                data={[
                  { value: "auto", label: t("wfm.methods.auto") },
                  ...FORECAST_METHODS.map((m) => ({ value: m, label: t(`wfm.methods.${m}`) })),
                ]}
                value={method}
                onChange={(value) => setMethod(value ?? "auto")}
                allowDeselect={false}
                w={240}
              />
              <Button onClick={run} loading={generate.isPending}>
                {t("wfm.forecast.generate")}
              </Button>
            </>
          ) : null}
          <Select
            label={t("wfm.forecast.pick")}
            placeholder={t("wfm.forecast.none")}
            data={forecastOptions(forecasts.data ?? [], t)}
            value={forecastId}
            onChange={onForecastChange}
            w={340}
          />
        </Group>
        {generate.isError ? (
          <Alert color="red" mt="sm" role="alert">
            {apiErrorText(generate.error, t)}
          </Alert>
        ) : null}
      </Paper>
      {forecast.isError ? <QueryError error={forecast.error} /> : null}
      {forecast.data && spec && totals ? (
        <>
          <Paper withBorder radius="md" p="md">
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5">
                {t("wfm.forecast.chartTitle")}
              </Title>
              <Text size="sm" c="dimmed" data-testid="forecast-totals">
                {t("wfm.forecast.totals", { forecast: format.number(totals.forecast) })}
                {totals.actual !== null
                  ? ` · ${t("wfm.forecast.actualTotal", { actual: format.number(totals.actual), wape: totals.wape ?? "–" })}`
                  : ""}
              </Text>
            </Group>
            <WfmChart spec={spec} label={t("wfm.forecast.chartTitle")} testId="forecast-chart" height={300} />
            {canPlan ? (
              <Stack gap={4} mt="md">
                <Text size="sm" fw={500}>
                  {t("wfm.adjust.title")}
                </Text>
                <AdjustmentForm
                  key={forecast.data.id}
                  forecast={forecast.data}
                  label={label}
                  onPreview={setPreview}
                />
              </Stack>
            ) : null}
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder radius="md" p="md">
              <Title order={3} size="h5" mb="xs">
                {t("wfm.forecast.backtest")}
              </Title>
              <BacktestTable scores={forecast.data.backtest.scores} chosen={forecast.data.method} />
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Title order={3} size="h5" mb="xs">
                {t("wfm.adjust.history")}
              </Title>
              {forecast.data.adjustments.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("wfm.adjust.none")}
                </Text>
              ) : (
                <Stack gap={4}>
                  {forecast.data.adjustments.map((a) => (
                    <Text size="sm" key={a.id}>
                      {t("wfm.adjust.entry", {
                        from: label(a.from),
                        to: label(a.to),
                        change: adjustmentChange(a),
                        reason: a.reason,
                      })}
                    </Text>
                  ))}
                </Stack>
              )}
            </Paper>
          </SimpleGrid>
        </>
      ) : forecastId === null ? (
        <Text size="sm" c="dimmed">
          {t("wfm.forecast.empty")}
        </Text>
      ) : null}
    </Stack>
  );
}
