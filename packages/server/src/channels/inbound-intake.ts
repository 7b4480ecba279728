import { randomBytes } from "node:crypto";
import {
  type ConversationStatus,
  customerBody,
  inboundNeedsRouting,
  newInteractionBody,
  ticketTokenFrom,
  ticketTokenIn,
} from "@sentra/core";
import { type Kysely, type Selectable, sql } from "kysely";
import type { Logger } from "pino";
import { normalizeEmails, toE164 } from "../customers/contact-normalization.js";
import type { CustomerService } from "../customers/customer-service.js";
import type { ConversationsTable, Database } from "../db/schema.js";
import type { RoutingWorkService } from "../routing/routing-work-service.js";
import { systemActorFor } from "../tenancy/system-actor.js";
import type { ConversationNotifier } from "./conversation-notifier.js";
import type { InboundMessage, IntakeResult } from "./inbound-message.js";

type ConversationRow = Selectable<ConversationsTable>;

/**
 * Turns an inbound message of any channel into stored conversation state and, when it is new work, a routed
 * interaction. The message and its attachments commit together before routing is asked, so a routing
 * failure never loses a message: it is logged and the conversation waits for the next inbound or an agent.
 */
export class InboundIntake {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly customers: CustomerService,
    private readonly routingWork: RoutingWorkService,
    private readonly notifier: ConversationNotifier,
    private readonly logger: Logger,
  ) {}

  async receive(received: InboundMessage): Promise<IntakeResult> {
    try {
      return await this.#receive(received);
    } catch (error) {
      // Two deliveries of one message racing (the loser then finds the winner's row), or a ticket token
      // collision (a new token is drawn): one more try settles both.
      if (isUniqueViolation(error)) return this.#receive(received);
      throw error;
    }
  }

  async #receive(received: InboundMessage): Promise<IntakeResult> {
    // Contact points are compared and stored the way the customers module normalises them.
    const email = received.contact.email ? normalizeEmails([received.contact.email])[0] : undefined;
    const message: InboundMessage = {
      ...received,
      contact: { ...received.contact, ...(email ? { email } : {}) },
    };
    const tenantId = message.endpoint.tenantId;
    if (message.providerMessageId) {
      const seen = await this.db
        .selectFrom("messages")
        .select(["id", "conversation_id"])
        .where("tenant_id", "=", tenantId)
        .where("provider_message_id", "=", message.providerMessageId)
        .executeTakeFirst();
      if (seen)
        return {
          conversationId: seen.conversation_id,
          messageId: seen.id,
          duplicate: true,
          interactionId: null,
        };
    }
    const existing = await this.#thread(tenantId, message);
    const customerId =
      existing?.customer_id ?? message.customerId ?? (await this.#customerFor(tenantId, message));
    const stored = await this.db.transaction().execute(async (trx) => {
      const conversation = existing ?? (await this.#open(trx, message, customerId));
      const row = await trx
        .insertInto("messages")
        .values({
          tenant_id: tenantId,
          conversation_id: conversation.id,
          direction: "inbound",
          author_kind: "customer",
          author_id: customerId,
          from_address: message.contact.email ?? message.contact.phone ?? message.contact.handle ?? null,
          to_addresses: JSON.stringify(message.toAddresses),
          subject: message.subject,
          body_text: message.bodyText,
          body_html_sanitized: message.bodyHtmlSanitized,
          provider_message_id: message.providerMessageId,
          in_reply_to: message.inReplyTo,
          references: JSON.stringify(message.references),
          automated: message.automated,
          parse_problem: message.parseProblem,
          delivery_status: "received",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const attachment of message.attachments) {
        await trx
          .insertInto("attachments")
          .values({
            tenant_id: tenantId,
            message_id: row.id,
            file_name: attachment.fileName,
            content_type: attachment.contentType,
            size_bytes: attachment.content.byteLength,
            content: attachment.content,
          })
          .execute();
      }
      await trx
        .updateTable("conversations")
        .set({ updated_at: new Date() })
        .where("tenant_id", "=", tenantId)
        .where("id", "=", conversation.id)
        .execute();
      return { conversation, messageId: row.id };
    });
    const interactionId = await this.#routeIfNeeded(stored.conversation, existing === undefined, message);
    await this.notifier.messageAdded(tenantId, stored.conversation.id, stored.messageId, interactionId);
    return {
      conversationId: stored.conversation.id,
      messageId: stored.messageId,
      duplicate: false,
      interactionId,
    };
  }

  /**
   * The conversation this message continues: by the ids it replies to, else by the ticket token, else (for
   * channels that thread by contact) the latest conversation with the same endpoint and contact.
   */
  async #thread(tenantId: string, message: InboundMessage): Promise<ConversationRow | undefined> {
    const ids = [...new Set([message.inReplyTo, ...message.references].filter((id): id is string => !!id))];
    if (ids.length > 0) {
      // Two lookups by key rather than a join: the join's plan depends on table statistics, which embedded
      // PGlite gathers only when told to, and without them it walked every conversation of the tenant.
      const latest = await this.db
        .selectFrom("messages")
        .select("conversation_id")
        .where("tenant_id", "=", tenantId)
        .where("provider_message_id", "in", ids)
        .orderBy("created_at", "desc")
        .limit(1)
        .executeTakeFirst();
      const byId =
        latest &&
        (await this.db
          .selectFrom("conversations")
          .selectAll()
          .where("tenant_id", "=", tenantId)
          .where("id", "=", latest.conversation_id)
          .executeTakeFirst());
      if (byId) return byId;
    }
    const token = ticketTokenIn(message.subject);
    if (token) {
      const byToken = await this.db
        .selectFrom("conversations")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("ticket_token", "=", token)
        .where("channel", "=", message.endpoint.channel)
        .executeTakeFirst();
      if (byToken) return byToken;
    }
    const contact = message.contact.email ?? message.contact.phone ?? message.contact.handle;
    if (!message.threadByContact || !contact) return undefined;
    return this.db
      .selectFrom("conversations")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("channel", "=", message.endpoint.channel)
      .where("endpoint_address", "=", message.endpoint.address)
      .where("contact_address", "=", contact)
      .orderBy("updated_at", "desc")
      .executeTakeFirst();
  }

  /** An existing customer by normalised email (or phone), else a new customer record for this contact. */
  async #customerFor(tenantId: string, message: InboundMessage): Promise<string | null> {
    const email = message.contact.email ? normalizeEmails([message.contact.email])[0] : undefined;
    const phone = message.contact.phone ? toE164(message.contact.phone) : null;
    if (!email && !phone) return null;
    const match = await this.db
      .selectFrom("customers")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("merged_into", "is", null)
      .where("erased_at", "is", null)
      .where((eb) =>
        eb.or([
          ...(email ? [eb(sql`emails`, "@>", sql`${JSON.stringify([email])}::jsonb`)] : []),
          ...(phone ? [eb(sql`phones`, "@>", sql`${JSON.stringify([phone])}::jsonb`)] : []),
        ]),
      )
      .orderBy("created_at")
      .executeTakeFirst();
    if (match) return match.id;
    // Automated mail (bounces, auto-replies) comes from machines, not customers: no record is made for it.
    if (message.automated) return null;
    try {
      const created = await this.customers.create(
        null,
        tenantId,
        customerBody.parse({
          fullName: (message.contact.name?.trim() || email || phone || "Unknown").slice(0, 200),
          emails: email ? [email] : [],
          phones: phone ? [phone] : [],
        }),
      );
      return created.id;
    } catch (error) {
      this.logger.warn({ err: error, tenantId }, "inbound contact not saved as a customer");
      return null;
    }
  }

  async #open(
    trx: Kysely<Database>,
    message: InboundMessage,
    customerId: string | null,
  ): Promise<ConversationRow> {
    const status: ConversationStatus = message.automated ? "closed" : "open";
    return trx
      .insertInto("conversations")
      .values({
        tenant_id: message.endpoint.tenantId,
        channel: message.endpoint.channel,
        customer_id: customerId,
        status,
        subject: message.subject?.slice(0, 300) ?? null,
        ticket_token: ticketTokenFrom(randomBytes(16)),
        endpoint_address: message.endpoint.address,
        contact_address: message.contact.email ?? message.contact.phone ?? message.contact.handle ?? null,
        queue_id: message.endpoint.queueId,
        language: message.endpoint.language,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async #routeIfNeeded(
    conversation: ConversationRow,
    isNew: boolean,
    message: InboundMessage,
  ): Promise<string | null> {
    const actor = systemActorFor(conversation.tenant_id, `${conversation.channel} channel`);
    const interactionLive =
      conversation.current_interaction_id !== null &&
      (await this.routingWork
        .interaction(actor, conversation.current_interaction_id)
        .then((i) => i.live)
        .catch(() => false));
    const route = inboundNeedsRouting({
      automated: message.automated,
      conversationIsNew: isNew,
      conversationStatus: conversation.status,
      interactionLive,
    });
    if (!route) return interactionLive ? conversation.current_interaction_id : null;
    const queueId = conversation.queue_id ?? message.endpoint.queueId;
    try {
      const { interaction } = await this.routingWork.createInteraction(
        actor,
        newInteractionBody.parse({
          channel: conversation.channel,
          queueId,
          direction: "inbound",
          ...(conversation.customer_id ? { customerId: conversation.customer_id } : {}),
          ...(conversation.language ? { language: conversation.language } : {}),
          ...(message.endpoint.skills.length > 0 ? { skills: message.endpoint.skills } : {}),
          ...(conversation.subject ? { subject: conversation.subject.slice(0, 300) } : {}),
        }),
      );
      await this.db
        .insertInto("conversation_interactions")
        .values({
          tenant_id: conversation.tenant_id,
          interaction_id: interaction.interactionId,
          conversation_id: conversation.id,
        })
        .execute();
      await this.db
        .updateTable("conversations")
        .set({
          current_interaction_id: interaction.interactionId,
          status: "open",
          queue_id: queueId,
          updated_at: new Date(),
        })
        .where("tenant_id", "=", conversation.tenant_id)
        .where("id", "=", conversation.id)
        .execute();
      return interaction.interactionId;
    } catch (error) {
      this.logger.error(
        { err: error, tenantId: conversation.tenant_id, conversationId: conversation.id },
        "inbound message stored but not routed",
      );
      return null;
    }
  }
}

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && "code" in error && error.code === "23505";
