import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useTeams } from "../../api/people";
import { useSchedules } from "../../api/wfm-queries";

/** The stored schedules, newest first, to reopen one: week, team, status and size. */
export function SchedulePicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const schedules = useSchedules();
  const teams = useTeams();
  const teamName = (id: string | null) =>
    (teams.data ?? []).find((team) => team.id === id)?.name ?? t("wfm.schedules.allTeams");
  return (
    <Select
      label={t("wfm.schedules.pick")}
      placeholder={t("wfm.schedules.pickPlaceholder")}
      data={(schedules.data ?? []).map((schedule) => ({
        value: schedule.id,
        label: t("wfm.schedules.option", {
          week: schedule.weekStart.slice(0, 10),
          team: teamName(schedule.teamId),
          status: t(`wfm.schedules.status.${schedule.status}`),
          shifts: schedule.shifts,
        }),
      }))}
      value={value}
      onChange={onChange}
      w={420}
    />
  );
}
