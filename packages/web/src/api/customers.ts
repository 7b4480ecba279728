import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, pageQuery } from "./http";
import type { Page } from "./types";

/** The customers API's shapes as the web app reads them (see packages/server/src/customers/*-routes.ts). */

export const PROFILE_FIELDS = ["email", "phone", "dateOfBirth", "nationalId", "address"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface Customer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  nationalId: string | null;
  address: string | null;
  language: string | null;
  /** Fields the server replaced by a mask because this viewer has not verified the customer. */
  maskedFields: ProfileField[];
  verificationLevel: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerBody {
  name: string;
  email?: string | null;
  phone?: string | null;
  dateOfBirth?: string | null;
  nationalId?: string | null;
  address?: string | null;
  language?: string | null;
}

export interface VerificationQuestion {
  /** Which stored fact the answer is compared to, e.g. "dateOfBirth"; never the fact itself. */
  field: string;
  label?: string;
}

export interface VerificationResult {
  level: string;
  passed: boolean;
  failedFields?: string[];
  attemptsLeft?: number;
}

export interface HistoryItem {
  id: string;
  channel: string;
  state: string;
  queueId?: string | null;
  agentId?: string | null;
  disposition?: string | null;
  createdAt: string;
}

export interface Consent {
  purpose: string;
  channel?: string | null;
  granted: boolean;
  updatedAt?: string;
}

export interface DuplicateCandidate {
  id: string;
  score: number;
  reasons: string[];
  customers: Customer[];
}

export interface Merge {
  id: string;
  survivorId: string;
  mergedIds: string[];
}

export interface ImportRowReport {
  row: number;
  status: "created" | "updated" | "skipped" | "error";
  customerId?: string;
  message?: string;
}

export interface ImportReport {
  created: number;
  updated: number;
  failed: number;
  rows: ImportRowReport[];
}

export const customerKeys = {
  all: ["customers"] as const,
  search: (query: string, cursor: string | null) => ["customers", "search", query, cursor] as const,
  one: (id: string, interactionId: string | null) => ["customers", "one", id, interactionId] as const,
  history: (id: string) => ["customers", "history", id] as const,
  consent: (id: string) => ["customers", "consent", id] as const,
  duplicates: ["customers", "duplicates"] as const,
  policy: ["customers", "verification-policy"] as const,
};

export const CUSTOMERS_PAGE_SIZE = 25;

export function useCustomerSearch(query: string, cursor: string | null) {
  return useQuery({
    queryKey: customerKeys.search(query, cursor),
    queryFn: () => {
      const params = pageQuery(CUSTOMERS_PAGE_SIZE, cursor);
      return api<Page<Customer>>(`/customers${params}${query ? `&q=${encodeURIComponent(query)}` : ""}`);
    },
    placeholderData: (previous) => previous,
  });
}

/** The customer as this viewer may see them: masked unless the interaction's identity check passed. */
export function useCustomer(id: string | null, interactionId: string | null = null) {
  return useQuery({
    queryKey: customerKeys.one(id ?? "", interactionId),
    queryFn: () =>
      api<Customer>(
        `/customers/${id}${interactionId ? `?interactionId=${encodeURIComponent(interactionId)}` : ""}`,
      ),
    enabled: id !== null,
  });
}

export function useVerificationPolicy(enabled = true) {
  return useQuery({
    queryKey: customerKeys.policy,
    queryFn: async () =>
      (await api<{ questions: VerificationQuestion[] }>("/customers/verification-policy")).questions,
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useVerify(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { interactionId: string; answers: Record<string, string> }) =>
      api<VerificationResult>(`/customers/${customerId}/verification`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["customers", "one", customerId] }),
  });
}

export function useCustomerHistory(id: string | null) {
  return useQuery({
    queryKey: customerKeys.history(id ?? ""),
    queryFn: async () => (await api<{ items: HistoryItem[] }>(`/customers/${id}/history`)).items,
    enabled: id !== null,
  });
}

export function useConsents(id: string) {
  return useQuery({
    queryKey: customerKeys.consent(id),
    queryFn: async () => (await api<{ items: Consent[] }>(`/customers/${id}/consents`)).items,
  });
}

export function useSetConsent(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { purpose: string; granted: boolean }) =>
      api<Consent>(`/customers/${id}/consents`, { method: "PUT", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.consent(id) }),
  });
}

export function useSaveCustomer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; body: Partial<CustomerBody> }) =>
      input.id === null
        ? api<Customer>("/customers", { method: "POST", body: input.body })
        : api<Customer>(`/customers/${input.id}`, { method: "PATCH", body: input.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useDuplicates() {
  return useQuery({
    queryKey: customerKeys.duplicates,
    queryFn: async () => (await api<{ items: DuplicateCandidate[] }>("/customers/duplicates")).items,
  });
}

export function useMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { survivorId: string; mergedIds: string[] }) =>
      api<Merge>("/customers/merge", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useUndoMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => api<unknown>(`/customers/merges/${mergeId}/undo`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useErase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/customers/${id}/erase`, { method: "POST", body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

/** The PDP export as a JSON file the browser downloads; the session cookie authorizes the request. */
export async function exportCustomer(id: string): Promise<Blob> {
  const data = await api<unknown>(`/customers/${id}/export`);
  return new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
}

/** CSV import: the file goes up as text/csv, the reply reports each row. */
export async function importCustomers(csv: string): Promise<ImportReport> {
  const response = await fetch("/api/v1/customers/import", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "text/csv" },
    body: csv,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: unknown };
    } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `http_${response.status}`,
      body?.error?.message ?? "",
      body?.error?.details,
    );
  }
  return (await response.json()) as ImportReport;
}
