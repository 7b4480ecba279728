import { Alert, Button, Group, Paper, Select, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useTeams } from "../../api/people";
import { useForecasts, useGenerateSchedule } from "../../api/wfm-queries";
import { apiErrorText } from "../../i18n/api-error";
import { useFormat } from "../../i18n/useFormat";
import { addDays, mondayOf } from "../time";

/** Builds a week's schedule from a forecast's staffing requirement, for one team or everyone. */
export function GenerateSchedule({ onGenerated }: { onGenerated: (scheduleId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const forecasts = useForecasts();
  const teams = useTeams();
  const generate = useGenerateSchedule();
  const [forecastId, setForecastId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [weekStart, setWeekStart] = useState(() =>
    addDays(mondayOf(new Date().toISOString().slice(0, 10)), 7),
  );
  const chosen = forecastId ?? forecasts.data?.[0]?.id ?? null;

  return (
    <Paper withBorder radius="md" p="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t("wfm.schedules.forecast")}
          placeholder={t("wfm.forecast.none")}
          data={(forecasts.data ?? []).map((f) => ({
            value: f.id,
            label: t("wfm.forecast.option", {
              created: format.dateTimeShort(f.createdAt),
              method: t(`wfm.methods.${f.method}`, { defaultValue: f.method }),
            }),
          }))}
          value={chosen}
          onChange={setForecastId}
          w={320}
        />
        <TextInput
          type="date"
          label={t("wfm.schedules.weekStart")}
          value={weekStart}
          onChange={(event) => setWeekStart(event.currentTarget.value)}
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
          loading={generate.isPending}
          onClick={() =>
            chosen &&
            generate.mutate(
              { forecastId: chosen, weekStart, ...(teamId ? { teamId } : {}) },
              { onSuccess: (schedule) => onGenerated(schedule.id) },
            )
          }
        >
          {t("wfm.schedules.generate")}
        </Button>
      </Group>
      {generate.isError ? (
        <Alert color="red" mt="sm" role="alert">
          {apiErrorText(generate.error, t)}
        </Alert>
      ) : null}
    </Paper>
  );
}
