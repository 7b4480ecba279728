import { notFound } from "../errors/sentra-error.js";
import type { AgentStatus, Presence } from "./agent-state.js";
import type { ChannelLoad } from "./capacity.js";
import type { OfferExplanation } from "./explanation.js";
import type { InteractionState } from "./interaction-lifecycle.js";
import { ScopedMap } from "./scoped-map.js";
import type {
  AgentId,
  AgentProfile,
  Channel,
  Direction,
  InteractionId,
  QueueConfig,
  QueueId,
  Requirements,
  SkillRequirement,
  TenantId,
} from "./types.js";

/**
 * The mutable records both routers read. Every map is keyed by tenant *and* id, so two tenants may reuse an id
 * and a lookup can never cross tenants.
 */
export function scopedKey(tenantId: TenantId, id: string): string {
  return `${tenantId}\u0001${id}`;
}

export interface QueueRec {
  readonly key: string;
  config: QueueConfig;
  /** Interactions currently in `queued` (offered ones are not counted: they hold an agent). */
  queued: number;
  /** Last agent offered work from this queue, for round-robin. */
  rrLast: AgentId | undefined;
  /** The indexed router's own bookkeeping for this queue; see `InteractionRec.routerSlot`. */
  routerSlot: object | undefined;
}

export interface AgentRec {
  readonly key: string;
  readonly tenantId: TenantId;
  readonly agentId: AgentId;
  profile: AgentProfile;
  presence: Presence;
  load: ChannelLoad;
  connected: number;
  /** The one interaction ringing for this agent, if any. */
  offer: InteractionRec | undefined;
  /** Last routing activity: became ready, was offered work, or finished work. Longest-idle sorts on it. */
  idleSince: number;
  status: AgentStatus;
  /** The indexed router's own bookkeeping for this agent; see `InteractionRec.routerSlot`. */
  routerSlot: object | undefined;
}

export interface Affinity {
  readonly agentId: AgentId;
  readonly until: number;
}

export interface RejectBlock {
  readonly agentId: AgentId;
  readonly until: number;
}

export interface InteractionRec {
  readonly key: string;
  readonly tenantId: TenantId;
  readonly interactionId: InteractionId;
  readonly channel: Channel;
  readonly direction: Direction;
  readonly customerId: string | undefined;
  readonly language: string | undefined;
  readonly skills: readonly SkillRequirement[];
  readonly priority: number;
  /** Order of first arrival; ties in queue order fall back to it, and it survives re-queueing. */
  readonly seq: number;
  readonly arrivedAt: number;
  state: InteractionState;
  queueId: QueueId;
  /** The record of `queueId`, kept alongside so hot paths need no lookup. */
  queue: QueueRec;
  /** Entry into the current queue; kept when an offer is missed or rejected. */
  enqueuedAt: number;
  /** Sort key within and across queues; see `queue-order.ts`. */
  rank: number;
  /** Relaxation steps applied so far (0 = none); advanced only by the timer, so matching is time-free. */
  step: number;
  requirements: Requirements;
  affinity: Affinity | undefined;
  blocks: RejectBlock[];
  agentId: AgentId | undefined;
  offeredAt: number | undefined;
  expiresAt: number | undefined;
  explanation: OfferExplanation | undefined;
  connectedAt: number | undefined;
  wrapUpEndsAt: number | undefined;
  overflowHops: number;
  /**
   * The indexed router's own bookkeeping for this interaction, opaque to everything else and never part of a
   * snapshot. Kept on the record so the hot path needs no lookup in a map the size of the backlog.
   */
  routerSlot: object | undefined;
}

export class Center {
  readonly queues = new ScopedMap<QueueRec>(
    (q) => q.config.tenantId,
    (q) => q.config.queueId,
  );
  readonly agents = new ScopedMap<AgentRec>(
    (a) => a.tenantId,
    (a) => a.agentId,
  );
  /** Live interactions only; terminal ones are dropped so memory follows the live load. */
  readonly interactions = new ScopedMap<InteractionRec>(
    (i) => i.tenantId,
    (i) => i.interactionId,
  );
  readonly notReadyReasons = new Map<TenantId, ReadonlySet<string>>();
  seq = 0;

  queue(tenantId: TenantId, queueId: QueueId): QueueRec {
    const queue = this.queues.find(tenantId, queueId);
    if (queue === undefined) throw notFound("queue", queueId);
    return queue;
  }

  agent(tenantId: TenantId, agentId: AgentId): AgentRec {
    const agent = this.agents.find(tenantId, agentId);
    if (agent === undefined) throw notFound("agent", agentId);
    return agent;
  }

  interaction(tenantId: TenantId, interactionId: InteractionId): InteractionRec {
    const interaction = this.interactions.find(tenantId, interactionId);
    if (interaction === undefined) throw notFound("interaction", interactionId);
    return interaction;
  }

  queueOf(interaction: InteractionRec): QueueRec {
    return interaction.queue;
  }

  /** The preferred agent holds the interaction only while the window is open and that agent is logged in. */
  affinityHolds(interaction: InteractionRec): boolean {
    const affinity = interaction.affinity;
    if (affinity === undefined) return false;
    const agent = this.agents.find(interaction.tenantId, affinity.agentId);
    return agent !== undefined && agent.presence.kind !== "offline";
  }
}
