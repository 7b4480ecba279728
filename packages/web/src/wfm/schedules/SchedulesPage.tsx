import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useMe } from "../../api/session";
import { useSchedule } from "../../api/wfm-queries";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { roleHas } from "../access";
import { GenerateSchedule } from "./GenerateSchedule";
import { SchedulePicker } from "./SchedulePicker";
import { ScheduleView } from "./ScheduleView";
import { ShiftTemplates } from "./ShiftTemplates";

export function SchedulesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const canPlan = me ? roleHas(me.role, "wfm:plan") : false;
  const [params, setParams] = useSearchParams();
  const scheduleId = params.get("schedule");
  const schedule = useSchedule(scheduleId);

  return (
    <Stack gap="md">
      <PageHeader title={t("wfm.schedules.title")} description={t("wfm.schedules.description")} />
      <ShiftTemplates canPlan={canPlan} />
      {canPlan ? (
        <GenerateSchedule onGenerated={(id) => setParams({ schedule: id }, { replace: true })} />
      ) : null}
      <SchedulePicker
        value={scheduleId}
        onChange={(id) => setParams(id ? { schedule: id } : {}, { replace: true })}
      />
      {schedule.isError ? <QueryError error={schedule.error} /> : null}
      {schedule.data ? <ScheduleView schedule={schedule.data} canPlan={canPlan} /> : null}
    </Stack>
  );
}
