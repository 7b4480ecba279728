import { Box, Group, LoadingOverlay, Select, Switch, Tabs } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { CASE_STATUSES, type CaseFilters, type CaseStatus, useCases } from "../api/cases";
import { useAllUsers } from "../api/people";
import { useCan } from "../api/permissions";
import { useMe } from "../api/session";
import { CursorPager } from "../components/CursorPager";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { useCursorPages } from "../components/useCursorPages";
import { CasesTable } from "./CasesTable";

const ALL = "all";
const ANYONE = "anyone";
const MINE = "mine";

/** Cases by status (the Escalated tab is the supervisor's queue), by owner, optionally only overdue ones. */
export function CasesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const tab = params.get("status") ?? ALL;
  const canListStaff = useCan("users:read");
  const staff = useAllUsers(canListStaff);
  const [owner, setOwner] = useState<string>(ANYONE);
  const [overdue, setOverdue] = useState(false);
  const pages = useCursorPages();
  const filters: CaseFilters = {
    ...((CASE_STATUSES as readonly string[]).includes(tab) ? { status: tab as CaseStatus } : {}),
    ...(owner === MINE && me
      ? { ownerUserId: me.id }
      : owner !== ANYONE && owner !== MINE
        ? { ownerUserId: owner }
        : {}),
    ...(overdue ? { overdue: true } : {}),
  };
  const cases = useCases(filters, pages.cursor);
  const choose = (value: string | null) => {
    pages.first();
    setParams(value && value !== ALL ? { status: value } : {});
  };

  return (
    <>
      <PageHeader title={t("cases.title")} description={t("cases.description")} />
      <Group justify="space-between" mb="sm" align="flex-end">
        <Tabs value={tab} onChange={choose}>
          <Tabs.List>
            <Tabs.Tab value={ALL}>{t("cases.tabs.all")}</Tabs.Tab>
            {CASE_STATUSES.map((status) => (
              <Tabs.Tab key={status} value={status}>
                {t(`cases.status.${status}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Group gap="md">
          <Select
            aria-label={t("cases.filters.owner")}
            size="xs"
            w={200}
            value={owner}
            allowDeselect={false}
            searchable
            data={[
              { value: ANYONE, label: t("cases.filters.anyone") },
              { value: MINE, label: t("cases.filters.mine") },
              ...(staff.data ?? [])
                .filter((user) => user.id !== me?.id)
                .map((user) => ({ value: user.id, label: user.displayName })),
            ]}
            onChange={(value) => {
              pages.first();
              setOwner(value ?? ANYONE);
            }}
          />
          <Switch
            label={t("cases.filters.overdue")}
            checked={overdue}
            onChange={(event) => {
              pages.first();
              setOverdue(event.currentTarget.checked);
            }}
          />
        </Group>
      </Group>
      {cases.isError ? <QueryError error={cases.error} /> : null}
      <Box pos="relative">
        <LoadingOverlay visible={cases.isPending} zIndex={5} overlayProps={{ blur: 1 }} />
        <CasesTable cases={cases.data?.items ?? []} busy={cases.isPending} />
      </Box>
      <CursorPager
        page={pages.page}
        nextCursor={cases.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
        busy={cases.isFetching}
      />
    </>
  );
}
