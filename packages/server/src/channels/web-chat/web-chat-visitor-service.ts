import { createHash, randomBytes, randomUUID } from "node:crypto";
import {
  type Clock,
  conflict,
  UserError,
  type WebChatMessageBody,
  type WebChatSessionBody,
  type WebChatWidgetSettings,
} from "@sentra/core";
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, WebChatSessionsTable } from "../../db/schema.js";
import type { ConversationNotifier } from "../conversation-notifier.js";
import type { InboundIntake } from "../inbound-intake.js";
import type { InboundAttachment, InboundMessage } from "../inbound-message.js";
import {
  type AttachmentsOf,
  toVisitorMessage,
  type VisitorMessageView,
  type WebChatHub,
} from "./web-chat-hub.js";
import { storedSettings, type WebChatKeyRow, type WebChatKeyService } from "./web-chat-key-service.js";

export type WebChatSessionRow = Selectable<WebChatSessionsTable>;

const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** A key's widget settings. */
export const keySettings = (key: { settings: unknown }): WebChatWidgetSettings =>
  storedSettings(key.settings);

/** How stale a session's last_seen_at may get before a visitor's call records it again. */
const LAST_SEEN_PRECISION_MS = 60_000;
/** Every chat message threads to its session's first message, so InboundIntake keeps one conversation. */
const startMessageId = (sessionId: string): string => `webchat:${sessionId}:start`;

/**
 * What a website visitor can do, authenticated by the chat key (to start) and then by the visitor token.
 * Visitor messages go through InboundIntake like every channel's traffic: stored, matched to a customer by
 * email/phone, routed as a chat interaction, pushed to the handling agent.
 */
