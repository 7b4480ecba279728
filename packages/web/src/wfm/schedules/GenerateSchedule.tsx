import { Alert, Button, Group, Paper, Select, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/http";
import { useTeams } from "../../api/people";
import type { Schedule, StaffingReply } from "../../api/wfm";
import { useForecasts, useGenerateSchedule } from "../../api/wfm-queries";
import { apiErrorText } from "../../i18n/api-error";
import { useFormat } from "../../i18n/useFormat";
import { forecastOptions } from "../forecast/forecast-options";
import { DEFAULT_TARGETS, staffingQuery } from "../forecast/StaffingPanel";
import { mondayOf, zonedMidnight } from "../time";
import { weekRequirement } from "./requirement";

/**
 * Builds a week's schedule from a forecast's staffing requirement (default service-level targets), for one
 * team or everyone.
 */
export function GenerateSchedule({ onGenerated }: { onGenerated: (scheduleId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const forecasts = useForecasts();
  const teams = useTeams();
  const generate = useGenerateSchedule();
  const [forecastId, setForecastId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [week, setWeek] = useState<string | null>(null);
  const chosen = (forecasts.data ?? []).find((f) => f.id === forecastId) ?? forecasts.data?.[0] ?? null;
  const weekStart = week ?? (chosen ? mondayOf(chosen.horizonStart) : "");

  const build = useMutation({
    mutationFn: async () => {
      if (!chosen) throw new Error("no forecast");
      const staffing = await api<StaffingReply>(
        `/wfm/forecasts/${chosen.id}/staffing${staffingQuery(DEFAULT_TARGETS)}`,
      );
      const start = zonedMidnight(weekStart, chosen.timeZone || format.timeZone || "UTC");
      return weekRequirement(staffing.intervals, start, chosen.interval);
    },
    onSuccess: ({ requirement }) => {
      if (!chosen) return;
      generate.mutate(
        { weekStart, intervalMinutes: chosen.interval, requirement, ...(teamId ? { teamId } : {}) },
        { onSuccess: (schedule: Schedule) => onGenerated(schedule.id) },
      );
    },
  });
  const failure = build.error ?? generate.error;

  return (
    <Paper withBorder radius="md" p="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t("wfm.schedules.forecast")}
          placeholder={t("wfm.forecast.none")}
          data={forecastOptions(forecasts.data ?? [], t)}
          value={chosen?.id ?? null}
          onChange={(id) => {
            setForecastId(id);
            setWeek(null);
          }}
          w={320}
        />
        <TextInput
          type="date"
          label={t("wfm.schedules.weekStart")}
          value={weekStart}
          onChange={(event) => setWeek(event.currentTarget.value)}
          w={160}
        />
        <Select
          label={t("wfm.schedules.team")}
          placeholder={t("wfm.schedules.allTeams")}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={teamId}
          onChange={setTeamId}
          clearable
          w={200}
        />
        <Button
          disabled={!chosen || !weekStart}
          loading={build.isPending || generate.isPending}
          onClick={() => {
            generate.reset();
            build.mutate();
          }}
        >
          {t("wfm.schedules.generate")}
        </Button>
      </Group>
      {build.data && build.data.covered === 0 ? (
        <Text size="sm" c="orange" mt="xs">
          {t("wfm.schedules.noRequirement")}
        </Text>
      ) : null}
      {failure ? (
        <Alert color="red" mt="sm" role="alert">
          {apiErrorText(failure, t)}
        </Alert>
      ) : null}
    </Paper>
  );
}
