import type {
  AgentId,
  AgentProfile,
  Channel,
  Direction,
  InteractionId,
  QueueConfig,
  QueueId,
  SkillRequirement,
  TenantId,
} from "./types.js";

/** What an agent (or the system on their behalf) asks for; the busy/reserved/wrap-up states are derived. */
export type AgentStateRequest = "available" | "offline" | { readonly notReady: string };

export interface NewInteraction {
  readonly interactionId: InteractionId;
  readonly channel: Channel;
  readonly direction?: Direction;
  readonly customerId?: string;
  readonly language?: string;
  readonly skills?: readonly SkillRequirement[];
  readonly priority?: number;
  readonly queueId: QueueId;
  /** Last agent or requested agent; held for `affinityTimeoutMs` (default: the queue's) while logged in. */
  readonly preferredAgentId?: AgentId;
  readonly affinityTimeoutMs?: number;
}

export type TransferTarget =
  | { readonly queueId: QueueId }
  | { readonly agentId: AgentId; readonly queueId?: QueueId };

interface Base {
  /** Set by the server when the command is logged; a replayed id is ignored. */
  readonly eventId?: string;
  readonly at: number;
  readonly tenantId: TenantId;
}

/**
 * Everything that changes the engine from outside. The server appends these to its log; replaying the log in
 * order (`RoutingEngine.replay`) rebuilds the same state, because timers fire at their own due time no
 * matter how often `tick` ran.
 */
export type RoutingCommand =
  | (Base & { readonly type: "queue_upserted"; readonly queue: QueueConfig })
  | (Base & { readonly type: "tenant_configured"; readonly notReadyReasons: readonly string[] })
  | (Base & {
      readonly type: "agent_logged_in";
      readonly profile: AgentProfile;
      readonly state?: AgentStateRequest;
    })
  | (Base & {
      readonly type: "agent_state_set";
      readonly agentId: AgentId;
      readonly state: AgentStateRequest;
    })
  | (Base & { readonly type: "interaction_enqueued"; readonly interaction: NewInteraction })
  | (Base & {
      readonly type: "offer_accepted";
      readonly interactionId: InteractionId;
      readonly agentId: AgentId;
    })
  | (Base & {
      readonly type: "offer_rejected";
      readonly interactionId: InteractionId;
      readonly agentId: AgentId;
    })
  | (Base & { readonly type: "interaction_completed"; readonly interactionId: InteractionId })
  | (Base & {
      readonly type: "wrap_up_closed";
      readonly interactionId: InteractionId;
      readonly disposition?: string;
      readonly notes?: string;
    })
  | (Base & { readonly type: "interaction_abandoned"; readonly interactionId: InteractionId })
  | (Base & {
      readonly type: "interaction_failed";
      readonly interactionId: InteractionId;
      readonly reason?: string;
    })
  | (Base & {
      readonly type: "interaction_transferred";
      readonly interactionId: InteractionId;
      readonly to: TransferTarget;
    })
  | (Base & { readonly type: "clock_ticked" });

export type RoutingCommandType = RoutingCommand["type"];
