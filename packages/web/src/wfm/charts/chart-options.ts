import type { EChartsCoreOption } from "echarts/core";

/** Colours that read on both the light and the dark theme. */
export function wfmPalette(dark: boolean) {
  return {
    primary: dark ? "#52b9ca" : "#1593aa",
    secondary: dark ? "#b197fc" : "#7048e8",
    actual: dark ? "#909296" : "#868e96",
    warn: dark ? "#ffa94d" : "#e8590c",
    good: dark ? "#69db7c" : "#2f9e44",
    text: dark ? "#c1c2c5" : "#495057",
    grid: dark ? "#2c2e33" : "#e9ecef",
    tooltipBg: dark ? "#25262b" : "#ffffff",
  };
}
export type WfmPalette = ReturnType<typeof wfmPalette>;
export type SeriesColor = "primary" | "secondary" | "actual" | "warn" | "good";

export type SeriesSpec =
  | {
      kind: "line" | "bar" | "step";
      name: string;
      data: (number | null)[];
      color: SeriesColor;
      dashed?: boolean;
      area?: boolean;
    }
  /** A mean line with a shaded confidence band between `low` and `high`. */
  | {
      kind: "band";
      name: string;
      mean: (number | null)[];
      low: (number | null)[];
      high: (number | null)[];
      color: SeriesColor;
    };

export interface ChartSpec {
  labels: string[];
  series: SeriesSpec[];
  yMax?: number;
  /** Appended to axis labels and tooltip values ("%", " s"). */
  unit?: string;
  /** A dashed horizontal target line. */
  target?: { value: number; label: string } | null;
}

/** Stack of an invisible floor and a visible band height: ECharts draws a band as two stacked areas. */
export function bandLayers(
  low: (number | null)[],
  high: (number | null)[],
): { floor: (number | null)[]; height: (number | null)[] } {
  return {
    floor: low.map((value, i) => (value === null || high[i] === null ? null : value)),
    height: low.map((value, i) => {
      const top = high[i];
      return value === null || top === null || top === undefined ? null : Math.max(0, top - value);
    }),
  };
}

/** The ECharts option for a WFM per-interval chart, from a renderer-neutral spec. */
export function chartOption(spec: ChartSpec, c: WfmPalette): EChartsCoreOption {
  const unit = spec.unit ?? "";
  const series = spec.series.flatMap((s, index): Record<string, unknown>[] => {
    const color = c[s.color];
    if (s.kind === "band") {
      const stack = `band-${index}`;
      const { floor, height } = bandLayers(s.low, s.high);
      return [
        {
          name: s.name,
          type: "line",
          data: s.mean,
          showSymbol: false,
          lineStyle: { color: color, width: 2 },
          itemStyle: { color: color },
          z: 3,
        },
        {
          name: `${s.name}-floor`,
          type: "line",
          data: floor,
          stack,
          lineStyle: { opacity: 0 },
          showSymbol: false,
          silent: true,
          tooltip: { show: false },
        },
        {
          name: `${s.name}-band`,
          type: "line",
          data: height,
          stack,
          lineStyle: { opacity: 0 },
          showSymbol: false,
          silent: true,
          areaStyle: { color: color, opacity: 0.18 },
          tooltip: { show: false },
        },
      ];
    }
    return [
      {
        name: s.name,
        type: s.kind === "bar" ? "bar" : "line",
        step: s.kind === "step" ? "end" : undefined,
        data: s.data,
        showSymbol: false,
        connectNulls: false,
        itemStyle: { color: color, borderRadius: s.kind === "bar" ? [2, 2, 0, 0] : undefined },
        lineStyle: { color: color, width: 2, type: s.dashed ? "dashed" : "solid" },
        areaStyle: s.area ? { color: color, opacity: 0.12 } : undefined,
        barCategoryGap: "30%",
        ...(index === 0 && spec.target
          ? {
              markLine: {
                silent: true,
                symbol: "none",
                lineStyle: { color: c.warn, type: "dashed" },
                label: { color: c.warn, position: "insideEndTop", formatter: spec.target.label },
                data: [{ yAxis: spec.target.value }],
              },
            }
          : {}),
      },
    ];
  });
  const visible = spec.series.map((s) => s.name);
  return {
    backgroundColor: "transparent",
    animationDuration: 250,
    textStyle: { color: c.text, fontFamily: "inherit" },
    grid: { left: 8, right: 16, top: 36, bottom: 4, containLabel: true },
    legend: { top: 0, right: 8, data: visible, itemWidth: 14, itemHeight: 8, textStyle: { color: c.text } },
    tooltip: {
      trigger: "axis",
      backgroundColor: c.tooltipBg,
      borderColor: c.grid,
      textStyle: { color: c.text },
      valueFormatter: (value: unknown) => (value == null ? "–" : `${value}${unit}`),
    },
    xAxis: {
      type: "category",
      data: spec.labels,
      axisLine: { lineStyle: { color: c.grid } },
      axisTick: { show: false },
      axisLabel: { color: c.text, hideOverlap: true },
    },
    yAxis: {
      type: "value",
      max: spec.yMax,
      min: 0,
      splitLine: { lineStyle: { color: c.grid } },
      axisLabel: { color: c.text, formatter: (value: number) => `${value}${unit}` },
    },
    series,
  };
}
