import { Box, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useForceState, useRoutingSettings } from "../api/routing";
import type { AgentView } from "../api/routing-types";
import { useMe } from "../api/session";
import type { Me } from "../api/types";
import { IconMaximize, IconMinimize } from "../components/icons";
import { QueryError } from "../components/QueryError";
import { intlLocale } from "../i18n/locale";
import { useLocale } from "../i18n/useLocale";
import type { RealtimeListener } from "../realtime/realtime-client";
import { useRealtime } from "../realtime/useRealtime";
import { useNow } from "../routing/useNow";
import { AgentGrid } from "./AgentGrid";
import { ExplanationDrawer } from "./ExplanationDrawer";
import { IntradayPanel } from "./IntradayPanel";
import { KpiTiles } from "./KpiTiles";
import { QueueTable } from "./QueueTable";
import { tenantTarget } from "./service-level";
import { useFullscreen } from "./useFullscreen";
import { useWallboard } from "./useWallboard";

function countByState(agents: AgentView[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const agent of agents) counts[agent.status.kind] = (counts[agent.status.kind] ?? 0) + 1;
  return counts;
}

function QueueTopic({ queueId, onEvent }: { queueId: string; onEvent: RealtimeListener }) {
  useRealtime(`queue:${queueId}`, onEvent);
  return null;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={3} size="h5" fw={600}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

export function WallboardPage() {
  const me = useMe().data;
  return me ? <Wallboard me={me} /> : null;
}

function Wallboard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const now = useNow(1000);
  const board = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(board);
  const { stats, queues, agents, since, handling, onQueueEvent, supervise, live } = useWallboard(me);
  const settings = useRoutingSettings();
  const force = useForceState();
  const [explaining, setExplaining] = useState<string | null>(null);
  const queueList = queues.data ?? [];
  const target = tenantTarget(queueList.map((queue) => queue.settings.serviceLevel.targetPercent));
  const tag = intlLocale(locale);
  const agentCounts = agents.data ? countByState(agents.data) : undefined;

  return (
    <Box ref={board} className="wallboard" data-testid="wallboard">
      {supervise
        ? queueList.map((q) => <QueueTopic key={q.id} queueId={q.id} onEvent={onQueueEvent} />)
        : null}
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2} size="h3" fw={600}>
              {t("wallboard.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {live ? t("wallboard.live") : t("wallboard.polled")}
            </Text>
          </Stack>
          {fullscreen.supported ? (
            <Button
              variant="default"
              leftSection={
                fullscreen.active ? (
                  <IconMinimize size={16} aria-hidden />
                ) : (
                  <IconMaximize size={16} aria-hidden />
                )
              }
              onClick={fullscreen.toggle}
            >
              {fullscreen.active ? t("wallboard.exitTv") : t("wallboard.tv")}
            </Button>
          ) : null}
        </Group>
        {stats.isError ? <QueryError error={stats.error} /> : null}
        {force.isError ? <QueryError error={force.error} /> : null}
        <KpiTiles kpis={stats.data?.tenant ?? null} target={target} locale={tag} agentCounts={agentCounts} />
        <Section title={t("wallboard.queues.title")}>
          <QueueTable queues={queueList} stats={stats.data} locale={tag} />
        </Section>
        <IntradayPanel queues={queueList} target={target} live={live} />
        {supervise ? (
          <Section title={t("wallboard.agents.title")}>
            {agents.isError ? <QueryError error={agents.error} /> : null}
            <Paper>
              <AgentGrid
                agents={agents.data ?? []}
                since={since}
                interactions={handling}
                reasons={settings.data?.notReadyReasons ?? []}
                now={now}
                onForce={(agent, body) => force.mutate({ agentId: agent.agentId, body })}
                onExplain={setExplaining}
              />
            </Paper>
          </Section>
        ) : null}
      </Stack>
      <ExplanationDrawer
        interactionId={explaining}
        agents={agents.data ?? []}
        onClose={() => setExplaining(null)}
      />
    </Box>
  );
}
