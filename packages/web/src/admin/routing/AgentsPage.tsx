import { ActionIcon, Box, Group, LoadingOverlay, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAllUsers, useTeams } from "../../api/people";
import type { User } from "../../api/types";
import { IconPencil } from "../../components/icons";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { AgentProfileModal } from "./AgentProfileModal";

/** Agents and supervisors (who may take work too), with their routing profile one click away. */
const WORKERS = new Set(["agent", "supervisor"]);

export function AgentsPage() {
  const { t } = useTranslation();
  const users = useAllUsers();
  const teams = useTeams();
  const [editing, setEditing] = useState<User | null>(null);
  const agents = (users.data ?? [])
    .filter((user) => WORKERS.has(user.role) && !user.disabled)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const teamNames = (userId: string) =>
    (teams.data ?? []).filter((team) => team.memberIds.includes(userId)).map((team) => team.name);

  return (
    <>
      <PageHeader title={t("agents.title")} description={t("agents.description")} />
      {users.isError ? <QueryError error={users.error} /> : null}
      <Box pos="relative">
        <LoadingOverlay visible={users.isPending} zIndex={5} overlayProps={{ blur: 1 }} />
        <Table striped highlightOnHover withTableBorder aria-label={t("agents.tableLabel")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("agents.columns.name")}</Table.Th>
              <Table.Th>{t("agents.columns.role")}</Table.Th>
              <Table.Th>{t("agents.columns.teams")}</Table.Th>
              <Table.Th w={56}>
                <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agents.length === 0 && !users.isPending ? (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    {t("agents.empty")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {agents.map((agent) => {
              const names = teamNames(agent.id);
              return (
                <Table.Tr key={agent.id} data-testid="agent-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {agent.displayName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {agent.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`roles.${agent.role}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={names.length ? undefined : "dimmed"}>
                      {names.length ? names.join(", ") : t("agents.noTeam")}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t("agents.edit", { name: agent.displayName })}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t("agents.edit", { name: agent.displayName })}
                          onClick={() => setEditing(agent)}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Box>
      {editing ? <AgentProfileModal agent={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
