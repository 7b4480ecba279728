import { Button, Group, Menu, Paper, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AgentStateBody, AgentStatus } from "../api/routing-types";
import { IconChevronDown } from "../components/icons";
import { clockDuration } from "../routing/duration";
import { reasonLabel } from "../routing/labels";
import { StateBadge } from "../routing/StateBadge";
import type { SessionStats } from "./desk-state";

interface PresenceBarProps {
  status: AgentStatus | undefined;
  since: number;
  now: number;
  reasons: string[];
  busy: boolean;
  stats: SessionStats;
  onChange: (body: AgentStateBody) => void;
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0} align="flex-end">
      <Text size="md" fw={600} className="tabular" lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" lh={1.2}>
        {label}
      </Text>
    </Stack>
  );
}

/** The agent's state and the three ways to change it; the badge and its timer are the desk's heartbeat. */
export function PresenceBar({ status, since, now, reasons, busy, stats, onChange }: PresenceBarProps) {
  const { t } = useTranslation();
  const kind = status?.kind;
  const average = stats.handled > 0 ? clockDuration(stats.handleMs / stats.handled) : "—";
  return (
    <Paper withBorder radius="md" px="md" py="sm">
      <Group justify="space-between" wrap="wrap" gap="md">
        <Group gap="md" wrap="nowrap">
          {status ? <StateBadge status={status} size="lg" /> : null}
          <Text size="sm" c="dimmed" className="tabular" data-testid="time-in-state">
            {t("desk.inState", { time: clockDuration(now - since) })}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap" role="group" aria-label={t("desk.setState")}>
          <Button
            color="teal"
            variant={kind === "available" ? "filled" : "light"}
            disabled={busy || kind === "available"}
            onClick={() => onChange({ state: "available" })}
          >
            {t("agentState.available")}
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                color="orange"
                variant={kind === "not_ready" ? "filled" : "light"}
                disabled={busy}
                rightSection={<IconChevronDown size={14} aria-hidden />}
              >
                {t("agentState.not_ready")}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t("desk.reason")}</Menu.Label>
              {reasons.map((reason) => (
                <Menu.Item key={reason} onClick={() => onChange({ state: "not_ready", reason })}>
                  {reasonLabel(t, reason)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button
            color="gray"
            variant={kind === "offline" ? "filled" : "light"}
            disabled={busy || kind === "offline"}
            onClick={() => onChange({ state: "offline" })}
          >
            {t("agentState.offline")}
          </Button>
        </Group>
        <Group gap="lg" wrap="nowrap" aria-label={t("desk.stats.label")}>
          <Tooltip label={t("desk.stats.hint")} multiline w={240}>
            <Text size="xs" c="dimmed" lh={1.2}>
              {t("desk.stats.label")}
            </Text>
          </Tooltip>
          <Stat label={t("desk.stats.offered")} value={String(stats.offered)} />
          <Stat label={t("desk.stats.accepted")} value={String(stats.accepted)} />
          <Stat label={t("desk.stats.handled")} value={String(stats.handled)} />
          <Stat label={t("desk.stats.aht")} value={average} />
        </Group>
      </Group>
    </Paper>
  );
}
