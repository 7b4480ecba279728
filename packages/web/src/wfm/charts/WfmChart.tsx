import { useComputedColorScheme } from "@mantine/core";
import { useMemo, useRef } from "react";
import { useECharts } from "../../wallboard/useECharts";
import { type ChartSpec, chartOption, wfmPalette } from "./chart-options";

/** A per-interval chart; `label` names it for screen readers and tests find it by `testId`. */
export function WfmChart({
  spec,
  label,
  testId,
  height = 260,
}: {
  spec: ChartSpec;
  label: string;
  testId: string;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const dark = useComputedColorScheme("light") === "dark";
  const option = useMemo(() => chartOption(spec, wfmPalette(dark)), [spec, dark]);
  useECharts(ref, option);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-points={spec.labels.length}
      style={{ height, width: "100%" }}
    />
  );
}
