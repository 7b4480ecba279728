import { Box, LoadingOverlay, Table, Text, VisuallyHidden } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useAuditPage } from "../../api/admin";
import { useAllUsers, useTeams } from "../../api/people";
import { CursorPager } from "../../components/CursorPager";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useCursorPages } from "../../components/useCursorPages";
import { useFormat } from "../../i18n/useFormat";
import { AuditRow } from "./AuditRow";
import { detailsName } from "./audit-labels";

export function AuditPage() {
  const { t } = useTranslation();
  const pages = useCursorPages();
  const audit = useAuditPage(pages.cursor);
  const users = useAllUsers();
  const format = useFormat();
  const teams = useTeams();
  const directory = useMemo(
    () => ({
      users: new Map((users.data ?? []).map((u) => [u.id, u])),
      teams: new Map((teams.data ?? []).map((team) => [team.id, team])),
      recorded: new Map(
        (audit.data?.items ?? []).flatMap((entry) => {
          const name = detailsName(entry.details);
          return entry.targetId && name ? [[entry.targetId, name] as const] : [];
        }),
      ),
    }),
    [users.data, teams.data, audit.data],
  );
  const entries = audit.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t("audit.title")}
        description={t("audit.description", { timeZone: format.timeZone ?? "" })}
      />
      {audit.isError ? <QueryError error={audit.error} /> : null}
      <Box pos="relative">
        <LoadingOverlay visible={audit.isPending} zIndex={5} overlayProps={{ blur: 1 }} />
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover withTableBorder aria-label={t("audit.tableLabel")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>
                  <VisuallyHidden>{t("audit.columns.details")}</VisuallyHidden>
                </Table.Th>
                <Table.Th>{t("audit.columns.time")}</Table.Th>
                <Table.Th>{t("audit.columns.actor")}</Table.Th>
                <Table.Th>{t("audit.columns.action")}</Table.Th>
                <Table.Th>{t("audit.columns.target")}</Table.Th>
                <Table.Th>{t("audit.columns.ip")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.length === 0 && !audit.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text size="sm" c="dimmed" ta="center" py="md">
                      {t("audit.empty")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} directory={directory} format={format} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <CursorPager
        page={pages.page}
        nextCursor={audit.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
        busy={audit.isFetching}
      />
    </>
  );
}
