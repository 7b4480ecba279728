import { notFound } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../../db/schema.js";
import { type EventBus, newEvent } from "../../realtime/event-bus.js";
import type { RoutingWorkService } from "../../routing/routing-work-service.js";
import type { Actor } from "../../tenancy/actor.js";
import { systemActorFor } from "../../tenancy/system-actor.js";
import type { WebChatHub } from "./web-chat-hub.js";
import type { WebChatSessionRow } from "./web-chat-visitor-service.js";

/**
 * Typing indicators, both ways. They are fleeting: never stored, dropped when nobody listens. The visitor's
 * reaches the handling agent as `conversation.typing` on `agent:<id>`; the agent's reaches the visitor's
 * sockets.
 */
export class WebChatTyping {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus: EventBus,
    private readonly routingWork: RoutingWorkService,
    private readonly hub: WebChatHub,
    private readonly logger: Logger,
  ) {}

  async visitorTyping(session: WebChatSessionRow, typing: boolean): Promise<void> {
    try {
      const conversation = await this.db
        .selectFrom("conversations")
        .select("current_interaction_id")
        .where("tenant_id", "=", session.tenant_id)
        .where("id", "=", session.conversation_id)
        .executeTakeFirst();
      if (!conversation?.current_interaction_id) return;
      const interaction = await this.routingWork.interaction(
        systemActorFor(session.tenant_id, "web chat typing"),
        conversation.current_interaction_id,
      );
      if (!interaction.agentId) return;
      await this.bus.publish(
        newEvent(session.tenant_id, `agent:${interaction.agentId}`, "conversation.typing", {
          conversationId: session.conversation_id,
          typing,
        }),
      );
    } catch (error) {
      this.logger.warn({ err: error, conversationId: session.conversation_id }, "typing not forwarded");
    }
  }

  async agentTyping(actor: Actor, conversationId: string, typing: boolean): Promise<void> {
    const conversation = await this.db
      .selectFrom("conversations")
      .select("id")
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", conversationId)
      .where("channel", "=", "chat")
      .executeTakeFirst();
    if (!conversation) throw notFound("chat conversation", conversationId);
    this.hub.push(conversationId, { type: "typing", typing });
  }
}
