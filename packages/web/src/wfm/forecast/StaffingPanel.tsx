import { Group, NumberInput, Paper, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { toQuery, useStaffing } from "../../api/wfm-queries";
import { QueryError } from "../../components/QueryError";
import { WfmChart } from "../charts/WfmChart";
import { useIntervalLabel } from "../useIntervalLabel";
import { staffingChart, staffingSummary } from "./forecast-series";

export interface StaffingTargets {
  slTarget: number;
  slSeconds: number;
  shrinkage: number;
  maxOccupancy: number;
}

export const DEFAULT_TARGETS: StaffingTargets = {
  slTarget: 80,
  slSeconds: 20,
  shrinkage: 30,
  maxOccupancy: 85,
};

/** Service-level inputs as the staffing endpoint takes them: ratios for percentages. */
export function staffingQuery(targets: StaffingTargets): string {
  return toQuery({
    slTarget: targets.slTarget / 100,
    slSeconds: targets.slSeconds,
    shrinkage: targets.shrinkage / 100,
    maxOccupancy: targets.maxOccupancy / 100,
  });
}

/** Required agents per interval for a forecast under the planner's service-level target and shrinkage. */
export function StaffingPanel({
  forecastId,
  intervalMinutes,
}: {
  forecastId: string | null;
  intervalMinutes: number;
}) {
  const { t } = useTranslation();
  const label = useIntervalLabel();
  const [targets, setTargets] = useState(DEFAULT_TARGETS);
  const [settled] = useDebouncedValue(targets, 400);
  const staffing = useStaffing(forecastId, staffingQuery(settled));
  const spec = useMemo(
    () =>
      staffing.data
        ? staffingChart(staffing.data, label, {
            agents: t("wfm.staffing.agents"),
            scheduled: t("wfm.staffing.scheduled"),
          })
        : null,
    [staffing.data, label, t],
  );
  const summary = staffing.data ? staffingSummary(staffing.data, intervalMinutes) : null;
  const field = (key: keyof StaffingTargets, max: number, suffix: string) => (
    <NumberInput
      label={t(`wfm.staffing.${key}`)}
      value={targets[key]}
      onChange={(value) => typeof value === "number" && setTargets({ ...targets, [key]: value })}
      min={0}
      max={max}
      suffix={suffix}
      w={150}
    />
  );

  if (!forecastId) {
    return (
      <Text size="sm" c="dimmed">
        {t("wfm.staffing.pickForecast")}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group align="flex-end" gap="sm">
          {field("slTarget", 99.9, "%")}
          {field("slSeconds", 3600, "")}
          {field("shrinkage", 90, "%")}
          {field("maxOccupancy", 100, "%")}
        </Group>
      </Paper>
      {staffing.isError ? <QueryError error={staffing.error} /> : null}
      {spec && summary ? (
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              {t("wfm.staffing.title")}
            </Title>
            <Text size="sm" c="dimmed" data-testid="staffing-summary">
              {t("wfm.staffing.summary", { peak: summary.peak, hours: summary.agentHours })}
            </Text>
          </Group>
          <WfmChart spec={spec} label={t("wfm.staffing.title")} testId="staffing-chart" />
        </Paper>
      ) : null}
    </Stack>
  );
}
