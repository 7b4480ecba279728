import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./http";
import type {
  AgentStateBody,
  AgentView,
  ExplainedOffer,
  Interaction,
  Queue,
  RoutingSettings,
  Stats,
} from "./routing-types";

/** Query keys of the routing screens; kept apart from the admin keys so a desk refresh never hits them. */
export const routingKeys = {
  settings: ["routing", "settings"] as const,
  queues: ["routing", "queues"] as const,
  myState: ["routing", "me"] as const,
  agents: ["routing", "agents"] as const,
  stats: ["routing", "stats"] as const,
  interaction: (id: string) => ["routing", "interaction", id] as const,
  explanation: (id: string) => ["routing", "explanation", id] as const,
};

export function useRoutingSettings() {
  return useQuery({
    queryKey: routingKeys.settings,
    queryFn: () => api<RoutingSettings>("/routing/settings"),
    staleTime: 5 * 60_000,
  });
}

export function useQueues() {
  return useQuery({
    queryKey: routingKeys.queues,
    queryFn: async () => (await api<{ items: Queue[] }>("/queues")).items,
    staleTime: 60_000,
  });
}

export function useMyState() {
  return useQuery({ queryKey: routingKeys.myState, queryFn: () => api<AgentView>("/agents/me/state") });
}

export function useSetMyState() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AgentStateBody) => api<AgentView>("/agents/me/state", { method: "PUT", body }),
    onSuccess: (view) => client.setQueryData(routingKeys.myState, view),
  });
}

export function useAgents(enabled = true) {
  return useQuery({
    queryKey: routingKeys.agents,
    queryFn: async () => (await api<{ items: AgentView[] }>("/agents")).items,
    enabled,
  });
}

export function useForceState() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ agentId, body }: { agentId: string; body: AgentStateBody }) =>
      api<AgentView>(`/agents/${agentId}/state`, { method: "PUT", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: routingKeys.agents }),
  });
}

/** Pass a poll interval for roles that cannot watch the wallboard topic; others get pushes instead. */
export function useStats(pollMs: number | false = false) {
  return useQuery({
    queryKey: routingKeys.stats,
    queryFn: () => api<Stats>("/stats"),
    refetchInterval: pollMs,
  });
}

export function fetchInteraction(id: string): Promise<Interaction> {
  return api<Interaction>(`/interactions/${id}`);
}

export function useExplanation(id: string | null) {
  return useQuery({
    queryKey: routingKeys.explanation(id ?? ""),
    queryFn: async () => (await api<{ offers: ExplainedOffer[] }>(`/interactions/${id}/explanation`)).offers,
    enabled: id !== null,
  });
}

export type InteractionAction = "accept" | "reject" | "complete";

/** Accept, reject or complete: the reply is the interaction after the command. */
export function useInteractionAction() {
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: InteractionAction }) =>
      api<Interaction>(`/interactions/${id}/${action}`, { method: "POST" }),
  });
}

export function useWrapUp() {
  return useMutation({
    mutationFn: ({ id, disposition, notes }: { id: string; disposition?: string; notes?: string }) =>
      api<Interaction>(`/interactions/${id}/wrap-up`, {
        method: "POST",
        body: {
          ...(disposition ? { disposition } : {}),
          ...(notes ? { notes } : {}),
        },
      }),
  });
}

export function useTransfer() {
  return useMutation({
    mutationFn: ({ id, queueId }: { id: string; queueId: string }) =>
      api<Interaction>(`/interactions/${id}/transfer`, { method: "POST", body: { queueId } }),
  });
}
