import {
  Alert,
  Badge,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useTeams } from "../../api/people";
import { useAgents } from "../../api/routing";
import { toQuery, useAdherence } from "../../api/wfm-queries";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFormat } from "../../i18n/useFormat";
import { useRealtime } from "../../realtime/useRealtime";
import { StateBadge } from "../../routing/StateBadge";
import { useNow } from "../../routing/useNow";
import { activityColor } from "../schedules/activity-colors";
import { zonedDate } from "../time";
import {
  type AdherenceAlert,
  applyAdherenceEvent,
  asPercent,
  boardTotals,
  isAdherenceEvent,
  isOutNow,
  scheduledNow,
  sortForBoard,
} from "./adherence";
import { usePublishedShifts } from "./usePublishedShifts";

function Tile({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={600} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** Scheduled activity against actual state per agent for a day, with live out-of-adherence alerts. */
export function AdherencePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const teams = useTeams();
  const live = useAgents();
  const [date, setDate] = useState(() => zonedDate(Date.now(), format.timeZone ?? "UTC"));
  const [teamId, setTeamId] = useState<string | null>(null);
  const [alerts, setAlerts] = useState<AdherenceAlert[]>([]);
  const adherence = useAdherence(toQuery({ date, teamId }));
  const now = useNow(30_000);
  const today = date === zonedDate(now, format.timeZone ?? "UTC");
  const shifts = usePublishedShifts(date, today);
  const planned = useMemo(() => scheduledNow(shifts.data ?? [], now), [shifts.data, now]);
  const report = adherence.data;
  const agents = useMemo(() => (report ? sortForBoard(report.agents, report.to) : []), [report]);
  const totals = report ? boardTotals(report.agents, report.to) : null;
  const states = useMemo(() => new Map((live.data ?? []).map((a) => [a.agentId, a.status])), [live.data]);
  const names = useMemo(() => new Map(agents.map((a) => [a.agentId, a.displayName])), [agents]);
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined ? "–" : `${value}%`;
  const activity = (kind: string | null) =>
    kind ? t(`wfm.activities.${kind}`, { defaultValue: kind }) : "–";
  const state = (kind: string | null) => (kind ? t(`agentState.${kind}`, { defaultValue: kind }) : "–");

  useRealtime("wallboard", (event) => {
    if (!isAdherenceEvent(event.type)) return;
    setAlerts((current) => applyAdherenceEvent(current, event.at, event.data));
    void adherence.refetch();
  });

  return (
    <Stack gap="md">
      <PageHeader title={t("wfm.adherence.title")} description={t("wfm.adherence.description")} />
      <Group gap="sm" align="flex-end">
        <TextInput
          type="date"
          label={t("wfm.adherence.date")}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
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
      </Group>
      {adherence.isError ? <QueryError error={adherence.error} /> : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Tile
          label={t("wfm.adherence.adherence")}
          value={percent(totals?.adherence)}
          testId="adherence-mean"
        />
        <Tile
          label={t("wfm.adherence.conformance")}
          value={percent(totals?.conformance)}
          testId="conformance-mean"
        />
        <Tile label={t("wfm.adherence.outNow")} value={String(totals?.outNow ?? 0)} testId="out-now" />
      </SimpleGrid>
      {alerts.length > 0 ? (
        <Paper withBorder radius="md" p="md" data-testid="adherence-alerts">
          <Title order={3} size="h5" mb="xs">
            {t("wfm.adherence.alerts")}
          </Title>
          <Stack gap={6}>
            {alerts.map((alert) => (
              <Alert key={alert.agentId} color="orange" variant="light" p="xs" role="status">
                {t("wfm.adherence.alert", {
                  name: names.get(alert.agentId) ?? alert.agentId.slice(0, 8),
                  scheduled: activity(alert.expected),
                  actual: state(alert.actual),
                  since: format.dateTimeShort(alert.since),
                })}
              </Alert>
            ))}
          </Stack>
        </Paper>
      ) : null}
      <Paper withBorder radius="md" p={0}>
        {report && agents.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {t("wfm.adherence.empty")}
          </Text>
        ) : (
          <Table striped fz="sm" data-testid="adherence-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("wfm.adherence.agent")}</Table.Th>
                {today ? <Table.Th>{t("wfm.adherence.scheduledNow")}</Table.Th> : null}
                <Table.Th>{t("wfm.adherence.now")}</Table.Th>
                <Table.Th ta="right">{t("wfm.adherence.scheduledMinutes")}</Table.Th>
                <Table.Th ta="right">{t("wfm.adherence.adherence")}</Table.Th>
                <Table.Th ta="right">{t("wfm.adherence.conformance")}</Table.Th>
                <Table.Th>{t("wfm.adherence.lastEpisode")}</Table.Th>
                <Table.Th>{t("wfm.adherence.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agents.map((agent) => {
                const out = report ? isOutNow(agent, report.to) : false;
                const last = agent.episodes.at(-1);
                const status = states.get(agent.agentId);
                return (
                  <Table.Tr key={agent.agentId}>
                    <Table.Td>{agent.displayName}</Table.Td>
                    {today ? (
                      <Table.Td>
                        <Badge
                          variant="dot"
                          size="sm"
                          styles={{
                            root: {
                              "--badge-dot-color": activityColor(planned.get(agent.agentId) ?? "off"),
                            } as Record<string, string>,
                          }}
                        >
                          {activity(planned.get(agent.agentId) ?? "off")}
                        </Badge>
                      </Table.Td>
                    ) : null}
                    <Table.Td>{status ? <StateBadge status={status} size="sm" /> : "–"}</Table.Td>
                    <Table.Td ta="right">{format.number(Math.round(agent.scheduledMinutes))}</Table.Td>
                    <Table.Td ta="right">{percent(asPercent(agent.adherence))}</Table.Td>
                    <Table.Td ta="right">{percent(asPercent(agent.conformance))}</Table.Td>
                    <Table.Td>
                      {last
                        ? t("wfm.adherence.episode", {
                            expected: activity(last.expected),
                            actual: state(last.actual),
                            minutes: Math.round(last.minutes),
                          })
                        : "–"}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={out ? "red" : "teal"} variant="light" size="sm">
                        {out ? t("wfm.adherence.out") : t("wfm.adherence.in")}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
