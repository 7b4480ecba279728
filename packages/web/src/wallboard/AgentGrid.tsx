import { ActionIcon, Anchor, Group, Menu, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AgentStateBody, AgentView } from "../api/routing-types";
import { STATE_KINDS } from "../api/routing-types";
import { IconDotsVertical } from "../components/icons";
import { clockDuration } from "../routing/duration";
import { channelLabel, reasonLabel } from "../routing/labels";
import { StateBadge } from "../routing/StateBadge";

interface AgentGridProps {
  agents: AgentView[];
  /** When each agent entered its state, as far as this page knows; missing means "before the page loaded". */
  since: Map<string, number>;
  interactions: Map<string, string[]>;
  reasons: string[];
  now: number;
  onForce: (agent: AgentView, body: AgentStateBody) => void;
  onExplain: (interactionId: string) => void;
}

const ORDER = new Map<string, number>(STATE_KINDS.map((kind, index) => [kind, index]));

/** Every agent's live state, working agents first; supervisors force a state from the row's menu. */
export function AgentGrid({ agents, since, interactions, reasons, now, onForce, onExplain }: AgentGridProps) {
  const { t } = useTranslation();
  const sorted = [...agents].sort(
    (a, b) =>
      (ORDER.get(a.status.kind) ?? 9) - (ORDER.get(b.status.kind) ?? 9) ||
      (a.displayName ?? "").localeCompare(b.displayName ?? ""),
  );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder highlightOnHover aria-label={t("wallboard.agents.label")} className="tabular">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("wallboard.agents.agent")}</Table.Th>
            <Table.Th>{t("wallboard.agents.state")}</Table.Th>
            <Table.Th>{t("wallboard.agents.timeInState")}</Table.Th>
            <Table.Th>{t("wallboard.agents.load")}</Table.Th>
            <Table.Th>{t("wallboard.agents.interactions")}</Table.Th>
            <Table.Th w={48} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {t("wallboard.agents.empty")}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {sorted.map((agent) => {
            const name = agent.displayName ?? agent.agentId.slice(0, 8);
            const start =
              since.get(agent.agentId) ??
              (agent.status.kind === "available" && agent.idleSince > 0 ? agent.idleSince : null);
            const load = Object.entries(agent.load)
              .filter(([, count]) => (count ?? 0) > 0)
              .map(([channel, count]) => `${channelLabel(t, channel as keyof AgentView["load"])} ${count}`);
            const ids = [
              ...new Set([
                ...(agent.offeredInteractionId ? [agent.offeredInteractionId] : []),
                ...(interactions.get(agent.agentId) ?? []),
              ]),
            ];
            return (
              <Table.Tr key={agent.agentId} data-testid="agent-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StateBadge status={agent.status} size="sm" />
                </Table.Td>
                <Table.Td>{start === null ? "—" : clockDuration(now - start)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={load.length ? undefined : "dimmed"}>
                    {load.length ? load.join(" · ") : "—"}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {ids.length === 0 ? "—" : null}
                    {ids.map((id) => (
                      <Anchor
                        key={id}
                        component="button"
                        size="sm"
                        ff="monospace"
                        onClick={() => onExplain(id)}
                        aria-label={t("wallboard.agents.explain", { id: id.slice(0, 8) })}
                      >
                        {id.slice(0, 8)}
                      </Anchor>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t("wallboard.agents.force", { name })}
                      >
                        <IconDotsVertical size={16} aria-hidden />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Label>{t("wallboard.agents.forceLabel")}</Menu.Label>
                      <Menu.Item onClick={() => onForce(agent, { state: "available" })}>
                        {t("agentState.available")}
                      </Menu.Item>
                      {reasons.map((reason) => (
                        <Menu.Item
                          key={reason}
                          onClick={() => onForce(agent, { state: "not_ready", reason })}
                        >
                          {t("agentState.not_ready")} · {reasonLabel(t, reason)}
                        </Menu.Item>
                      ))}
                      <Menu.Item onClick={() => onForce(agent, { state: "offline" })}>
                        {t("agentState.offline")}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
