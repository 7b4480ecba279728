import { ActionIcon, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../api/session";
import { useMySchedule, wfmKeys } from "../../api/wfm-queries";
import { IconChevronLeft, IconChevronRight } from "../../components/icons";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFormat } from "../../i18n/useFormat";
import { useRealtime } from "../../realtime/useRealtime";
import { addDays, clockLabel, mondayOf, weekdayIndex, zonedDate } from "../time";
import { activityColor } from "./activity-colors";
import { myWeek, weekHours } from "./my-week";

/** The agent's own published week: each day's shift with its breaks, in the centre's time. */
export function MySchedulePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const timeZone = format.timeZone ?? "UTC";
  const [week, setWeek] = useState(() => mondayOf(zonedDate(Date.now(), timeZone)));
  const schedule = useMySchedule(week);
  const client = useQueryClient();
  const me = useMe().data;
  // A planner publishing or moving one of my shifts tells my own topic; the week on screen follows.
  useRealtime(me ? `agent:${me.id}` : "", (event) => {
    if (event.type.startsWith("wfm.")) void client.invalidateQueries({ queryKey: wfmKeys.mySchedule(week) });
  });
  const days = useMemo(() => myWeek(schedule.data?.shifts ?? [], week), [schedule.data, week]);

  return (
    <Stack gap="md">
      <PageHeader
        title={t("wfm.mySchedule.title")}
        description={t("wfm.mySchedule.description")}
        actions={
          <Group gap={4}>
            <ActionIcon
              variant="default"
              aria-label={t("wfm.mySchedule.previous")}
              onClick={() => setWeek(addDays(week, -7))}
            >
              <IconChevronLeft size={16} aria-hidden />
            </ActionIcon>
            <Text size="sm" w={190} ta="center">
              {t("wfm.mySchedule.week", { from: week, to: addDays(week, 6) })}
            </Text>
            <ActionIcon
              variant="default"
              aria-label={t("wfm.mySchedule.next")}
              onClick={() => setWeek(addDays(week, 7))}
            >
              <IconChevronRight size={16} aria-hidden />
            </ActionIcon>
          </Group>
        }
      />
      {schedule.isError ? <QueryError error={schedule.error} /> : null}
      <Text size="sm" c="dimmed" data-testid="my-hours">
        {t("wfm.mySchedule.hours", { hours: weekHours(days) })}
      </Text>
      {days.map((day) => (
        <Paper key={day.date} withBorder radius="md" p="sm" data-testid="my-day">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={500} w={140}>
              {t(`wfm.weekdays.${weekdayIndex(day.date)}`)} {day.date.slice(5)}
            </Text>
            {day.shifts.length === 0 ? (
              <Badge variant="light" color="gray">
                {t("wfm.mySchedule.off")}
              </Badge>
            ) : (
              <Stack gap={4} style={{ flex: 1 }}>
                {day.shifts.map((shift) => (
                  <Group key={shift.id} gap="xs">
                    <Badge variant="light" color="teal">
                      {clockLabel(shift.start)}–{clockLabel(shift.end)}
                    </Badge>
                    {shift.activities.map((activity) => (
                      <Badge
                        key={`${activity.kind}-${activity.start}`}
                        variant="dot"
                        styles={{
                          root: { "--badge-dot-color": activityColor(activity.kind) } as Record<
                            string,
                            string
                          >,
                        }}
                      >
                        {t(`wfm.activities.${activity.kind}`, { defaultValue: activity.kind })}{" "}
                        {clockLabel(activity.start)}–{clockLabel(activity.end)}
                      </Badge>
                    ))}
                  </Group>
                ))}
              </Stack>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
