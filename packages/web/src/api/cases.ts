import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, pageQuery } from "./http";
import type { Page } from "./types";

/** The cases API's shapes as the web app reads them (see packages/server/src/cases/). */

export const CASE_STATUSES = ["new", "open", "pending_customer", "escalated", "resolved", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_TYPES = ["complaint", "request", "inquiry"] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export interface Case {
  id: string;
  number?: string | number;
  customerId: string;
  interactionId?: string | null;
  type: CaseType;
  category: string;
  priority: CasePriority;
  status: CaseStatus;
  subject?: string | null;
  description: string;
  ownerId?: string | null;
  dueAt?: string | null;
  overdue?: boolean;
  escalationReason?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEntry {
  id: string;
  kind: string;
  text?: string | null;
  actorId?: string | null;
  at: string;
  data?: Record<string, unknown>;
}

export interface NewCaseBody {
  customerId: string;
  interactionId?: string;
  type: CaseType;
  category: string;
  priority: CasePriority;
  description: string;
}

export interface CaseFilters {
  status?: CaseStatus;
  ownerId?: string;
  overdue?: boolean;
  customerId?: string;
}

export const caseKeys = {
  all: ["cases"] as const,
  list: (filters: CaseFilters, cursor: string | null) => ["cases", "list", filters, cursor] as const,
  one: (id: string) => ["cases", "one", id] as const,
  timeline: (id: string) => ["cases", "timeline", id] as const,
};

export const CASES_PAGE_SIZE = 25;

function filterQuery(filters: CaseFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.ownerId) params.set("ownerId", filters.ownerId);
  if (filters.overdue) params.set("overdue", "true");
  if (filters.customerId) params.set("customerId", filters.customerId);
  const text = params.toString();
  return text ? `&${text}` : "";
}

export function useCases(filters: CaseFilters, cursor: string | null = null, enabled = true) {
  return useQuery({
    queryKey: caseKeys.list(filters, cursor),
    queryFn: () => api<Page<Case>>(`/cases${pageQuery(CASES_PAGE_SIZE, cursor)}${filterQuery(filters)}`),
    placeholderData: (previous) => previous,
    enabled,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.one(id), queryFn: () => api<Case>(`/cases/${id}`) });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: caseKeys.timeline(id),
    queryFn: async () => (await api<{ items: TimelineEntry[] }>(`/cases/${id}/timeline`)).items,
  });
}

/** Every case change refreshes lists, the case and its timeline: they all show the same facts. */
function useCaseMutation<I>(run: (input: I) => Promise<Case>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

export const useCreateCase = () =>
  useCaseMutation((body: NewCaseBody) => api<Case>("/cases", { method: "POST", body }));

export const useAddNote = () =>
  useCaseMutation(({ id, text }: { id: string; text: string }) =>
    api<Case>(`/cases/${id}/notes`, { method: "POST", body: { text } }),
  );

export const useEscalate = () =>
  useCaseMutation(({ id, reason }: { id: string; reason: string }) =>
    api<Case>(`/cases/${id}/escalate`, { method: "POST", body: { reason } }),
  );

export const useChangeStatus = () =>
  useCaseMutation(({ id, status }: { id: string; status: CaseStatus }) =>
    api<Case>(`/cases/${id}/status`, { method: "POST", body: { status } }),
  );

export const useFollowUp = () =>
  useCaseMutation(({ id, dueAt, text }: { id: string; dueAt: string; text: string }) =>
    api<Case>(`/cases/${id}/follow-ups`, { method: "POST", body: { dueAt, text } }),
  );
