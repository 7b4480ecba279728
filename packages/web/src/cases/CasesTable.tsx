import { Anchor, Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Case } from "../api/cases";
import { useFormat } from "../i18n/useFormat";
import { CasePriorityBadge, CaseStatusBadge } from "./CaseBadges";

export function CasesTable({ cases, busy = false }: { cases: Case[]; busy?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover withTableBorder aria-label={t("cases.tableLabel")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("cases.columns.case")}</Table.Th>
            <Table.Th>{t("cases.columns.status")}</Table.Th>
            <Table.Th>{t("cases.columns.priority")}</Table.Th>
            <Table.Th>{t("cases.columns.due")}</Table.Th>
            <Table.Th>{t("cases.columns.updated")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.length === 0 && !busy ? (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {t("cases.empty")}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {cases.map((item) => (
            <Table.Tr key={item.id} data-testid="case-row">
              <Table.Td>
                <Anchor component={Link} to={`/cases/${item.id}`} size="sm" fw={500}>
                  {item.subject}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {t(`cases.type.${item.type}`)}
                  {item.category ? ` · ${item.category}` : ""}
                </Text>
              </Table.Td>
              <Table.Td>
                <CaseStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <CasePriorityBadge priority={item.priority} />
              </Table.Td>
              <Table.Td>
                {item.sla.resolutionDueAt ? (
                  <Text size="sm" c={item.sla.overdue ? "red" : undefined}>
                    {format.dateTimeShort(item.sla.resolutionDueAt)}
                  </Text>
                ) : null}
                {item.sla.overdue ? (
                  <Badge color="red" size="xs" variant="filled">
                    {t("cases.overdue")}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTimeShort(item.updatedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
