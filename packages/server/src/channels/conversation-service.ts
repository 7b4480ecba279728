import { randomUUID } from "node:crypto";
import { type ConversationFilters, conflict, forbidden, notFound, replySubject } from "@sentra/core";
import { type Kysely, type Selectable, sql } from "kysely";
import type { AuditLog } from "../audit/audit-log.js";
import type { ConversationsTable, Database } from "../db/schema.js";
import type { RoutingWorkService } from "../routing/routing-work-service.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import type { ConversationNotifier } from "./conversation-notifier.js";
import {
  type AttachmentMeta,
  type ConversationDetailView,
  type ConversationView,
  type MessageView,
  toAttachmentMeta,
  toConversationView,
  toMessageView,
} from "./conversation-views.js";
import type { VisitorPush } from "./web-chat/web-chat-hub.js";

type ConversationRow = Selectable<ConversationsTable>;

/** Wakes the outbox so a queued reply leaves at once instead of at the next poll. */
export interface OutboxKick {
  kick(): void;
}

/** Reaches a chat visitor's open sockets (the web-chat hub); used for read receipts. */
export interface VisitorPusher {
  push(conversationId: string, push: VisitorPush): void;
}

/**
 * What people do with conversations: read them with their messages, reply (the reply is queued in the
 * messages table and the outbox delivers it through the channel) and leave internal notes, which are never
 * sent. Every user with `conversations:read` sees all conversations of their tenant: digital channels work
 * as a shared inbox, and a customer's history must be readable by whoever takes their next contact. Only
 * replying is narrowed: an agent cannot answer a conversation another agent is handling.
 */
