import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { customerKeys } from "./customers";
import { api } from "./http";

/** Identity verification as the customers API shapes it (packages/server/src/customers/customer-routes.ts). */

export const VERIFICATION_FACTS = [
  "customer_number",
  "birth_date",
  "account_last4",
  "mothers_maiden_name",
  "registered_email",
  "phone_last4",
] as const;
export type VerificationFact = (typeof VERIFICATION_FACTS)[number];

export interface VerificationSettings {
  policy: { mode: "all" | "any"; facts: VerificationFact[]; required: number; maxFailedAttempts: number };
  maskedFields: string[];
}

/** The identity check's standing on one interaction; names the facts that matched, never the answers. */
export interface VerificationStatus {
  interactionId: string;
  customerId: string;
  level: "none" | "partial" | "verified";
  matched: string[];
  failed: string[];
  failedAttempts: number;
  attemptsLeft: number;
  locked: boolean;
}

export function useVerificationSettings(enabled = true) {
  return useQuery({
    queryKey: customerKeys.policy,
    queryFn: () => api<VerificationSettings>("/privacy/verification-policy"),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** Where the identity check stands on this interaction (level, attempts left, locked). */
export function useVerificationStatus(customerId: string, interactionId: string) {
  return useQuery({
    queryKey: customerKeys.verification(customerId, interactionId),
    queryFn: async () => {
      const { items } = await api<{ items: VerificationStatus[] }>(
        `/customers/verification?interactionId=${encodeURIComponent(interactionId)}`,
      );
      return items.find((status) => status.customerId === customerId) ?? null;
    },
  });
}

/** Answers go up; the reply is the new standing. The profile is re-read, since a pass unmasks it. */
export function useVerify(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { interactionId: string; answers: Partial<Record<VerificationFact, string>> }) =>
      api<VerificationStatus>(`/customers/${customerId}/verification`, { method: "POST", body }),
    onSuccess: (status) => {
      client.setQueryData(customerKeys.verification(customerId, status.interactionId), status);
      return client.invalidateQueries({ queryKey: ["customers", "one", customerId] });
    },
  });
}
