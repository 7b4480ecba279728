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
import { useAllUsers, useTeams } from "../../api/people";
import { toQuery, useAdherence } from "../../api/wfm-queries";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFormat } from "../../i18n/useFormat";
import { useRealtime } from "../../realtime/useRealtime";
import { StateBadge } from "../../routing/StateBadge";
import { activityColor } from "../schedules/activity-colors";
import { zonedDate } from "../time";
import {
  type AdherenceAlert,
  applyAdherenceEvent,
  asPercent,
  boardTotals,
  isAdherenceEvent,
  sortForBoard,
} from "./adherence";

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

/** Scheduled activity against actual state per agent, with live out-of-adherence alerts. */
export function AdherencePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useAllUsers();
  const teams = useTeams();
  const [date, setDate] = useState(() => zonedDate(Date.now(), format.timeZone ?? "UTC"));
  const [teamId, setTeamId] = useState<string | null>(null);
  const [alerts, setAlerts] = useState<AdherenceAlert[]>([]);
  const query = toQuery({ date, teamId });
  const adherence = useAdherence(query);
  const names = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.displayName])), [users.data]);
  const agents = useMemo(() => sortForBoard(adherence.data?.agents ?? [], names), [adherence.data, names]);
  const totals = boardTotals(
    agents.map((a) => ({
      ...a,
      adherencePercent: asPercent(a.adherencePercent),
      conformancePercent: asPercent(a.conformancePercent),
    })),
  );
  const nameOf = (agentId: string, given?: string | null) =>
    given ?? names.get(agentId) ?? agentId.slice(0, 8);
  const percent = (value: number | null) => (value === null ? "–" : `${value}%`);

  const onEvent = (event: { type: string; at: string; data: unknown }) => {
    if (!isAdherenceEvent(event.type)) return;
    setAlerts((current) => applyAdherenceEvent(current, event.type, event.at, event.data));
    void adherence.refetch();
  };
  useRealtime("wallboard", onEvent);

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
          value={percent(totals.adherence)}
          testId="adherence-mean"
        />
        <Tile
          label={t("wfm.adherence.conformance")}
          value={percent(totals.conformance)}
          testId="conformance-mean"
        />
        <Tile label={t("wfm.adherence.outNow")} value={String(totals.outNow)} testId="out-now" />
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
                  name: nameOf(alert.agentId),
                  scheduled: alert.scheduled
                    ? t(`wfm.activities.${alert.scheduled}`, { defaultValue: alert.scheduled })
                    : "–",
                  actual: alert.actual
                    ? t(`agentState.${alert.actual}`, { defaultValue: alert.actual })
                    : "–",
                  since: format.dateTimeShort(alert.since),
                })}
              </Alert>
            ))}
          </Stack>
        </Paper>
      ) : null}
      <Paper withBorder radius="md" p={0}>
        {agents.length === 0 && !adherence.isPending ? (
          <Text size="sm" c="dimmed" p="md">
            {t("wfm.adherence.empty")}
          </Text>
        ) : (
          <Table striped fz="sm" data-testid="adherence-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("wfm.adherence.agent")}</Table.Th>
                <Table.Th>{t("wfm.adherence.scheduled")}</Table.Th>
                <Table.Th>{t("wfm.adherence.actual")}</Table.Th>
                <Table.Th ta="right">{t("wfm.adherence.adherence")}</Table.Th>
                <Table.Th ta="right">{t("wfm.adherence.conformance")}</Table.Th>
                <Table.Th>{t("wfm.adherence.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agents.map((agent) => (
                <Table.Tr key={agent.agentId}>
                  <Table.Td>{nameOf(agent.agentId, agent.agentName)}</Table.Td>
                  <Table.Td>
                    {agent.scheduledActivity ? (
                      <Badge
                        variant="dot"
                        styles={{
                          root: { "--badge-dot-color": activityColor(agent.scheduledActivity) } as Record<
                            string,
                            string
                          >,
                        }}
                      >
                        {t(`wfm.activities.${agent.scheduledActivity}`)}
                      </Badge>
                    ) : (
                      "–"
                    )}
                  </Table.Td>
                  <Table.Td>
                    {agent.actualState ? (
                      <StateBadge status={{ kind: agent.actualState as never }} size="sm" />
                    ) : (
                      "–"
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{percent(asPercent(agent.adherencePercent))}</Table.Td>
                  <Table.Td ta="right">{percent(asPercent(agent.conformancePercent))}</Table.Td>
                  <Table.Td>
                    <Badge color={agent.outOfAdherence ? "red" : "teal"} variant="light" size="sm">
                      {agent.outOfAdherence ? t("wfm.adherence.out") : t("wfm.adherence.in")}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