export class WebChatVisitorService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly keys: WebChatKeyService,
    private readonly intake: InboundIntake,
    private readonly hub: WebChatHub,
    private readonly clock: Clock,
    private readonly notifier: ConversationNotifier,
    private readonly attachmentsOf: AttachmentsOf,
    private readonly idleMinutes: number,
  ) {}

  async startSession(
    body: WebChatSessionBody,
    origin: string | undefined,
  ): Promise<{ token: string; conversationId: string; sessionId: string }> {
    const key = await this.keys.resolve(body.key);
    assertOriginAllowed(key, origin);
    const sessionId = randomUUID();
    const token = randomBytes(32).toString("base64url");
    const topic = body.topic?.toLowerCase();
    const topicQueue = key.topics.find((t) => t.label.toLowerCase() === topic)?.queueId;
    const result = await this.intake.receive(
      this.#inbound(topicQueue ? { ...key, queue_id: topicQueue } : key, {
        contact: {
          name: body.name,
          ...(body.email ? { email: body.email } : {}),
          ...(body.phone ? { phone: body.phone } : {}),
        },
        providerMessageId: startMessageId(sessionId),
        references: [],
        subject: body.topic ?? `Chat with ${body.name}`,
        bodyText: body.topic ? `Chat started: ${body.topic}` : "Chat started",
        language: body.language ?? key.language,
      }),
    );
    await this.db
      .insertInto("web_chat_sessions")
      .values({
        id: sessionId,
        tenant_id: key.tenant_id,
        key_id: key.id,
        conversation_id: result.conversationId,
        token_hash: hashToken(token),
        visitor_name: body.name,
        // Idle time is measured on the injected clock, from the start.
        last_seen_at: new Date(this.clock.now()),
      })
      .execute();
    return { token, conversationId: result.conversationId, sessionId };
  }

  /** The session a visitor token belongs to; a clear 401 for an unknown token. */
  async session(token: string | undefined): Promise<WebChatSessionRow> {
    const row = token
      ? await this.db
          .selectFrom("web_chat_sessions")
          .selectAll()
          .where("token_hash", "=", hashToken(token))
          .executeTakeFirst()
      : undefined;
    if (!row) {
      throw new UserError(
        "unauthenticated",
        "web_chat_session_unknown",
        "This chat session is unknown or has ended; start a new chat.",
      );
    }
    const now = this.clock.now();
    const idleMs = now - new Date(row.last_seen_at).getTime();
    if (idleMs > this.idleMinutes * 60_000) {
      throw new UserError(
        "unauthenticated",
        "web_chat_session_expired",
        `This chat session expired after ${this.idleMinutes} minutes without activity; start a new chat.`,
      );
    }
    // A visitor calls on every message and socket open: the write is needed at most once a minute.
    if (idleMs >= LAST_SEEN_PRECISION_MS) {
      await this.db
        .updateTable("web_chat_sessions")
        .set({ last_seen_at: new Date(now) })
        .where("id", "=", row.id)
        .execute();
    }
    return row;
  }

  /** The visitor's history, oldest first; `after` (a message id) resumes after the last message seen. */
  async messages(session: WebChatSessionRow, after: string | undefined): Promise<VisitorMessageView[]> {
    let query = this.db
      .selectFrom("messages")
      .select(["id", "direction", "body_text", "created_at"])
      .where("tenant_id", "=", session.tenant_id)
      .where("conversation_id", "=", session.conversation_id)
      .where("direction", "in", ["inbound", "outbound"])
      // A transcript sent by email is not part of the chat.
      .where("send_via", "is", null)
      .orderBy("created_at")
      .orderBy("id");
    if (after) {
      const seen = await this.db
        .selectFrom("messages")
        .select("created_at")
        .where("tenant_id", "=", session.tenant_id)
        .where("conversation_id", "=", session.conversation_id)
        .where("id", "=", after)
        .executeTakeFirst();
      if (!seen)
        throw new UserError("invalid", "web_chat_after_unknown", "after= is not a message of this chat.");
      // Compared in SQL: timestamps carry microseconds that a JS Date would round away.
      query = query.where(
        sql<boolean>`(created_at, id) > (select m.created_at, m.id from messages m where m.tenant_id = ${session.tenant_id} and m.id = ${after})`,
      );
    }
    const rows = await query.limit(500).execute();
    const files =
      rows.length === 0
        ? new Map()
        : await this.attachmentsOf(
            session.tenant_id,
            rows.map((r) => r.id),
          );
    return rows.map((row) => toVisitorMessage(row, files.get(row.id) ?? []));
  }

  /** The widget settings of the session's key. */
  async settings(session: WebChatSessionRow): Promise<WebChatWidgetSettings> {
    const key = await this.db
      .selectFrom("web_chat_keys")
      .select("settings")
      .where("tenant_id", "=", session.tenant_id)
      .where("id", "=", session.key_id)
      .executeTakeFirstOrThrow();
    return keySettings(key);
  }

  async send(
    session: WebChatSessionRow,
    body: WebChatMessageBody,
    attachments: readonly InboundAttachment[] = [],
  ): Promise<VisitorMessageView> {
    if (session.ended_at) {
      throw conflict("web_chat_ended", "This chat has ended; start a new chat to write again.");
    }
    const key = await this.db
      .selectFrom("web_chat_keys")
      .selectAll()
      .where("tenant_id", "=", session.tenant_id)
      .where("id", "=", session.key_id)
      .executeTakeFirstOrThrow();
    const conversation = await this.db
      .selectFrom("conversations")
      .select(["contact_address", "subject", "language"])
      .where("tenant_id", "=", session.tenant_id)
      .where("id", "=", session.conversation_id)
      .executeTakeFirstOrThrow();
    const contact = conversation.contact_address ?? "";
    const result = await this.intake.receive(
      this.#inbound(
        key,
        {
          contact: {
            name: session.visitor_name,
            ...(contact.includes("@") ? { email: contact } : contact ? { phone: contact } : {}),
          },
          providerMessageId: `webchat:${session.id}:${randomUUID()}`,
          references: [startMessageId(session.id)],
          subject: conversation.subject,
          bodyText: body.text,
          language: conversation.language,
        },
        attachments,
      ),
    );
    const row = await this.db
      .selectFrom("messages")
      .select(["id", "direction", "body_text", "created_at"])
      .where("tenant_id", "=", session.tenant_id)
      .where("id", "=", result.messageId!)
      .executeTakeFirstOrThrow();
    const files = await this.attachmentsOf(session.tenant_id, [row.id]);
    const view = toVisitorMessage(row, files.get(row.id) ?? []);
    // The visitor's other tabs show it too.
    this.hub.push(session.conversation_id, { type: "message", message: view });
    return view;
  }

  /** An agent reply the visitor's widget received: the outbox marked it sent, the ack makes it delivered. */
  async acknowledge(session: WebChatSessionRow, messageId: string): Promise<void> {
    await this.db
      .updateTable("messages")
      .set({ delivery_status: "delivered" })
      .where("tenant_id", "=", session.tenant_id)
      .where("conversation_id", "=", session.conversation_id)
      .where("id", "=", messageId)
      .where("direction", "=", "outbound")
      // Queued too: the ack can overtake the outbox recording the send.
      .where("delivery_status", "in", ["queued", "sent"])
      .execute();
  }

  /**
   * The visitor's widget showed the agent's messages up to `upTo`: those not read yet become `read`, and the
   * handling agent hears of it. Returns how many changed.
   */
  async markRead(session: WebChatSessionRow, upTo: string): Promise<number> {
    const result = await this.db
      .updateTable("messages")
      .set({ delivery_status: "read" })
      .where("tenant_id", "=", session.tenant_id)
      .where("conversation_id", "=", session.conversation_id)
      .where("direction", "=", "outbound")
      .where("send_via", "is", null)
      .where("delivery_status", "in", ["queued", "sent", "delivered"])
      .where(
        sql<boolean>`(created_at, id) <= (select m.created_at, m.id from messages m where m.tenant_id = ${session.tenant_id} and m.conversation_id = ${session.conversation_id} and m.id = ${upTo})`,
      )
      .executeTakeFirst();
    const changed = Number(result.numUpdatedRows);
    if (changed > 0) {
      const conversation = await this.db
        .selectFrom("conversations")
        .select("current_interaction_id")
        .where("tenant_id", "=", session.tenant_id)
        .where("id", "=", session.conversation_id)
        .executeTakeFirstOrThrow();
      await this.notifier.messagesRead(
        session.tenant_id,
        session.conversation_id,
        upTo,
        conversation.current_interaction_id,
      );
    }
    return changed;
  }

  #inbound(
    key: WebChatKeyRow,
    parts: Pick<InboundMessage, "contact" | "providerMessageId" | "references" | "subject" | "bodyText"> & {
      language: string | null;
    },
    attachments: readonly InboundAttachment[] = [],
  ): InboundMessage {
    return {
      endpoint: {
        tenantId: key.tenant_id,
        channel: "chat",
        address: key.public_key,
        queueId: key.queue_id,
        language: parts.language,
        skills: [],
      },
      contact: parts.contact,
      providerMessageId: parts.providerMessageId,
      inReplyTo: parts.references[0] ?? null,
      references: parts.references,
      subject: parts.subject,
      bodyText: parts.bodyText,
      bodyHtmlSanitized: null,
      toAddresses: [key.public_key],
      attachments,
      automated: null,
      parseProblem: null,
    };
  }
}

/** A key with allowed origins only serves pages from them; a key without any serves every page. */
export function assertOriginAllowed(key: WebChatKeyRow, origin: string | undefined): void {
  if (key.allowed_origins.length === 0) return;
  if (origin && key.allowed_origins.includes(origin)) return;
  throw new UserError(
    "forbidden",
    "web_chat_origin_not_allowed",
    `This chat key does not serve pages from ${origin ?? "an unknown origin"}.`,
  );
}
