import type { CannedResponseBody, CannedResponsePatch } from "@sentra/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "./http";

/** The conversation API's shapes as the desk reads them (see packages/server/src/channels/). */

export interface AttachmentMeta {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface ConversationMessage {
  id: string;
  conversationId: string;
  direction: "inbound" | "outbound" | "internal_note";
  authorKind: "customer" | "user" | "system";
  authorId: string | null;
  fromAddress: string | null;
  subject: string | null;
  bodyText: string;
  deliveryStatus: "received" | "queued" | "sent" | "delivered" | "failed";
  lastError: string | null;
  readAt: string | null;
  createdAt: string;
  attachments: AttachmentMeta[];
}

export interface Conversation {
  id: string;
  channel: "email" | "chat" | "message";
  status: "open" | "closed";
  subject: string | null;
  customerId: string | null;
  contactAddress: string | null;
  currentInteractionId: string | null;
  queueId: string | null;
  language: string | null;
  messages: ConversationMessage[];
}

export interface LiveConversation {
  id: string;
  channel: "email" | "chat" | "message";
  subject: string | null;
  customerId: string | null;
  customerName: string | null;
  contactAddress: string | null;
  interactionId: string;
  state: string;
  queueId: string;
  agentId: string | null;
  agentName: string | null;
  waitingSince: string | null;
  updatedAt: string;
}

export interface CannedResponse {
  id: string;
  language: "id" | "en";
  shortcut: string;
  title: string;
  body: string;
  updatedAt: string;
}

export const conversationKeys = {
  all: ["conversations"] as const,
  byInteraction: (interactionId: string) => ["conversations", "by-interaction", interactionId] as const,
  detail: (id: string) => ["conversations", "detail", id] as const,
  live: ["conversations", "live"] as const,
  canned: ["canned-responses"] as const,
};

export const attachmentUrl = (id: string) => `/api/v1/attachments/${id}`;

/** The conversation behind an interaction on the desk; null when the interaction has none (a voice call). */
export function useConversationByInteraction(interactionId: string) {
  return useQuery({
    queryKey: conversationKeys.byInteraction(interactionId),
    queryFn: () =>
      api<Conversation>(`/conversations/by-interaction/${interactionId}`).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: conversationKeys.detail(id),
    queryFn: () => api<Conversation>(`/conversations/${id}`),
  });
}

export function useLiveConversations() {
  return useQuery({
    queryKey: conversationKeys.live,
    queryFn: () => api<{ items: LiveConversation[] }>("/conversations/live").then((page) => page.items),
    refetchInterval: 10_000,
  });
}

export const sendReply = (conversationId: string, body: string, note: boolean) =>
  api<ConversationMessage>(`/conversations/${conversationId}/${note ? "notes" : "messages"}`, {
    method: "POST",
    body: { body },
  });

export const sendTyping = (conversationId: string, typing: boolean) =>
  api<void>(`/conversations/${conversationId}/typing`, { method: "POST", body: { typing } });

export const markRead = (conversationId: string, upTo: string) =>
  api<{ upTo: string; newlyRead: number }>(`/conversations/${conversationId}/read`, {
    method: "POST",
    body: { upTo },
  });

export function useCannedResponses(enabled = true) {
  return useQuery({
    queryKey: conversationKeys.canned,
    queryFn: () => api<{ items: CannedResponse[] }>("/canned-responses").then((page) => page.items),
    enabled,
    staleTime: 60_000,
  });
}

export function useSaveCannedResponse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CannedResponseBody | CannedResponsePatch }) =>
      id
        ? api<CannedResponse>(`/canned-responses/${id}`, { method: "PATCH", body })
        : api<CannedResponse>("/canned-responses", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: conversationKeys.canned }),
  });
}

export function useDeleteCannedResponse() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/canned-responses/${id}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: conversationKeys.canned }),
  });
}
