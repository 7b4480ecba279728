import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAllUsers, useTeams } from "../../api/people";
import type { Schedule } from "../../api/wfm";
import { useMoveShift, usePublishSchedule } from "../../api/wfm-queries";
import { apiErrorText } from "../../i18n/api-error";
import { WfmChart } from "../charts/WfmChart";
import { addDays, weekdayIndex } from "../time";
import { coverageChart, coverageGap, dayCoverage } from "./coverage";
import { GanttBoard } from "./GanttBoard";
import { boardWindow, DEFAULT_LIMITS, ganttRows, type Span, spanToWeek } from "./gantt";

/** A generated week: coverage against requirement for a day, that day's Gantt, and publishing. */
export function ScheduleView({ schedule, canPlan }: { schedule: Schedule; canPlan: boolean }) {
  const { t } = useTranslation();
  const users = useAllUsers();
  const teams = useTeams();
  const move = useMoveShift(schedule.id);
  const publish = usePublishSchedule(schedule.id);
  const [day, setDay] = useState(0);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [pending, setPending] = useState<Map<string, Span>>(new Map());
  const weekDate = schedule.weekStart.slice(0, 10);
  const names = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.displayName])), [users.data]);
  const members = useMemo(() => {
    const team = (teams.data ?? []).find((candidate) => candidate.id === teamId);
    return team ? new Set(team.memberIds) : null;
  }, [teams.data, teamId]);
  const rows = useMemo(
    () => ganttRows(schedule.shifts, day, names).filter((row) => !members || members.has(row.agentId)),
    [schedule.shifts, day, names, members],
  );
  const window = boardWindow(rows);
  const coverage = useMemo(() => dayCoverage(schedule, day), [schedule, day]);
  const spec = useMemo(
    () =>
      coverageChart(coverage, {
        required: t("wfm.coverage.required"),
        scheduled: t("wfm.coverage.scheduled"),
      }),
    [coverage, t],
  );
  const gap = coverageGap(coverage, schedule.intervalMinutes);
  const editable = canPlan && schedule.status === "draft";
  const dayLabel = (d: number) => {
    const date = addDays(weekDate, d);
    return `${t(`wfm.weekdays.${weekdayIndex(date)}`)} ${date.slice(8, 10)}`;
  };

  const change = (shiftId: string, span: Span, agentId?: string) => {
    if (!agentId) setPending((current) => new Map(current).set(shiftId, span));
    move.mutate(
      { shiftId, ...spanToWeek(span, day), ...(agentId ? { agentId } : {}) },
      {
        onSettled: () =>
          setPending((current) => {
            const next = new Map(current);
            next.delete(shiftId);
            return next;
          }),
      },
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm">
          <Badge
            color={schedule.status === "published" ? "teal" : "gray"}
            variant="light"
            data-testid="schedule-status"
          >
            {t(`wfm.schedules.status.${schedule.status}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t("wfm.schedules.summary", { shifts: schedule.shifts.length, week: weekDate })}
          </Text>
        </Group>
        {canPlan && schedule.status === "draft" ? (
          <Button color="teal" loading={publish.isPending} onClick={() => publish.mutate()}>
            {t("wfm.schedules.publish")}
          </Button>
        ) : null}
      </Group>
      {publish.isError ? (
        <Alert color="red" role="alert">
          {apiErrorText(publish.error, t)}
        </Alert>
      ) : null}
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          aria-label={t("wfm.schedules.day")}
          data={[0, 1, 2, 3, 4, 5, 6].map((d) => ({ value: String(d), label: dayLabel(d) }))}
          value={String(day)}
          onChange={(value) => setDay(Number(value))}
        />
        <Select
          aria-label={t("wfm.schedules.team")}
          placeholder={t("wfm.schedules.allTeams")}
          data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          value={teamId}
          onChange={setTeamId}
          clearable
          w={200}
        />
      </Group>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            {t("wfm.coverage.title")}
          </Title>
          <Text size="sm" c={gap.shortIntervals > 0 ? "orange" : "teal"}>
            {gap.shortIntervals > 0
              ? t("wfm.coverage.short", { intervals: gap.shortIntervals, hours: gap.missingHours })
              : t("wfm.coverage.met")}
          </Text>
        </Group>
        <WfmChart spec={spec} label={t("wfm.coverage.title")} testId="coverage-chart" height={220} />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={3} size="h5" mb="xs">
          {t("wfm.gantt.title")}
        </Title>
        {editable ? (
          <Text size="xs" c="dimmed" mb="xs">
            {t("wfm.gantt.help")}
          </Text>
        ) : null}
        {move.isError ? (
          <Alert
            color="red"
            mb="sm"
            role="alert"
            withCloseButton
            onClose={() => move.reset()}
            data-testid="shift-error"
          >
            {t("wfm.gantt.moveFailed", { reason: apiErrorText(move.error, t) })}
          </Alert>
        ) : null}
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("wfm.gantt.empty")}
          </Text>
        ) : (
          <GanttBoard
            rows={rows}
            window={window}
            limits={{ ...DEFAULT_LIMITS, step: schedule.intervalMinutes, min: window.start, max: window.end }}
            editable={editable}
            pending={pending}
            onChange={change}
          />
        )}
      </Paper>
    </Stack>
  );
}
