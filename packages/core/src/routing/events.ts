import type { AgentStatus } from "./agent-state.js";
import type { OfferExplanation } from "./explanation.js";
import type { InteractionState } from "./interaction-lifecycle.js";
import type {
  AgentId,
  Channel,
  Direction,
  InteractionId,
  OverflowAction,
  QueueId,
  TenantId,
} from "./types.js";

/** Why an interaction changed state; transports and reports group on it. */
export type TransitionReason =
  | "enqueued"
  | "offered"
  | "accepted"
  | "rejected"
  | "offer_timeout"
  | "agent_unavailable"
  | "completed"
  | "wrap_up_closed"
  | "wrap_up_expired"
  | "abandoned"
  | "failed"
  | "max_wait"
  | "queue_full"
  | "queue_closed"
  | "transfer"
  | "overflow"
  | "callback_requested";

interface Base {
  readonly at: number;
  readonly tenantId: TenantId;
}

/**
 * What the engine decided, as values. The server appends them to its event log for audit and KPIs, and pushes
 * offers to agents; rebuilding the engine itself uses the command log (`commands.ts`) or a snapshot.
 */
export type RoutingEvent =
  | (Base & {
      readonly type: "interaction_created";
      readonly interactionId: InteractionId;
      readonly queueId: QueueId;
      readonly channel: Channel;
      readonly direction: Direction;
      readonly customerId: string | undefined;
      readonly priority: number;
    })
  | (Base & {
      readonly type: "interaction_transitioned";
      readonly interactionId: InteractionId;
      readonly queueId: QueueId;
      readonly channel: Channel;
      readonly from: InteractionState;
      readonly to: InteractionState;
      readonly reason: TransitionReason;
      readonly agentId: AgentId | undefined;
      /** Entry time into `queueId`, so wait times can be computed from the event alone. */
      readonly enqueuedAt: number;
    })
  | (Base & {
      readonly type: "offer_made";
      readonly interactionId: InteractionId;
      readonly queueId: QueueId;
      readonly agentId: AgentId;
      readonly expiresAt: number;
      readonly explanation: OfferExplanation;
    })
  | (Base & {
      readonly type: "offer_withdrawn";
      readonly interactionId: InteractionId;
      readonly queueId: QueueId;
      readonly agentId: AgentId;
      readonly reason: "rejected" | "offer_timeout" | "abandoned" | "agent_unavailable" | "failed";
    })
  | (Base & {
      readonly type: "overflowed";
      readonly interactionId: InteractionId;
      readonly fromQueueId: QueueId;
      readonly reason: "max_wait" | "queue_full" | "queue_closed";
      readonly action: OverflowAction;
    })
  | (Base & {
      readonly type: "relaxed";
      readonly interactionId: InteractionId;
      readonly queueId: QueueId;
      readonly step: number;
    })
  | (Base & {
      readonly type: "affinity_expired";
      readonly interactionId: InteractionId;
      readonly queueId: QueueId;
      readonly agentId: AgentId;
    })
  | (Base & {
      readonly type: "wrap_up_closed";
      readonly interactionId: InteractionId;
      readonly queueId: QueueId;
      readonly agentId: AgentId;
      readonly disposition: string | undefined;
      readonly notes: string | undefined;
      readonly automatic: boolean;
    })
  | (Base & {
      readonly type: "agent_state_changed";
      readonly agentId: AgentId;
      readonly from: AgentStatus;
      readonly to: AgentStatus;
    });

export type RoutingEventType = RoutingEvent["type"];
