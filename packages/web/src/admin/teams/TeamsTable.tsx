import { ActionIcon, Group, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Team, User } from "../../api/types";
import { IconPencil, IconTrash } from "../../components/icons";
import type { Formatters } from "../../i18n/useFormat";

interface TeamsTableProps {
  teams: Team[];
  usersById: Map<string, User>;
  format: Formatters;
  onEdit: (team: Team) => void;
  onDelete: (team: Team) => void;
}

const SHOWN_MEMBERS = 4;

export function TeamsTable({ teams, usersById, format, onEdit, onDelete }: TeamsTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover withTableBorder aria-label={t("teams.tableLabel")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("teams.columns.name")}</Table.Th>
            <Table.Th>{t("teams.columns.members")}</Table.Th>
            <Table.Th>{t("teams.columns.created")}</Table.Th>
            <Table.Th w={84}>
              <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {t("teams.empty")}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {teams.map((team) => {
            const names = team.memberIds.map((id) => usersById.get(id)?.displayName ?? id.slice(0, 8));
            const rest = names.length - SHOWN_MEMBERS;
            return (
              <Table.Tr key={team.id} data-testid="team-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {team.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t("teams.memberCount", { count: names.length })}
                    {names.length > 0 ? (
                      <Text span c="dimmed" size="sm">
                        {" — "}
                        {names.slice(0, SHOWN_MEMBERS).join(", ")}
                        {rest > 0 ? ` ${t("teams.andMore", { n: rest })}` : ""}
                      </Text>
                    ) : null}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {format.dateTimeShort(team.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t("teams.edit", { name: team.name })}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t("teams.edit", { name: team.name })}
                        onClick={() => onEdit(team)}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t("teams.delete", { name: team.name })}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t("teams.delete", { name: team.name })}
                        onClick={() => onDelete(team)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
