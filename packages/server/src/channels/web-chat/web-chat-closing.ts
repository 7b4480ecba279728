import {
  conflict,
  SentraError,
  UserError,
  type WebChatCsatBody,
  type WebChatTranscriptBody,
  webChatTranscript,
} from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../../db/schema.js";
import type { RoutingWorkService } from "../../routing/routing-work-service.js";
import { systemActorFor } from "../../tenancy/system-actor.js";
import type { ConversationNotifier } from "../conversation-notifier.js";
import type { OutboxKick } from "../conversation-service.js";
import type { WebChatHub } from "./web-chat-hub.js";
import type { WebChatSessionRow, WebChatVisitorService } from "./web-chat-visitor-service.js";

/** Transcripts are stamped in WIB unless the key's opening hours name another zone. */
const DEFAULT_TIME_ZONE = "Asia/Jakarta";

/**
 * The end of a chat: the visitor ends it (the conversation closes and its interaction finishes), answers
 * the post-chat question (stored in `csat_responses` against the conversation and its interaction, for
 * reports) and may ask for the transcript, which leaves through the outbox and the email sender.
 */
export class WebChatClosing {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly visitors: WebChatVisitorService,
    private readonly hub: WebChatHub,
    private readonly notifier: ConversationNotifier,
    private readonly routingWork: RoutingWorkService,
    private readonly outbox: OutboxKick,
    private readonly transcriptFrom: string | null,
    private readonly logger: Logger,
  ) {}

  /** Ends the chat; ending an ended chat changes nothing. */
  async end(session: WebChatSessionRow): Promise<{ endedAt: string }> {
    if (session.ended_at) return { endedAt: session.ended_at.toISOString() };
    const endedAt = new Date();
    const { note, interactionId } = await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("web_chat_sessions")
        .set({ ended_at: endedAt })
        .where("tenant_id", "=", session.tenant_id)
        .where("id", "=", session.id)
        .execute();
      const conversation = await trx
        .updateTable("conversations")
        .set({ status: "closed", updated_at: endedAt })
        .where("tenant_id", "=", session.tenant_id)
        .where("id", "=", session.conversation_id)
        .returning("current_interaction_id")
        .executeTakeFirstOrThrow();
      // The agent reads it in the conversation: who ended the chat and when.
      const note = await trx
        .insertInto("messages")
        .values({
          tenant_id: session.tenant_id,
          conversation_id: session.conversation_id,
          direction: "internal_note",
          author_kind: "system",
          body_text: `${session.visitor_name} ended the chat.`,
          delivery_status: "received",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { note, interactionId: conversation.current_interaction_id };
    });
    await this.#finishInteraction(session.tenant_id, interactionId);
    await this.notifier.messageAdded(session.tenant_id, session.conversation_id, note.id, interactionId);
    this.hub.push(session.conversation_id, { type: "ended", by: "visitor" });
    return { endedAt: endedAt.toISOString() };
  }

  /** A chat being answered moves to wrap-up; one still waiting is abandoned, so no agent is offered it. */
  async #finishInteraction(tenantId: string, interactionId: string | null): Promise<void> {
    if (!interactionId) return;
    const actor = systemActorFor(tenantId, "web chat ended");
    try {
      const interaction = await this.routingWork.interaction(actor, interactionId);
      if (!interaction.live) return;
      if (interaction.state === "connected") await this.routingWork.complete(actor, interactionId);
      else if (interaction.state === "queued" || interaction.state === "offered")
        await this.routingWork.abandon(actor, interactionId);
    } catch (error) {
      this.logger.warn({ err: error, tenantId, interactionId }, "ended chat's interaction not finished");
    }
  }

  async rate(session: WebChatSessionRow, body: WebChatCsatBody): Promise<{ rating: number }> {
    if (!session.ended_at) throw conflict("web_chat_not_ended", "Rate the chat once it has ended.");
    const conversation = await this.db
      .selectFrom("conversations")
      .select(["current_interaction_id", "channel"])
      .where("tenant_id", "=", session.tenant_id)
      .where("id", "=", session.conversation_id)
      .executeTakeFirstOrThrow();
    const stored = await this.db
      .insertInto("csat_responses")
      .values({
        tenant_id: session.tenant_id,
        conversation_id: session.conversation_id,
        interaction_id: conversation.current_interaction_id,
        channel: conversation.channel,
        rating: body.rating,
        comment: body.comment || null,
      })
      .onConflict((oc) => oc.columns(["tenant_id", "conversation_id"]).doNothing())
      .returning("rating")
      .executeTakeFirst();
    if (!stored) throw conflict("web_chat_already_rated", "This chat has already been rated; thank you.");
    return { rating: stored.rating };
  }

  /** Queues the transcript as an email to the visitor; the outbox sends it through the SMTP relay. */
  async emailTranscript(session: WebChatSessionRow, body: WebChatTranscriptBody): Promise<{ to: string }> {
    if (!this.transcriptFrom) {
      throw new SentraError(
        "operational",
        "web_chat_transcript_unavailable",
        "This server sends no email (no SMTP relay is configured), so transcripts cannot be sent.",
      );
    }
    const conversation = await this.db
      .selectFrom("conversations")
      .select(["contact_address", "language", "subject"])
      .where("tenant_id", "=", session.tenant_id)
      .where("id", "=", session.conversation_id)
      .executeTakeFirstOrThrow();
    const to =
      body.email ?? (conversation.contact_address?.includes("@") ? conversation.contact_address : null);
    if (!to) {
      throw new UserError(
        "invalid",
        "web_chat_transcript_no_email",
        "Enter the email address to send it to.",
      );
    }
    const settings = await this.visitors.settings(session);
    const messages = await this.visitors.messages(session, undefined);
    const { subject, text } = webChatTranscript({
      visitorName: session.visitor_name,
      language: conversation.language,
      timeZone: settings.hours?.timeZone ?? DEFAULT_TIME_ZONE,
      lines: messages.map((m) => ({
        from: m.from,
        text: m.text,
        createdAt: m.createdAt,
        fileNames: m.attachments.map((a) => a.fileName),
      })),
    });
    await this.db
      .insertInto("messages")
      .values({
        tenant_id: session.tenant_id,
        conversation_id: session.conversation_id,
        direction: "outbound",
        author_kind: "system",
        from_address: this.transcriptFrom,
        to_addresses: JSON.stringify([to]),
        subject: conversation.subject ? `${subject}: ${conversation.subject}` : subject,
        body_text: text,
        send_via: "email",
        delivery_status: "queued",
        next_attempt_at: new Date(0),
      })
      .execute();
    this.outbox.kick();
    return { to };
  }
}
