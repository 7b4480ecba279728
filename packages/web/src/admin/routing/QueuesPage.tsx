import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  LoadingOverlay,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useTeams } from "../../api/people";
import { useQueues } from "../../api/routing";
import { useSkills } from "../../api/routing-admin";
import type { Queue } from "../../api/routing-types";
import { useTenant } from "../../api/session";
import { IconPencil, IconPlus } from "../../components/icons";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { ChannelIcon } from "../../routing/ChannelIcon";
import { QueueFormModal } from "./QueueFormModal";
import { durationText, hoursSummary } from "./queue-summary";

type Editing = { mode: "closed" } | { mode: "create" } | { mode: "edit"; queue: Queue };

export function QueuesPage() {
  const { t } = useTranslation();
  const queues = useQueues();
  const skills = useSkills();
  const teams = useTeams();
  const tenant = useTenant(true);
  const [editing, setEditing] = useState<Editing>({ mode: "closed" });
  const skillName = new Map((skills.data ?? []).map((s) => [s.id, s.name]));
  const list = queues.data ?? [];

  return (
    <>
      <PageHeader
        title={t("queues.title")}
        description={t("queues.description")}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing({ mode: "create" })}
          >
            {t("queues.new")}
          </Button>
        }
      />
      {queues.isError ? <QueryError error={queues.error} /> : null}
      <Box pos="relative">
        <LoadingOverlay visible={queues.isPending} zIndex={5} overlayProps={{ blur: 1 }} />
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover withTableBorder aria-label={t("queues.tableLabel")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("queues.columns.name")}</Table.Th>
                <Table.Th>{t("queues.columns.channels")}</Table.Th>
                <Table.Th>{t("queues.columns.skills")}</Table.Th>
                <Table.Th>{t("queues.columns.policy")}</Table.Th>
                <Table.Th>{t("queues.columns.serviceLevel")}</Table.Th>
                <Table.Th>{t("queues.columns.hours")}</Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.length === 0 && !queues.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text size="sm" c="dimmed" ta="center" py="md">
                      {t("queues.empty")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {list.map((queue) => {
                const s = queue.settings;
                return (
                  <Table.Tr key={queue.id} data-testid="queue-admin-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {queue.name}
                      </Text>
                      {s.priority ? (
                        <Text size="xs" c="dimmed">
                          {t("queues.priorityShort", { n: s.priority })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {s.channels.map((channel) => (
                          <Badge
                            key={channel}
                            variant="light"
                            color="gray"
                            leftSection={<ChannelIcon channel={channel} size={12} />}
                            tt="none"
                          >
                            {t(`channels.${channel}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {(s.skills ?? []).length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t("queues.anySkill")}
                        </Text>
                      ) : (
                        <Group gap={4}>
                          {(s.skills ?? []).map((r) => (
                            <Badge key={r.skill} variant="outline" tt="none">
                              {t("queues.skillAtLevel", {
                                name: skillName.get(r.skill) ?? "…",
                                level: r.minLevel,
                              })}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`queues.policies.${s.policy ?? "longest_idle"}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ fontVariantNumeric: "tabular-nums" }}>
                        {t("queues.slSummary", {
                          percent: s.serviceLevel.targetPercent,
                          duration: durationText(t, s.serviceLevel.thresholdMs),
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={s.calendar ? undefined : "dimmed"}>
                        {hoursSummary(t, s.calendar)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t("queues.edit", { name: queue.name })}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t("queues.edit", { name: queue.name })}
                          onClick={() => setEditing({ mode: "edit", queue })}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      {editing.mode !== "closed" ? (
        <QueueFormModal
          queue={editing.mode === "edit" ? editing.queue : null}
          queues={list}
          skills={skills.data ?? []}
          teams={teams.data ?? []}
          tenantTimeZone={tenant.data?.timeZone}
          onClose={() => setEditing({ mode: "closed" })}
        />
      ) : null}
    </>
  );
}
