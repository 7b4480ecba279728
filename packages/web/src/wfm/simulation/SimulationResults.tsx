import { Paper, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Estimate, SimulationResult } from "../../api/wfm";
import { WfmChart } from "../charts/WfmChart";
import { metricChart, runTotals, SIMULATION_METRICS, type SimulationMetric } from "./simulation-series";

const UNIT: Record<SimulationMetric, string> = {
  serviceLevel: "%",
  asaSeconds: "",
  abandonRate: "%",
  occupancy: "%",
};

/** Per-interval charts with confidence bands for one run, or base and variant side by side. */
export function SimulationResults({
  runs,
  startMinute,
}: {
  runs: { name: string; result: SimulationResult }[];
  startMinute: number;
}) {
  const { t } = useTranslation();
  const charts = useMemo(
    () => SIMULATION_METRICS.map((metric) => ({ metric, spec: metricChart(metric, runs, startMinute) })),
    [runs, startMinute],
  );
  const totals = runs.map((run) => runTotals(run.result));
  const show = (estimate: Estimate | undefined, metric: SimulationMetric) => {
    if (!estimate || estimate.mean === null) return "–";
    const unit = UNIT[metric] || ` ${t("wfm.simulation.seconds")}`;
    const range =
      estimate.low !== null && estimate.high !== null ? ` (${estimate.low}–${estimate.high})` : "";
    return `${estimate.mean}${unit}${range}`;
  };

  return (
    <>
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h5" mb="xs">
          {t("wfm.simulation.totals")}
        </Title>
        <Table withTableBorder fz="sm" data-testid="simulation-totals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {runs.map((run) => (
                <Table.Th key={run.name}>{run.name}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SIMULATION_METRICS.map((metric) => (
              <Table.Tr key={metric}>
                <Table.Td>{t(`wfm.simulation.metrics.${metric}`)}</Table.Td>
                {totals.map((total, index) => (
                  <Table.Td key={runs[index]?.name}>{show(total[metric], metric)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt={4}>
          {t("wfm.simulation.bandsNote", { replications: runs[0]?.result.replications ?? 0 })}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {charts.map(({ metric, spec }) => (
          <Paper key={metric} withBorder radius="md" p="md">
            <Text size="sm" fw={500} c="dimmed">
              {t(`wfm.simulation.metrics.${metric}`)}
            </Text>
            <WfmChart
              spec={spec}
              label={t(`wfm.simulation.metrics.${metric}`)}
              testId={`simulation-${metric}`}
              height={230}
            />
          </Paper>
        ))}
      </SimpleGrid>
    </>
  );
}
