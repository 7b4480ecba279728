import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, pageQuery } from "./http";
import type { Page } from "./types";

/** The customers API's shapes as the web app reads them (see packages/server/src/customers/*-routes.ts). */

/** Personal facts shown on a profile, in the order agents read them; values may be masks ("••••5678"). */
export const PROFILE_FIELDS = [
  "customerNumber",
  "phones",
  "emails",
  "birthDate",
  "accountNumbers",
  "address",
  "mothersMaidenName",
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface Customer {
  id: string;
  fullName: string;
  preferredName: string | null;
  phones: string[];
  emails: string[];
  customerNumber: string | null;
  accountNumbers: string[];
  address: string | null;
  birthDate: string | null;
  mothersMaidenName: string | null;
  language: string | null;
  segment: string | null;
  customFields: Record<string, unknown>;
  doNotContact: boolean;
  mergedInto: string | null;
  erased: boolean;
  createdAt: string;
  updatedAt: string;
  /** True when personal fields were replaced by masks for this viewer. */
  masked: boolean;
}

/** The server's mask marker (packages/core/src/customers/masking.ts): masks keep at most 4 digits. */
export const MASK = "••••";

export const isMaskedValue = (value: string | null | readonly string[]): boolean =>
  value !== null && (typeof value === "string" ? value.includes(MASK) : value.some((v) => v.includes(MASK)));

export interface CustomerBody {
  fullName: string;
  preferredName?: string | null;
  phones?: string[];
  emails?: string[];
  customerNumber?: string | null;
  accountNumbers?: string[];
  address?: string | null;
  birthDate?: string | null;
  mothersMaidenName?: string | null;
  language?: string | null;
}

/** One conversation in the customer's history (history follows merges: ids of merged records count). */
export interface HistoryItem {
  interactionId: string;
  customerId: string;
  channel: string;
  direction: string;
  queueId: string;
  createdAt: string;
  state: string;
  agentId: string | null;
}

export interface Consent {
  id: string;
  customerId: string;
  purpose: string;
  channel: string;
  method: string;
  source: string;
  givenAt: string;
  withdrawnAt: string | null;
  recordedBy: string | null;
}

export interface DuplicateReason {
  kind: string;
  detail: string;
  weight: number;
}

export interface DuplicatePair {
  a: { id: string; fullName: string };
  b: { id: string; fullName: string };
  score: number;
  reasons: DuplicateReason[];
}

export interface Merge {
  mergeId: string;
  survivorId: string;
  duplicateId: string;
  mergedAt: string;
  undoneAt: string | null;
}

/** What POST /customers/import answers: rows imported, rows refused (by line), and look-alikes to review. */
export interface ImportReport {
  rows: number;
  imported: number;
  rejected: { line: number; message: string }[];
  possibleDuplicates: {
    line: number;
    customerId: string;
    existingCustomerId: string;
    score: number;
    reasons: string[];
  }[];
  stoppedAt: { line: number; message: string } | null;
}

export const customerKeys = {
  all: ["customers"] as const,
  search: (query: string, cursor: string | null) => ["customers", "search", query, cursor] as const,
  one: (id: string, interactionId: string | null, reveal = false) =>
    ["customers", "one", id, interactionId, reveal] as const,
  history: (id: string) => ["customers", "history", id] as const,
  consent: (id: string) => ["customers", "consent", id] as const,
  duplicates: ["customers", "duplicates"] as const,
  policy: ["customers", "verification-settings"] as const,
  verification: (id: string, interactionId: string) =>
    ["customers", "verification", id, interactionId] as const,
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
export function useCustomer(id: string | null, interactionId: string | null = null, reveal = false) {
  return useQuery({
    queryKey: customerKeys.one(id ?? "", interactionId, reveal),
    queryFn: () => {
      const params = new URLSearchParams();
      if (interactionId) params.set("interactionId", interactionId);
      if (reveal) params.set("reveal", "true");
      const query = params.toString();
      return api<Customer>(`/customers/${id}${query ? `?${query}` : ""}`);
    },
    enabled: id !== null,
  });
}

export function useCustomerHistory(id: string | null) {
  return useQuery({
    queryKey: customerKeys.history(id ?? ""),
    queryFn: async () =>
      (await api<{ interactions: HistoryItem[] }>(`/customers/${id}/history`)).interactions,
    enabled: id !== null,
  });
}

export function useConsents(id: string) {
  return useQuery({
    queryKey: customerKeys.consent(id),
    queryFn: async () => (await api<{ items: Consent[] }>(`/customers/${id}/consents`)).items,
  });
}

export function useRecordConsent(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { purpose: string; channel: string; method: string; source: string }) =>
      api<Consent>(`/customers/${id}/consents`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.consent(id) }),
  });
}

export function useWithdrawConsent(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (consentId: string) =>
      api<Consent>(`/customers/${id}/consents/${consentId}/withdraw`, { method: "POST" }),
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
    queryFn: async () => (await api<{ items: DuplicatePair[] }>("/customers/duplicates")).items,
  });
}

export function useMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { survivorId: string; duplicateId: string }) =>
      api<Merge>("/customers/merge", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useUndoMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => api<Merge>(`/customers/merges/${mergeId}/undo`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

export function useErase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ id: string; erased: boolean }>(`/customers/${id}/erase`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.all }),
  });
}

/** The PDP export as a JSON file the browser downloads; the session cookie authorizes the request. */
export async function exportCustomer(id: string): Promise<Blob> {
  const data = await api<unknown>(`/customers/${id}/export`);
  return new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
}

/** CSV import: the file goes up as text/csv, the reply reports each row. */
export function importCustomers(csv: string): Promise<ImportReport> {
  return api<ImportReport>("/customers/import", {
    method: "POST",
    text: { body: csv, contentType: "text/csv" },
  });
}
