import { DELIVERY_STATUSES } from "@sentra/core";
import type { Selectable } from "kysely";
import { z } from "zod";
import type {
  AttachmentsTable,
  ConversationsTable,
  EmailAddressesTable,
  MessagesTable,
} from "../db/schema.js";

export const emailAddressView = z.object({
  id: z.string(),
  address: z.string(),
  queueId: z.string(),
  language: z.string().nullable(),
  skills: z.array(z.object({ skill: z.string(), minLevel: z.number() })),
  displayName: z.string().nullable(),
});
export type EmailAddressView = z.infer<typeof emailAddressView>;

export const toEmailAddressView = (row: Selectable<EmailAddressesTable>): EmailAddressView => ({
  id: row.id,
  address: row.address,
  queueId: row.queue_id,
  language: row.language,
  skills: row.skills,
  displayName: row.display_name,
});

export const conversationView = z.object({
  id: z.string(),
  channel: z.enum(["email", "chat", "message"]),
  status: z.enum(["open", "closed"]),
  subject: z.string().nullable(),
  ticketToken: z.string(),
  customerId: z.string().nullable(),
  contactAddress: z.string().nullable(),
  endpointAddress: z.string().nullable(),
  currentInteractionId: z.string().nullable(),
  queueId: z.string().nullable(),
  language: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConversationView = z.infer<typeof conversationView>;

export const toConversationView = (row: Selectable<ConversationsTable>): ConversationView => ({
  id: row.id,
  channel: row.channel,
  status: row.status,
  subject: row.subject,
  ticketToken: row.ticket_token,
  customerId: row.customer_id,
  contactAddress: row.contact_address,
  endpointAddress: row.endpoint_address,
  currentInteractionId: row.current_interaction_id,
  queueId: row.queue_id,
  language: row.language,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const attachmentMeta = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
});
export type AttachmentMeta = z.infer<typeof attachmentMeta>;

export const toAttachmentMeta = (
  row: Pick<Selectable<AttachmentsTable>, "id" | "file_name" | "content_type" | "size_bytes">,
): AttachmentMeta => ({
  id: row.id,
  fileName: row.file_name,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
});

export const messageView = z.object({
  id: z.string(),
  conversationId: z.string(),
  direction: z.enum(["inbound", "outbound", "internal_note"]),
  authorKind: z.enum(["customer", "user", "system"]),
  authorId: z.string().nullable(),
  fromAddress: z.string().nullable(),
  toAddresses: z.array(z.string()),
  subject: z.string().nullable(),
  bodyText: z.string(),
  bodyHtmlSanitized: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  automated: z.enum(["auto_reply", "bounce"]).nullable(),
  parseProblem: z.string().nullable(),
  deliveryStatus: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  attachments: z.array(attachmentMeta),
});
export type MessageView = z.infer<typeof messageView>;

export const toMessageView = (
  row: Selectable<MessagesTable>,
  attachments: readonly AttachmentMeta[],
): MessageView => ({
  id: row.id,
  conversationId: row.conversation_id,
  direction: row.direction,
  authorKind: row.author_kind,
  authorId: row.author_id,
  fromAddress: row.from_address,
  toAddresses: row.to_addresses,
  subject: row.subject,
  bodyText: row.body_text,
  bodyHtmlSanitized: row.body_html_sanitized,
  providerMessageId: row.provider_message_id,
  inReplyTo: row.in_reply_to,
  references: row.references,
  automated: row.automated,
  parseProblem: row.parse_problem,
  deliveryStatus: row.delivery_status,
  attempts: row.attempts,
  lastError: row.last_error,
  sentAt: row.sent_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
  attachments: [...attachments],
});

export const conversationDetailView = conversationView.extend({ messages: z.array(messageView) });
export type ConversationDetailView = z.infer<typeof conversationDetailView>;
