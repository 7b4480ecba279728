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

export const ESCALATION_TIERS = ["agent", "supervisor", "back_office"] as const;
export type EscalationTier = (typeof ESCALATION_TIERS)[number];

export interface Case {
  id: string;
  customerId: string;
  originInteractionId: string | null;
  type: CaseType;
  category: string | null;
  subject: string;
  description: string;
  priority: CasePriority;
  status: CaseStatus;
  tier: EscalationTier;
  ownerUserId: string | null;
  ownerTeamId: string | null;
  sla: {
    firstResponseDueAt: string | null;
    resolutionDueAt: string | null;
    paused: boolean;
    overdue: boolean;
  };
  openedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}

/** One thing that happened to a case: created, note, status change, escalation, follow-up… */
export interface CaseEvent {
  seq: number;
  type: string;
  at: string;
  actor: { type: string; id: string | null };
  data: Record<string, unknown>;
}

export interface FollowUp {
  id: string;
  caseId: string;
  channel: "callback" | "outbound";
  reason: string;
  dueAt: string;
  queueId: string | null;
  interactionId: string | null;
  status: string;
}

export interface NewCaseBody {
  customerId: string;
  interactionId?: string;
  type: CaseType;
  category?: string;
  subject: string;
  description: string;
  priority: CasePriority;
}

export interface CaseFilters {
  status?: CaseStatus;
  ownerUserId?: string;
  overdue?: boolean;
  customerId?: string;
}

/** Category codes as the API accepts them (lowercase, digits and _), e.g. card_blocked. */
export const CASE_CATEGORY = /^[a-z][a-z0-9_]{0,59}$/;

export const caseKeys = {
  all: ["cases"] as const,
  list: (filters: CaseFilters, cursor: string | null) => ["cases", "list", filters, cursor] as const,
  one: (id: string) => ["cases", "one", id] as const,
  timeline: (id: string) => ["cases", "timeline", id] as const,
  followUps: (id: string) => ["cases", "follow-ups", id] as const,
};

export const CASES_PAGE_SIZE = 25;

function filterQuery(filters: CaseFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.ownerUserId) params.set("ownerUserId", filters.ownerUserId);
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
    queryFn: async () => (await api<{ items: CaseEvent[] }>(`/cases/${id}/timeline`)).items,
  });
}

export function useFollowUps(id: string) {
  return useQuery({
    queryKey: caseKeys.followUps(id),
    queryFn: async () => (await api<{ items: FollowUp[] }>(`/cases/${id}/follow-ups`)).items,
  });
}

/** Every case change refreshes lists, the case and its timeline: they all show the same facts. */
function useCaseMutation<I, R>(run: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

export const useCreateCase = () =>
  useCaseMutation((body: NewCaseBody) => api<Case>("/cases", { method: "POST", body }));

export const useAddNote = () =>
  useCaseMutation(({ id, body }: { id: string; body: string }) =>
    api<CaseEvent>(`/cases/${id}/notes`, { method: "POST", body: { body } }),
  );

/** Take the case (any worker) or hand it to someone else (cases:manage); the server checks which. */
export const useAssignCase = () =>
  useCaseMutation(({ id, ownerUserId }: { id: string; ownerUserId: string | null }) =>
    api<Case>(`/cases/${id}`, { method: "PATCH", body: { ownerUserId } }),
  );

export const useEscalate = () =>
  useCaseMutation(({ id, reason }: { id: string; reason: string }) =>
    api<Case>(`/cases/${id}/escalate`, { method: "POST", body: { reason } }),
  );

export const useChangeStatus = () =>
  useCaseMutation(({ id, status, comment }: { id: string; status: CaseStatus; comment?: string }) =>
    api<Case>(`/cases/${id}/status`, { method: "POST", body: { status, ...(comment ? { comment } : {}) } }),
  );

export const useFollowUp = () =>
  useCaseMutation(
    ({ id, ...body }: { id: string; reason: string; channel: "callback" | "outbound"; dueAt?: string }) =>
      api<FollowUp>(`/cases/${id}/follow-ups`, { method: "POST", body }),
  );
