import type { ApiKeyBody } from "@sentra/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, pageQuery } from "./http";
import { queryKeys } from "./keys";
import type { ApiKey, AuditEntry, CreatedApiKey, Page } from "./types";

export const AUDIT_PAGE_SIZE = 25;

export function useApiKeys() {
  return useQuery({
    queryKey: queryKeys.apiKeys,
    queryFn: async () => (await api<{ items: ApiKey[] }>("/api-keys")).items,
  });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKeyBody) => api<CreatedApiKey>("/api-keys", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ApiKey>(`/api-keys/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
}

export function useAuditPage(cursor: string | null) {
  return useQuery({
    queryKey: queryKeys.auditPage(cursor),
    queryFn: () => api<Page<AuditEntry>>(`/audit${pageQuery(AUDIT_PAGE_SIZE, cursor)}`),
    placeholderData: (previous) => previous,
  });
}
