import { Badge, Button, Code, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiKey } from "../../api/types";
import type { Formatters } from "../../i18n/useFormat";

interface ApiKeysTableProps {
  keys: ApiKey[];
  format: Formatters;
  onRevoke: (key: ApiKey) => void;
}

export function ApiKeysTable({ keys, format, onRevoke }: ApiKeysTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover withTableBorder aria-label={t("apiKeys.tableLabel")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("apiKeys.columns.name")}</Table.Th>
            <Table.Th>{t("apiKeys.columns.prefix")}</Table.Th>
            <Table.Th>{t("apiKeys.columns.role")}</Table.Th>
            <Table.Th>{t("apiKeys.columns.created")}</Table.Th>
            <Table.Th>{t("apiKeys.columns.lastUsed")}</Table.Th>
            <Table.Th>{t("apiKeys.columns.status")}</Table.Th>
            <Table.Th w={96}>
              <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {t("apiKeys.empty")}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {keys.map((key) => (
            <Table.Tr key={key.id} data-testid="api-key-row" c={key.revokedAt ? "dimmed" : undefined}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {key.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code>{key.prefix}</Code>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray" size="sm" radius="sm">
                  {t(`roles.${key.role}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTimeShort(key.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {key.lastUsedAt ? format.dateTimeShort(key.lastUsedAt) : t("apiKeys.neverUsed")}
                </Text>
              </Table.Td>
              <Table.Td>
                {key.revokedAt ? (
                  <Badge color="gray" variant="light" size="sm">
                    {t("apiKeys.revokedAt", { time: format.dateTimeShort(key.revokedAt) })}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="dot" size="sm">
                    {t("apiKeys.active")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {key.revokedAt ? null : (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={t("apiKeys.revokeNamed", { name: key.name })}
                    onClick={() => onRevoke(key)}
                  >
                    {t("apiKeys.revoke")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
