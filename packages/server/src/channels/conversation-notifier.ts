import type { Logger } from "pino";
import { type EventBus, newEvent } from "../realtime/event-bus.js";
import type { RoutingWorkService } from "../routing/routing-work-service.js";
import { systemActorFor } from "../tenancy/system-actor.js";

/**
 * Tells the agent handling a conversation that a message arrived or changed, on their `agent:<id>` topic.
 * Events carry ids only; the desktop fetches the message through the API, where access is checked.
 */
export class ConversationNotifier {
  constructor(
    private readonly bus: EventBus,
    private readonly routingWork: RoutingWorkService,
    private readonly logger: Logger,
  ) {}

  async messageAdded(
    tenantId: string,
    conversationId: string,
    messageId: string,
    interactionId: string | null,
  ): Promise<void> {
    if (!interactionId) return;
    try {
      const interaction = await this.routingWork.interaction(
        systemActorFor(tenantId, "conversation notifier"),
        interactionId,
      );
      if (!interaction.agentId) return;
      await this.bus.publish(
        newEvent(tenantId, `agent:${interaction.agentId}`, "conversation.message_added", {
          conversationId,
          messageId,
          interactionId,
        }),
      );
    } catch (error) {
      this.logger.warn({ err: error, conversationId }, "conversation event not published");
    }
  }

  /** The customer's side (a chat widget) saw the agent's messages up to and including `upTo`. */
  async messagesRead(
    tenantId: string,
    conversationId: string,
    upTo: string,
    interactionId: string | null,
  ): Promise<void> {
    if (!interactionId) return;
    try {
      const interaction = await this.routingWork.interaction(
        systemActorFor(tenantId, "conversation notifier"),
        interactionId,
      );
      if (!interaction.agentId) return;
      await this.bus.publish(
        newEvent(tenantId, `agent:${interaction.agentId}`, "conversation.read", {
          conversationId,
          upTo,
          by: "customer",
          interactionId,
        }),
      );
    } catch (error) {
      this.logger.warn({ err: error, conversationId }, "conversation event not published");
    }
  }
}
