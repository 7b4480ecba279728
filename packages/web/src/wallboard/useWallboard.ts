import { roleAllows } from "@sentra/core";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { routingKeys, useAgents, useQueues, useStats } from "../api/routing";
import type { AgentStatus, Stats, TransitionData } from "../api/routing-types";
import type { Me } from "../api/types";
import type { RealtimeEvent } from "../realtime/realtime-client";
import { useRealtime } from "../realtime/useRealtime";

const HANDLING = new Set(["offered", "connected", "wrap_up"]);

/**
 * The wallboard's data: KPIs from GET /stats then live from `kpi.updated`, agents from GET /agents refreshed
 * on every state change, and — from the queue topics — which interactions each agent is handling, so the grid
 * can link to their routing explanations. Roles that may read stats but not watch the wallboard topic (QA)
 * poll instead.
 */
export function useWallboard(me: Me) {
  const client = useQueryClient();
  const live = roleAllows(me.role, "realtime:wallboard");
  const supervise = roleAllows(me.role, "routing:supervise");
  const stats = useStats(live ? false : 5000);
  const queues = useQueues();
  const agents = useAgents(supervise);
  const [since, setSince] = useState(() => new Map<string, number>());
  const [handling, setHandling] = useState(() => new Map<string, string[]>());

  useRealtime(live ? "wallboard" : "", (event: RealtimeEvent) => {
    if (event.type === "kpi.updated") client.setQueryData<Stats>(routingKeys.stats, event.data as Stats);
    if (event.type === "routing.agent_state_changed") {
      const data = event.data as { agentId: string; to: AgentStatus };
      setSince((previous) => new Map(previous).set(data.agentId, Date.parse(event.at)));
      if (supervise) void client.invalidateQueries({ queryKey: routingKeys.agents });
    }
  });

  const onQueueEvent = useCallback(
    (event: RealtimeEvent) => {
      if (event.type !== "routing.interaction_transitioned") return;
      // Load changes without a state change (a second chat, one of two closed), so the grid refreshes here too.
      void client.invalidateQueries({ queryKey: routingKeys.agents });
      const data = event.data as TransitionData;
      setHandling((previous) => {
        const next = new Map(previous);
        for (const [agentId, ids] of next) {
          const kept = ids.filter((id) => id !== data.interactionId);
          if (kept.length) next.set(agentId, kept);
          else next.delete(agentId);
        }
        if (data.agentId && HANDLING.has(data.to)) {
          next.set(data.agentId, [...(next.get(data.agentId) ?? []), data.interactionId]);
        }
        return next;
      });
    },
    [client],
  );

  return { stats, queues, agents, since, handling, onQueueEvent, supervise, live };
}
