import { ActionIcon, Badge, Stack, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { User } from "../../api/types";
import { IconPencil } from "../../components/icons";
import type { Formatters } from "../../i18n/useFormat";
import { UserStatus } from "./UserStatus";

interface UsersTableProps {
  users: User[];
  format: Formatters;
  onEdit: (user: User) => void;
  /** Now, for "locked until" in the past; injectable so tests do not depend on the clock. */
  now?: number;
}

export function UsersTable({ users, format, onEdit, now = Date.now() }: UsersTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover withTableBorder aria-label={t("users.tableLabel")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("users.columns.name")}</Table.Th>
            <Table.Th>{t("users.columns.role")}</Table.Th>
            <Table.Th>{t("users.columns.language")}</Table.Th>
            <Table.Th>{t("users.columns.status")}</Table.Th>
            <Table.Th>{t("users.columns.created")}</Table.Th>
            <Table.Th w={48}>
              <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {t("users.empty")}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row">
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {user.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {user.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray" size="sm" radius="sm">
                  {t(`roles.${user.role}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`language.${user.locale}`)}</Text>
              </Table.Td>
              <Table.Td>
                <UserStatus user={user} format={format} now={now} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {format.dateTimeShort(user.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Tooltip label={t("users.edit", { name: user.displayName })}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t("users.edit", { name: user.displayName })}
                    onClick={() => onEdit(user)}
                  >
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
