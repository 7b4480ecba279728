import { randomUUID } from "node:crypto";
import { type Clock, type WebChatOfflineBody, webChatAvailability } from "@sentra/core";
import type { RoutingWorkService } from "../../routing/routing-work-service.js";
import { systemActorFor } from "../../tenancy/system-actor.js";
import type { InboundIntake } from "../inbound-intake.js";
import type { WebChatKeyService } from "./web-chat-key-service.js";
import { assertOriginAllowed, keySettings } from "./web-chat-visitor-service.js";

export interface WidgetConfigView {
  readonly online: boolean;
  readonly reason: "closed" | "no_agents" | null;
  readonly language: string | null;
  readonly attachments: { readonly maxBytes: number; readonly types: string[] };
}

/**
 * Outside the key's opening hours, or while no agent is logged in, the widget shows an offline form
 * instead of a live chat. The message becomes an email-type interaction on the key's queue, taken through
 * InboundIntake like every inbound message, so an agent answers it by email later.
 */
export class WebChatOffline {
  constructor(
    private readonly keys: WebChatKeyService,
    private readonly intake: InboundIntake,
    private readonly routingWork: RoutingWorkService,
    private readonly clock: Clock,
    private readonly replyMailbox: string,
  ) {}

  /** What the widget needs before the first form: live or offline, and the key's attachment limits. */
  async widgetConfig(publicKey: string, origin: string | undefined): Promise<WidgetConfigView> {
    const key = await this.keys.resolve(publicKey);
    assertOriginAllowed(key, origin);
    const settings = keySettings(key);
    const availability = webChatAvailability(
      settings,
      settings.offlineWhenNoAgents ? await this.#agentsLoggedIn(key.tenant_id) : 1,
      this.clock.now(),
    );
    return {
      online: availability.online,
      reason: availability.online ? null : availability.reason,
      language: key.language,
      attachments: settings.attachments,
    };
  }

  async leaveMessage(
    body: WebChatOfflineBody,
    origin: string | undefined,
  ): Promise<{ conversationId: string }> {
    const key = await this.keys.resolve(body.key);
    assertOriginAllowed(key, origin);
    const result = await this.intake.receive({
      endpoint: {
        tenantId: key.tenant_id,
        channel: "email",
        address: this.replyMailbox,
        queueId: keySettings(key).offlineQueueId ?? key.queue_id,
        language: body.language ?? key.language,
        skills: [],
      },
      contact: { name: body.name, email: body.email },
      providerMessageId: `webchat-offline:${randomUUID()}`,
      inReplyTo: null,
      references: [],
      subject: `Message from the website chat (${key.name})`,
      bodyText: body.message,
      bodyHtmlSanitized: null,
      toAddresses: [this.replyMailbox],
      attachments: [],
      automated: null,
      parseProblem: null,
    });
    return { conversationId: result.conversationId };
  }

  /**
   * Agents of the tenant who are logged in (any state but offline). Routing has no per-queue membership:
   * any logged-in agent with chat capacity can be offered the key's chats.
   */
  async #agentsLoggedIn(tenantId: string): Promise<number> {
    const agents = await this.routingWork.liveAgents(systemActorFor(tenantId, "web chat availability"));
    return agents.filter((agent) => agent.status.kind !== "offline").length;
  }
}
