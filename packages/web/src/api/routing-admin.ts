import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./http";
import { routingKeys } from "./routing";
import type {
  AgentProfile,
  AgentProfileBody,
  IntradayReport,
  Queue,
  QueueSettings,
  RoutingSettings,
  Skill,
} from "./routing-types";

/** Routing configuration for the admin console: skills, queues, agent profiles and the tenant's codes. */
export const routingAdminKeys = {
  skills: ["routing", "skills"] as const,
  profile: (agentId: string) => ["routing", "profile", agentId] as const,
  intraday: (queueId: string | null) => ["routing", "intraday", queueId] as const,
};

export function useSkills() {
  return useQuery({
    queryKey: routingAdminKeys.skills,
    queryFn: async () => (await api<{ items: Skill[] }>("/skills")).items,
  });
}

export function useCreateSkill() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => api<Skill>("/skills", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: routingAdminKeys.skills }),
  });
}

export function useSaveQueue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: { name: string; settings: QueueSettings } }) =>
      id
        ? api<Queue>(`/queues/${id}`, { method: "PUT", body })
        : api<Queue>("/queues", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: routingKeys.queues }),
  });
}

export function useAgentProfile(agentId: string | null) {
  return useQuery({
    queryKey: routingAdminKeys.profile(agentId ?? ""),
    queryFn: () => api<AgentProfile>(`/agents/${agentId}/profile`),
    enabled: agentId !== null,
  });
}

export function useSaveAgentProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ agentId, body }: { agentId: string; body: AgentProfileBody }) =>
      api<AgentProfile>(`/agents/${agentId}/profile`, { method: "PUT", body }),
    onSuccess: (profile, { agentId }) => client.setQueryData(routingAdminKeys.profile(agentId), profile),
  });
}

export function useSaveRoutingSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RoutingSettings) => api<RoutingSettings>("/routing/settings", { method: "PUT", body }),
    onSuccess: (saved) => client.setQueryData(routingKeys.settings, saved),
  });
}

export const INTRADAY_REFRESH_MS = 60_000;

export function useIntraday(queueId: string | null) {
  return useQuery({
    queryKey: routingAdminKeys.intraday(queueId),
    queryFn: () =>
      api<IntradayReport>(`/stats/intraday${queueId ? `?queueId=${encodeURIComponent(queueId)}` : ""}`),
    refetchInterval: INTRADAY_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}
