import {
  Badge,
  Button,
  Grid,
  Group,
  Menu,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Queue } from "../api/routing-types";
import { IconArrowsExchange, IconCheck, IconChevronDown, IconPlayerStop } from "../components/icons";
import { DeskConversation } from "../conversations/DeskConversation";
import { useLocale } from "../i18n/useLocale";
import { KbSuggestions } from "../knowledge/KbSuggestions";
import { ChannelIcon } from "../routing/ChannelIcon";
import { clockDuration } from "../routing/duration";
import { channelLabel, dispositionLabel } from "../routing/labels";
import { VoiceCallFacts } from "../voice/VoiceCallFacts";
import { CustomerPanel } from "./CustomerPanel";
import type { WorkItem } from "./desk-state";
import { useCustomerName } from "./useCustomerName";

export interface WorkPanelProps {
  item: WorkItem;
  queues: Queue[];
  dispositions: string[];
  now: number;
  busy: boolean;
  error: string | null;
  onComplete: (item: WorkItem) => void;
  onTransfer: (item: WorkItem, queueId: string) => void;
  onWrapUp: (item: WorkItem, disposition: string | null, notes: string) => void;
}

/** Channels whose interactions carry a written conversation the desk shows and answers. */
const DIGITAL = new Set(["chat", "email", "message"]);

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} className="tabular" truncate>
        {value}
      </Text>
    </Stack>
  );
}

/** One conversation: who and where from, notes while talking, then the wrap-up form once it has ended. */
export function WorkPanel(props: WorkPanelProps) {
  const { item, queues, dispositions, now, busy, error } = props;
  const { t } = useTranslation();
  const { locale } = useLocale();
  const customerName = useCustomerName(item.customerId, item.interactionId);
  const [notes, setNotes] = useState("");
  const [disposition, setDisposition] = useState<string | null>(null);
  const queue = queues.find((candidate) => candidate.id === item.queueId);
  const wrapping = item.phase === "wrap_up";
  const limit = queue?.settings.wrapUpLimitMs;
  const wrapElapsed = item.wrapUpSince ? now - item.wrapUpSince : 0;
  const others = queues.filter((candidate) => candidate.id !== item.queueId);
  // No message composer yet: suggested articles go into the notes, which the agent copies into the reply.
  const insert = (snippet: string) =>
    setNotes((current) => (current.trim() ? `${current}\n${snippet}` : snippet));

  return (
    <Stack gap="md" p="md" data-testid="work-panel">
      <Group justify="space-between" align="flex-start">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg" style={{ flex: 1 }}>
          <Fact label={t("desk.work.customer")} value={customerName ?? t("desk.noCustomer")} />
          <Fact label={t("desk.work.queue")} value={queue?.name ?? t("desk.unknownQueue")} />
          <Fact label={t("desk.work.connected")} value={clockDuration(now - item.connectedAt)} />
          <Fact label={t("desk.work.waited")} value={clockDuration(item.connectedAt - item.enqueuedAt)} />
        </SimpleGrid>
        <Badge
          variant="light"
          color={wrapping ? "violet" : "blue"}
          leftSection={<ChannelIcon channel={item.channel} size={12} />}
        >
          {wrapping ? t("desk.work.inWrapUp") : channelLabel(t, item.channel)}
        </Badge>
      </Group>
      {item.channel === "voice" ? <VoiceCallFacts interactionId={item.interactionId} /> : null}

      {wrapping ? (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <Text fw={600}>{t("desk.wrap.title")}</Text>
              <Text
                size="sm"
                className="tabular"
                c={limit && wrapElapsed > limit * 0.8 ? "red" : "dimmed"}
                data-testid="wrap-timer"
              >
                {limit
                  ? t("desk.wrap.timerLimit", {
                      elapsed: clockDuration(wrapElapsed),
                      limit: clockDuration(limit),
                    })
                  : t("desk.wrap.timer", { elapsed: clockDuration(wrapElapsed) })}
              </Text>
            </Group>
            <Select
              label={t("desk.wrap.disposition")}
              placeholder={t("desk.wrap.dispositionPlaceholder")}
              data={dispositions.map((code) => ({ value: code, label: dispositionLabel(t, code) }))}
              value={disposition}
              onChange={setDisposition}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Textarea
              label={t("desk.wrap.notes")}
              value={notes}
              onChange={(event) => setNotes(event.currentTarget.value)}
              autosize
              minRows={3}
              maxRows={8}
              maxLength={4000}
            />
            {error ? (
              <Text size="sm" c="red">
                {error}
              </Text>
            ) : null}
            <Group justify="flex-end">
              <Button
                leftSection={<IconCheck size={16} aria-hidden />}
                onClick={() => props.onWrapUp(item, disposition, notes)}
                loading={busy}
              >
                {t("desk.wrap.close")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, lg: item.customerId ? 7 : 12 }}>
            <Stack gap="md">
              {DIGITAL.has(item.channel) ? <DeskConversation interactionId={item.interactionId} /> : null}
              <Textarea
                label={t("desk.work.notes")}
                description={t("desk.work.notesHint")}
                value={notes}
                onChange={(event) => setNotes(event.currentTarget.value)}
                autosize
                minRows={5}
                maxRows={12}
                maxLength={4000}
              />
              {error ? (
                <Text size="sm" c="red">
                  {error}
                </Text>
              ) : null}
              <Group justify="flex-end" gap="sm">
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button
                      variant="default"
                      leftSection={<IconArrowsExchange size={16} aria-hidden />}
                      rightSection={<IconChevronDown size={14} aria-hidden />}
                      disabled={busy || others.length === 0}
                    >
                      {t("desk.work.transfer")}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Label>{t("desk.work.transferTo")}</Menu.Label>
                    {others.map((target) => (
                      <Menu.Item key={target.id} onClick={() => props.onTransfer(item, target.id)}>
                        {target.name}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
                <Button
                  color="red"
                  variant="light"
                  leftSection={<IconPlayerStop size={16} aria-hidden />}
                  onClick={() => props.onComplete(item)}
                  loading={busy}
                >
                  {t("desk.work.end")}
                </Button>
              </Group>
              <KbSuggestions text={notes} language={locale} onInsert={insert} />
            </Stack>
          </Grid.Col>
          {item.customerId ? (
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Paper withBorder p="sm" radius="md">
                <CustomerPanel customerId={item.customerId} interactionId={item.interactionId} />
              </Paper>
            </Grid.Col>
          ) : null}
        </Grid>
      )}
    </Stack>
  );
}
