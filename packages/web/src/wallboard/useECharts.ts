import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import type { EChartsCoreOption } from "echarts/core";
import { type EChartsType, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { type RefObject, useEffect, useRef } from "react";

// Only what the wallboard draws: bars, lines, axes, tooltip, legend, a target line, on canvas.
use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/**
 * An ECharts instance bound to a div: created on mount, resized with the element, given each new option
 * (replacing the old one, so removed series go away), disposed on unmount.
 */
export function useECharts(ref: RefObject<HTMLDivElement | null>, option: EChartsCoreOption): void {
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "canvas" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [ref]);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
}
