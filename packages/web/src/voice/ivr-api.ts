import type {
  IvrDidBody,
  IvrDidPatch,
  IvrDidView,
  IvrFlowBody,
  IvrFlowPatch,
  IvrFlowView,
} from "@sentra/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/http";

/** Query keys of the IVR admin screens; every change invalidates both lists (numbers show flow names). */
const keys = { flows: ["ivr", "flows"] as const, dids: ["ivr", "dids"] as const };

export function useIvrFlows() {
  return useQuery({
    queryKey: keys.flows,
    queryFn: async () => (await api<{ items: IvrFlowView[] }>("/ivr/flows")).items,
  });
}

export function useIvrDids() {
  return useQuery({
    queryKey: keys.dids,
    queryFn: async () => (await api<{ items: IvrDidView[] }>("/ivr/dids")).items,
  });
}

function useIvrMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["ivr"] });
    },
  });
}

export const useCreateIvrFlow = () =>
  useIvrMutation((body: IvrFlowBody) => api<IvrFlowView>("/ivr/flows", { method: "POST", body }));

export const useUpdateIvrFlow = () =>
  useIvrMutation(({ id, patch }: { id: string; patch: IvrFlowPatch }) =>
    api<IvrFlowView>(`/ivr/flows/${id}`, { method: "PATCH", body: patch }),
  );

export const usePublishIvrFlow = () =>
  useIvrMutation((id: string) => api<IvrFlowView>(`/ivr/flows/${id}/publish`, { method: "POST" }));

export const useDeleteIvrFlow = () =>
  useIvrMutation((id: string) => api<null>(`/ivr/flows/${id}`, { method: "DELETE" }));

export const useCreateIvrDid = () =>
  useIvrMutation((body: IvrDidBody) => api<IvrDidView>("/ivr/dids", { method: "POST", body }));

export const useUpdateIvrDid = () =>
  useIvrMutation(({ id, patch }: { id: string; patch: IvrDidPatch }) =>
    api<IvrDidView>(`/ivr/dids/${id}`, { method: "PATCH", body: patch }),
  );

export const useDeleteIvrDid = () =>
  useIvrMutation((id: string) => api<null>(`/ivr/dids/${id}`, { method: "DELETE" }));
