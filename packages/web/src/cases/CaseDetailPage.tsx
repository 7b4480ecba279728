import { Anchor, Grid, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Timeline } from "@mantine/core";
import { allowedTransitions } from "@sentra/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  CASE_STATUSES,
  type CaseEvent,
  type CaseStatus,
  useCase,
  useChangeStatus,
  useTimeline,
} from "../api/cases";
import { useCan } from "../api/permissions";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { useFormat } from "../i18n/useFormat";
import { CaseActions } from "./CaseActions";
import { CasePriorityBadge, CaseStatusBadge } from "./CaseBadges";
import { CaseOwner } from "./CaseOwner";
import { FollowUpForm } from "./FollowUpForm";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </Stack>
  );
}

const isStatus = (value: string): value is CaseStatus => (CASE_STATUSES as readonly string[]).includes(value);

/** The words an event carries: a note's body, an escalation's reason, a status change's comment. */
function eventText(event: CaseEvent): string | null {
  for (const key of ["body", "reason", "comment"]) {
    const value = event.data[key];
    if (typeof value === "string" && value.trim()) return value;
  }
  return null;
}

function CaseTimeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeline = useTimeline(caseId);
  if (timeline.isPending) return <Loader size="xs" />;
  if (timeline.isError) return <QueryError error={timeline.error} />;
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="case-timeline">
      {timeline.data.map((entry) => (
        <Timeline.Item
          key={entry.seq}
          title={t(`cases.timeline.${entry.type}`, { defaultValue: entry.type })}
        >
          {eventText(entry) ? (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {eventText(entry)}
            </Text>
          ) : null}
          {typeof entry.data.to === "string" && isStatus(entry.data.to) ? (
            <CaseStatusBadge status={entry.data.to} />
          ) : null}
          <Text size="xs" c="dimmed">
            {format.dateTimeShort(entry.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** One case: its facts, the status it moves through, notes and escalation, follow-ups and what happened. */
export function CaseDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const found = useCase(id);
  const changeStatus = useChangeStatus();
  const canWork = useCan("cases:work");
  if (found.isPending) return <Loader size="sm" />;
  if (found.isError) return <QueryError error={found.error} />;
  const item = found.data;
  // Escalation has its own action with a reason; the status select offers the plain moves only.
  const nextStatuses = allowedTransitions(item.status).filter((status) => status !== "escalated");
  return (
    <>
      <PageHeader
        title={item.subject}
        actions={
          <Group gap="xs">
            <CasePriorityBadge priority={item.priority} />
            <CaseStatusBadge status={item.status} />
          </Group>
        }
      />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md">
              <Stack gap="sm">
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {item.description}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Fact label={t("cases.fields.customer")}>
                    <Anchor component={Link} to={`/customers/${item.customerId}`} size="sm">
                      {t("customers.openProfile")}
                    </Anchor>
                  </Fact>
                  <Fact label={t("cases.fields.due")}>
                    <Text size="sm" c={item.sla.overdue ? "red" : undefined}>
                      {item.sla.resolutionDueAt ? format.dateTimeShort(item.sla.resolutionDueAt) : "—"}
                    </Text>
                  </Fact>
                  <Fact label={t("cases.fields.created")}>{format.dateTimeShort(item.openedAt)}</Fact>
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Fact label={t("cases.fields.type")}>{t(`cases.type.${item.type}`)}</Fact>
                  <Fact label={t("cases.fields.category")}>{item.category ?? "—"}</Fact>
                  <Fact label={t("cases.fields.tier")}>{t(`cases.tier.${item.tier}`)}</Fact>
                </SimpleGrid>
              </Stack>
            </Paper>
            {canWork ? (
              <Paper withBorder p="md" radius="md">
                <Stack gap="sm">
                  <CaseOwner item={item} />
                  <Select
                    label={t("cases.changeStatus")}
                    data={[item.status, ...nextStatuses].map((value) => ({
                      value,
                      label: t(`cases.status.${value}`),
                    }))}
                    value={item.status}
                    allowDeselect={false}
                    disabled={changeStatus.isPending}
                    onChange={(value) =>
                      value &&
                      value !== item.status &&
                      changeStatus.mutate({ id: item.id, status: value as CaseStatus })
                    }
                    maw={280}
                  />
                  {changeStatus.isError ? <QueryError error={changeStatus.error} /> : null}
                  <CaseActions item={item} />
                  <Text fw={600} size="sm" mt="sm">
                    {t("cases.followUp.title")}
                  </Text>
                  <FollowUpForm caseId={item.id} />
                </Stack>
              </Paper>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md">
            <Text fw={600} size="sm" mb="sm">
              {t("cases.timelineTitle")}
            </Text>
            <CaseTimeline caseId={item.id} />
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
