import { Stack, Tabs } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useMe } from "../../api/session";
import { toQuery } from "../../api/wfm-queries";
import { PageHeader } from "../../components/PageHeader";
import { roleHas } from "../access";
import { defaultScope } from "../default-scope";
import { type Scope, WfmScope } from "../WfmScope";
import { ForecastPanel } from "./ForecastPanel";
import { HistoryImport } from "./HistoryImport";
import { SpecialDays } from "./SpecialDays";
import { StaffingPanel } from "./StaffingPanel";

export function ForecastPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const canPlan = me ? roleHas(me.role, "wfm:plan") : false;
  const [params, setParams] = useSearchParams();
  const [scope, setScope] = useState<Scope>(defaultScope);
  const forecastId = params.get("forecast");
  const tab = params.get("tab") ?? "forecast";
  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const scopeQuery = toQuery({
    queue: scope.queue.trim(),
    channel: scope.channel,
    interval: scope.intervalMinutes,
  });

  return (
    <Stack gap="md">
      <PageHeader title={t("wfm.forecast.title")} description={t("wfm.forecast.description")} />
      <WfmScope scope={scope} onChange={setScope} />
      <Tabs
        value={tab}
        onChange={(value) => setParam("tab", value === "forecast" ? null : value)}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="forecast">{t("wfm.tabs.forecast")}</Tabs.Tab>
          <Tabs.Tab value="history">{t("wfm.tabs.history")}</Tabs.Tab>
          <Tabs.Tab value="staffing">{t("wfm.tabs.staffing")}</Tabs.Tab>
          <Tabs.Tab value="special-days">{t("wfm.tabs.specialDays")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="forecast">
          <ForecastPanel
            scope={scope}
            forecastId={forecastId}
            onForecastChange={(id) => setParam("forecast", id)}
            canPlan={canPlan}
          />
        </Tabs.Panel>
        <Tabs.Panel value="history">{canPlan ? <HistoryImport scopeQuery={scopeQuery} /> : null}</Tabs.Panel>
        <Tabs.Panel value="staffing">
          <StaffingPanel forecastId={forecastId} intervalMinutes={scope.intervalMinutes} />
        </Tabs.Panel>
        <Tabs.Panel value="special-days">
          <SpecialDays canPlan={canPlan} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
