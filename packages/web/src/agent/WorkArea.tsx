import { Group, Paper, Stack, Tabs, Text, ThemeIcon } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Queue } from "../api/routing-types";
import { IconHeadset } from "../components/icons";
import { ChannelIcon } from "../routing/ChannelIcon";
import { clockDuration } from "../routing/duration";
import type { WorkItem } from "./desk-state";
import { useCustomerName } from "./useCustomerName";
import { WorkPanel, type WorkPanelProps } from "./WorkPanel";

type Handlers = Pick<WorkPanelProps, "onComplete" | "onTransfer" | "onWrapUp">;

interface WorkAreaProps extends Handlers {
  work: WorkItem[];
  queues: Queue[];
  dispositions: string[];
  now: number;
  available: boolean;
  busyId: string | null;
  error: { id: string; text: string } | null;
}

function TabTitle({ item, fallback }: { item: WorkItem; fallback: string }) {
  const name = useCustomerName(item.customerId, item.interactionId);
  return (
    <Text size="sm" fw={500}>
      {name ?? fallback}
    </Text>
  );
}

/** Conversations on the desk as tabs; a new one takes focus, since the agent just accepted it. */
export function WorkArea({
  work,
  queues,
  dispositions,
  now,
  available,
  busyId,
  error,
  ...handlers
}: WorkAreaProps) {
  const { t } = useTranslation();
  const [active, setActive] = useState<string | null>(null);
  const newest = work.at(-1)?.interactionId ?? null;
  useEffect(() => setActive(newest), [newest]);
  const selected = work.some((item) => item.interactionId === active) ? active : newest;

  if (work.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl" data-testid="work-empty">
        <Stack align="center" gap="xs" py="xl">
          <ThemeIcon variant="light" size={44} radius="xl">
            <IconHeadset size={24} aria-hidden />
          </ThemeIcon>
          <Text fw={500}>{t("desk.empty.title")}</Text>
          <Text size="sm" c="dimmed" ta="center" maw={420}>
            {available ? t("desk.empty.waiting") : t("desk.empty.goAvailable")}
          </Text>
        </Stack>
      </Paper>
    );
  }

  const queueName = (id: string) => queues.find((queue) => queue.id === id)?.name ?? t("desk.unknownQueue");
  return (
    <Paper withBorder radius="md">
      <Tabs value={selected} onChange={setActive} keepMounted>
        <Tabs.List>
          {work.map((item) => (
            <Tabs.Tab
              key={item.interactionId}
              value={item.interactionId}
              leftSection={<ChannelIcon channel={item.channel} />}
              data-testid="work-tab"
            >
              <Group gap={8} wrap="nowrap">
                <TabTitle item={item} fallback={queueName(item.queueId)} />
                <Text size="xs" c={item.phase === "wrap_up" ? "violet" : "dimmed"} className="tabular">
                  {item.phase === "wrap_up"
                    ? t("desk.work.wrapShort")
                    : clockDuration(now - item.connectedAt)}
                </Text>
              </Group>
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {work.map((item) => (
          <Tabs.Panel key={item.interactionId} value={item.interactionId}>
            <WorkPanel
              item={item}
              queues={queues}
              dispositions={dispositions}
              now={now}
              busy={busyId === item.interactionId}
              error={error?.id === item.interactionId ? error.text : null}
              {...handlers}
            />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}
