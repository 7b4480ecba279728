import { type AgentStatus, statusLabel } from "./agent-state.js";
import type { ChannelLoad } from "./capacity.js";
import type { AgentRec, InteractionRec } from "./center-state.js";
import type { OfferExplanation } from "./explanation.js";
import type { InteractionState } from "./interaction-lifecycle.js";
import type { AgentId, Channel, InteractionId, QueueId, TenantId } from "./types.js";

/** Read-only copies handed out by the engine, so callers cannot bend its records. */
export interface AgentView {
  readonly tenantId: TenantId;
  readonly agentId: AgentId;
  readonly status: AgentStatus;
  readonly label: string;
  readonly load: Readonly<ChannelLoad>;
  readonly offeredInteractionId: InteractionId | undefined;
  readonly idleSince: number;
}

export interface InteractionView {
  readonly tenantId: TenantId;
  readonly interactionId: InteractionId;
  readonly channel: Channel;
  readonly state: InteractionState;
  readonly queueId: QueueId;
  readonly enqueuedAt: number;
  readonly relaxationStep: number;
  readonly agentId: AgentId | undefined;
  readonly preferredAgentId: AgentId | undefined;
  readonly customerId: string | undefined;
}

export interface PendingOffer {
  readonly tenantId: TenantId;
  readonly interactionId: InteractionId;
  readonly queueId: QueueId;
  readonly agentId: AgentId;
  readonly expiresAt: number;
  readonly explanation: OfferExplanation;
}

export function agentView(a: AgentRec): AgentView {
  return {
    tenantId: a.tenantId,
    agentId: a.agentId,
    status: a.status,
    label: statusLabel(a.status),
    load: { ...a.load },
    offeredInteractionId: a.offer?.interactionId,
    idleSince: a.idleSince,
  };
}

export function interactionView(i: InteractionRec): InteractionView {
  return {
    tenantId: i.tenantId,
    interactionId: i.interactionId,
    channel: i.channel,
    state: i.state,
    queueId: i.queueId,
    enqueuedAt: i.enqueuedAt,
    relaxationStep: i.step,
    agentId: i.agentId,
    preferredAgentId: i.affinity?.agentId,
    customerId: i.customerId,
  };
}