export class ConversationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly notifier: ConversationNotifier,
    private readonly outbox: OutboxKick,
    private readonly routingWork: RoutingWorkService,
    private readonly messageIdDomain: string | undefined,
    private readonly visitors: VisitorPusher,
  ) {}

  async list(actor: Actor, filters: ConversationFilters): Promise<{ items: ConversationView[] }> {
    let query = this.db
      .selectFrom("conversations")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .orderBy("updated_at", "desc")
      .orderBy("id")
      .limit(filters.limit);
    if (filters.status) query = query.where("status", "=", filters.status);
    if (filters.customerId) query = query.where("customer_id", "=", filters.customerId);
    return { items: (await query.execute()).map(toConversationView) };
  }

  async get(actor: Actor, id: string): Promise<ConversationDetailView> {
    const row = await this.#row(actor.tenantId, id);
    return { ...toConversationView(row), messages: await this.#messages(actor.tenantId, id) };
  }

  async byInteraction(actor: Actor, interactionId: string): Promise<ConversationDetailView> {
    const row = await this.db
      .selectFrom("conversation_interactions")
      .select("conversation_id")
      .where("tenant_id", "=", actor.tenantId)
      .where("interaction_id", "=", interactionId)
      .executeTakeFirst();
    if (!row) throw notFound("conversation", interactionId);
    return this.get(actor, row.conversation_id);
  }

  async reply(actor: Actor, id: string, body: string, origin: Origin): Promise<MessageView> {
    const conversation = await this.#row(actor.tenantId, id);
    await this.#assertNotAnotherAgents(actor, conversation);
    if (!conversation.contact_address) {
      throw conflict("conversation_has_no_contact", "This conversation has no address to reply to.");
    }
    const last = await this.db
      .selectFrom("messages")
      .select(["provider_message_id", "references"])
      .where("tenant_id", "=", actor.tenantId)
      .where("conversation_id", "=", id)
      .where("direction", "!=", "internal_note")
      .where("provider_message_id", "is not", null)
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    const references = last?.provider_message_id
      ? [...last.references.filter((r) => r !== last.provider_message_id), last.provider_message_id].slice(
          -20,
        )
      : [];
    const domain = this.messageIdDomain ?? conversation.endpoint_address?.split("@")[1] ?? "sentra.localhost";
    const row = await this.db.transaction().execute(async (trx) => {
      const message = await trx
        .insertInto("messages")
        .values({
          tenant_id: actor.tenantId,
          conversation_id: id,
          direction: "outbound",
          author_kind: "user",
          author_id: actor.id,
          from_address: conversation.endpoint_address,
          to_addresses: JSON.stringify([conversation.contact_address]),
          subject: replySubject(conversation.subject, conversation.ticket_token),
          body_text: body,
          provider_message_id: `<${randomUUID()}@${domain}>`,
          in_reply_to: last?.provider_message_id ?? null,
          references: JSON.stringify(references),
          delivery_status: "queued",
          next_attempt_at: new Date(0),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.#touch(trx, actor.tenantId, id);
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "conversation.replied",
          target: { type: "conversation", id },
          details: { messageId: message.id },
          origin,
        },
        trx,
      );
      return message;
    });
    this.outbox.kick();
    await this.notifier.messageAdded(actor.tenantId, id, row.id, null);
    return toMessageView(row, []);
  }

  async note(actor: Actor, id: string, body: string): Promise<MessageView> {
    const conversation = await this.#row(actor.tenantId, id);
    const row = await this.db.transaction().execute(async (trx) => {
      const message = await trx
        .insertInto("messages")
        .values({
          tenant_id: actor.tenantId,
          conversation_id: id,
          direction: "internal_note",
          author_kind: "user",
          author_id: actor.id,
          body_text: body,
          delivery_status: "received",
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.#touch(trx, actor.tenantId, id);
      return message;
    });
    await this.notifier.messageAdded(actor.tenantId, id, row.id, conversation.current_interaction_id);
    return toMessageView(row, []);
  }

  /**
   * The agent has seen the customer's messages up to and including `upTo`: those not yet read get `read_at`,
   * and a chat visitor's widget is told (`{type:"read", upTo, by:"agent"}`). Reading again changes nothing
   * and tells nobody. Like replying, only the agent handling the conversation (or a supervisor) may.
   */
  async markRead(actor: Actor, id: string, upTo: string): Promise<{ upTo: string; newlyRead: number }> {
    const conversation = await this.#row(actor.tenantId, id);
    await this.#assertNotAnotherAgents(actor, conversation);
    const seen = await this.db
      .selectFrom("messages")
      .select("id")
      .where("tenant_id", "=", actor.tenantId)
      .where("conversation_id", "=", id)
      .where("id", "=", upTo)
      .executeTakeFirst();
    if (!seen) throw notFound("message of this conversation", upTo);
    const updated = await this.db
      .updateTable("messages")
      .set({ read_at: new Date() })
      .where("tenant_id", "=", actor.tenantId)
      .where("conversation_id", "=", id)
      .where("direction", "=", "inbound")
      .where("read_at", "is", null)
      // Compared in SQL: timestamps carry microseconds that a JS Date would round away.
      .where(
        sql<boolean>`(created_at, id) <= (select m.created_at, m.id from messages m where m.tenant_id = ${actor.tenantId} and m.id = ${upTo})`,
      )
      .executeTakeFirst();
    const newlyRead = Number(updated.numUpdatedRows);
    if (newlyRead > 0 && conversation.channel === "chat") {
      this.visitors.push(id, { type: "read", upTo, by: "agent" });
    }
    return { upTo, newlyRead };
  }

  async attachment(
    actor: Actor,
    attachmentId: string,
  ): Promise<{ fileName: string; contentType: string; content: Uint8Array }> {
    const row = await this.db
      .selectFrom("attachments")
      .select(["file_name", "content_type", "content"])
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", attachmentId)
      .executeTakeFirst();
    if (!row) throw notFound("attachment", attachmentId);
    return { fileName: row.file_name, contentType: row.content_type, content: row.content };
  }

  async #messages(tenantId: string, conversationId: string): Promise<MessageView[]> {
    const rows = await this.db
      .selectFrom("messages")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("conversation_id", "=", conversationId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const files =
      rows.length === 0
        ? []
        : await this.db
            .selectFrom("attachments")
            .select(["id", "message_id", "file_name", "content_type", "size_bytes"])
            .where("tenant_id", "=", tenantId)
            .where(
              "message_id",
              "in",
              rows.map((r) => r.id),
            )
            .orderBy("created_at")
            .execute();
    const byMessage = new Map<string, AttachmentMeta[]>();
    for (const file of files) {
      byMessage.set(file.message_id, [...(byMessage.get(file.message_id) ?? []), toAttachmentMeta(file)]);
    }
    return rows.map((r) => toMessageView(r, byMessage.get(r.id) ?? []));
  }

  /**
   * Two agents answering one customer at once confuses everyone: while an agent holds the conversation's
   * live interaction, other agents may read and add notes but not reply. Supervisors and admins may.
   */
  async #assertNotAnotherAgents(actor: Actor, conversation: ConversationRow): Promise<void> {
    if (actor.role !== "agent" || conversation.current_interaction_id === null) return;
    const interaction = await this.routingWork
      .interaction(actor, conversation.current_interaction_id)
      .catch(() => undefined);
    if (interaction?.live && interaction.agentId && interaction.agentId !== actor.id) {
      throw forbidden("Another agent is handling this conversation; add a note instead.");
    }
  }

  async #touch(trx: Kysely<Database>, tenantId: string, id: string): Promise<void> {
    await trx
      .updateTable("conversations")
      .set({ updated_at: new Date() })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .execute();
  }

  async #row(tenantId: string, id: string): Promise<ConversationRow> {
    const row = await this.db
      .selectFrom("conversations")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("conversation", id);
    return row;
  }
}
