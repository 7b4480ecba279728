import {
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
  useComputedColorScheme,
} from "@mantine/core";
import type { EChartsCoreOption } from "echarts/core";
import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { IntradayReport } from "../api/routing-types";
import { intlLocale } from "../i18n/locale";
import { useLocale } from "../i18n/useLocale";
import { intradaySeries, minuteLabel, minuteOfDay } from "./intraday";
import { useECharts } from "./useECharts";

export interface IntradayChartsProps {
  report: IntradayReport;
  /** Service-level target in percent, drawn as a dashed line. */
  target: number;
  queueId: string | null;
  queues: { value: string; label: string }[];
  onQueueChange: (queueId: string | null) => void;
}

const TODAY = "#1593aa";
const TODAY_DARK = "#52b9ca";

function palette(dark: boolean) {
  return {
    today: dark ? TODAY_DARK : TODAY,
    yesterday: dark ? "#5c5f66" : "#c1c7cd",
    text: dark ? "#c1c2c5" : "#495057",
    grid: dark ? "#2c2e33" : "#e9ecef",
    target: dark ? "#fab005" : "#e67700",
    tooltipBg: dark ? "#25262b" : "#ffffff",
  };
}

function Chart({ option, label, testId }: { option: EChartsCoreOption; label: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useECharts(ref, option);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height: 230, width: "100%" }}
    />
  );
}

export default function IntradayCharts({
  report,
  target,
  queueId,
  queues,
  onQueueChange,
}: IntradayChartsProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const dark = useComputedColorScheme("light") === "dark";
  const tag = intlLocale(locale);
  const series = useMemo(() => intradaySeries(report, minuteOfDay(report.timeZone)), [report]);

  const options = useMemo(() => {
    const c = palette(dark);
    const labels = series.minutes.map((m) => minuteLabel(tag, m));
    const today = t("wallboard.intraday.today");
    const yesterday = t("wallboard.intraday.yesterday");
    const base = {
      backgroundColor: "transparent",
      animationDuration: 300,
      textStyle: { color: c.text, fontFamily: "inherit" },
      grid: { left: 8, right: 16, top: 36, bottom: 4, containLabel: true },
      legend: { top: 0, right: 8, itemWidth: 14, itemHeight: 8, textStyle: { color: c.text } },
      tooltip: {
        trigger: "axis",
        backgroundColor: c.tooltipBg,
        borderColor: c.grid,
        textStyle: { color: c.text },
      },
      xAxis: {
        type: "category",
        data: labels,
        axisLine: { lineStyle: { color: c.grid } },
        axisTick: { show: false },
        axisLabel: { color: c.text, interval: 7, hideOverlap: true },
      },
    };
    const yAxis = (extra: object) => ({
      type: "value",
      splitLine: { lineStyle: { color: c.grid } },
      axisLabel: { color: c.text },
      ...extra,
    });
    const arrivals: EChartsCoreOption = {
      ...base,
      yAxis: yAxis({ minInterval: 1 }),
      series: [
        {
          name: yesterday,
          type: "bar",
          data: series.arrivals.yesterday,
          itemStyle: { color: c.yesterday, borderRadius: [2, 2, 0, 0] },
          barGap: "-100%",
          barCategoryGap: "25%",
        },
        {
          name: today,
          type: "bar",
          data: series.arrivals.today,
          itemStyle: { color: c.today, borderRadius: [2, 2, 0, 0], opacity: 0.9 },
          barCategoryGap: "45%",
        },
      ],
    };
    const percentLabel = (value: number) => `${value}%`;
    const serviceLevel: EChartsCoreOption = {
      ...base,
      tooltip: { ...base.tooltip, valueFormatter: (v: unknown) => (v == null ? "–" : `${v}%`) },
      yAxis: yAxis({ min: 0, max: 100, interval: 25, axisLabel: { color: c.text, formatter: percentLabel } }),
      series: [
        {
          name: yesterday,
          type: "line",
          data: series.serviceLevel.yesterday,
          connectNulls: true,
          showSymbol: false,
          lineStyle: { color: c.yesterday, width: 2, type: "dashed" },
          itemStyle: { color: c.yesterday },
        },
        {
          name: today,
          type: "line",
          data: series.serviceLevel.today,
          connectNulls: true,
          showSymbol: false,
          smooth: 0.2,
          lineStyle: { color: c.today, width: 3 },
          itemStyle: { color: c.today },
          areaStyle: { color: c.today, opacity: dark ? 0.12 : 0.08 },
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { color: c.target, type: "dashed", width: 1.5 },
            label: {
              color: c.target,
              position: "insideEndTop",
              formatter: t("wallboard.intraday.target", { target }),
            },
            data: [{ yAxis: target }],
          },
        },
      ],
    };
    return { arrivals, serviceLevel };
  }, [series, dark, tag, t, target]);

  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h5" fw={600}>
          {t("wallboard.intraday.title")}
        </Title>
        {queues.length > 1 ? (
          <SegmentedControl
            size="xs"
            aria-label={t("wallboard.intraday.scope")}
            data={[{ value: "", label: t("wallboard.intraday.allQueues") }, ...queues]}
            value={queueId ?? ""}
            onChange={(value) => onQueueChange(value || null)}
          />
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder radius="md" p="sm">
          <Text size="sm" fw={500} c="dimmed">
            {t("wallboard.intraday.arrivals")}
          </Text>
          <Chart
            option={options.arrivals}
            label={t("wallboard.intraday.arrivals")}
            testId="intraday-arrivals"
          />
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <Text size="sm" fw={500} c="dimmed">
            {t("wallboard.intraday.serviceLevel")}
          </Text>
          <Chart
            option={options.serviceLevel}
            label={t("wallboard.intraday.serviceLevel")}
            testId="intraday-service-level"
          />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
