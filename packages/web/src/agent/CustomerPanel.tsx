import { Anchor, Button, Divider, Group, Loader, Paper, Stack, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Case, useCases } from "../api/cases";
import { useCustomer } from "../api/customers";
import { ApiError } from "../api/http";
import { CaseActions } from "../cases/CaseActions";
import { CasePriorityBadge, CaseStatusBadge } from "../cases/CaseBadges";
import { NewCaseForm } from "../cases/NewCaseForm";
import { IconPlus } from "../components/icons";
import { QueryError } from "../components/QueryError";
import { HistoryList } from "../customers/HistoryList";
import { ProfileFields } from "../customers/ProfileFields";
import { VerificationForm } from "../customers/VerificationForm";

const isOpen = (item: Case) => item.status !== "resolved" && item.status !== "closed";

function OpenCases({ customerId, interactionId }: { customerId: string; interactionId: string }) {
  const { t } = useTranslation();
  const cases = useCases({ customerId });
  const [creating, setCreating] = useState(false);
  const open = (cases.data?.items ?? []).filter(isOpen);
  return (
    <Stack gap="xs" data-testid="customer-cases">
      {cases.isError ? <QueryError error={cases.error} /> : null}
      {creating ? (
        <Paper withBorder p="sm" radius="sm">
          <NewCaseForm
            customerId={customerId}
            interactionId={interactionId}
            onCreated={() => setCreating(false)}
            onCancel={() => setCreating(false)}
          />
        </Paper>
      ) : (
        <Group justify="flex-end">
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t("cases.new")}
          </Button>
        </Group>
      )}
      {!cases.isPending && open.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("cases.noneOpen")}
        </Text>
      ) : null}
      {open.map((item) => (
        <Paper key={item.id} withBorder p="xs" radius="sm" data-testid="open-case">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/cases/${item.id}`} size="sm" fw={500}>
                {item.subject}
              </Anchor>
              <Group gap={4} wrap="nowrap">
                <CasePriorityBadge priority={item.priority} />
                <CaseStatusBadge status={item.status} />
              </Group>
            </Group>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {item.description}
            </Text>
            <CaseActions item={item} compact />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/**
 * Who the agent is talking to: the profile (masked until the identity check on this interaction passes), the
 * check itself, the customer's other conversations and their open cases.
 */
export function CustomerPanel({ customerId, interactionId }: { customerId: string; interactionId: string }) {
  const { t } = useTranslation();
  const customer = useCustomer(customerId, interactionId);
  if (customer.isPending) return <Loader size="sm" />;
  if (customer.isError) {
    // Channels may carry ids that are not directory ids (400) or ids of no customer (404): same for the agent.
    const unknown =
      customer.error instanceof ApiError && (customer.error.status === 404 || customer.error.status === 400);
    return unknown ? (
      <Text size="sm" c="dimmed" data-testid="customer-unknown">
        {t("customers.unknownOnDesk", { id: customerId })}
      </Text>
    ) : (
      <QueryError error={customer.error} />
    );
  }
  const profile = customer.data;
  return (
    <Stack gap="sm" data-testid="customer-panel">
      <ProfileFields customer={profile} cols={1} />
      <Anchor component={Link} to={`/customers/${profile.id}`} size="xs">
        {t("customers.openProfile")}
      </Anchor>
      <Divider />
      <VerificationForm customerId={profile.id} interactionId={interactionId} />
      <Divider />
      <Tabs defaultValue="cases" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="cases">{t("customers.tabs.cases")}</Tabs.Tab>
          <Tabs.Tab value="history">{t("customers.tabs.history")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="cases" pt="xs">
          <OpenCases customerId={profile.id} interactionId={interactionId} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="xs">
          <HistoryList customerId={profile.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
