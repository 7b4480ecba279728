import type { Logger } from "pino";
import { type EventBus, newEvent } from "../realtime/event-bus.js";
import type { RoutingWorkService } from "../routing/routing-work-service.js";
import { systemActorFor } from "../tenancy/system-actor.js";

/**
 * Tells the agent handling a conversation that a message arrived or changed, on their `agent:<id>` topic,
 * and everyone watching the conversation (the handling agent's thread, a supervisor reading along) on
 * `conversation:<id>`. Events carry ids only; the desktop fetches the message through the API, where access
 * is checked.
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
    await this.#publishToWatchers(tenantId, conversationId, "conversation.message_added", messageId);
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

  /** A message's delivery or read state changed (sent, delivered, failed). */
  async messageUpdated(tenantId: string, conversationId: string, messageId: string): Promise<void> {
    await this.#publishToWatchers(tenantId, conversationId, "conversation.message_updated", messageId);
  }

  async #publishToWatchers(
    tenantId: string,
    conversationId: string,
    type: string,
    messageId: string,
  ): Promise<void> {
    try {
      await this.bus.publish(
        newEvent(tenantId, `conversation:${conversationId}`, type, { conversationId, messageId }),
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
    // Whoever reads the thread along (the desktop, a supervisor) sees the receipts without a refetch.
    await this.#publishToWatchers(tenantId, conversationId, "conversation.message_updated", upTo);
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
