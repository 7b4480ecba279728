/**
 * Vocabulary of the routing (ACD) domain. Ids carry an optional brand: plain strings from the transport layer
 * are accepted as-is, but an `AgentId` cannot be passed where a `QueueId` is expected by mistake.
 */
export type TenantId = string & { readonly __brand?: "TenantId" };
export type AgentId = string & { readonly __brand?: "AgentId" };
export type QueueId = string & { readonly __brand?: "QueueId" };
export type InteractionId = string & { readonly __brand?: "InteractionId" };
export type TeamId = string & { readonly __brand?: "TeamId" };
export type SkillId = string & { readonly __brand?: "SkillId" };

export const CHANNELS = ["voice", "chat", "email", "message", "callback", "outbound"] as const;
export type Channel = (typeof CHANNELS)[number];
export type Direction = "inbound" | "outbound";

/** A skill the agent must have, at `minLevel` or above (levels run 1–10). */
export interface SkillRequirement {
  readonly skill: SkillId;
  readonly minLevel: number;
}

export type RoutingPolicy = "longest_idle" | "most_skilled" | "least_occupied" | "round_robin";

/**
 * One step of skill relaxation. Once an interaction has waited `afterMs` in the queue, every required level
 * is capped at `maxRequiredLevel` (the skill itself is still needed), or with `anyAgent` the skills are
 * dropped entirely so any agent of the queue's teams qualifies. Language is never relaxed.
 */
export interface RelaxationStep {
  readonly afterMs: number;
  readonly maxRequiredLevel?: number;
  readonly anyAgent?: boolean;
}

export type OverflowAction =
  | { readonly type: "queue"; readonly queueId: QueueId }
  | { readonly type: "callback"; readonly queueId?: QueueId }
  | { readonly type: "close"; readonly message: string };

/** Opening hours in the queue's own zone. `weekly` keys are 0 (Sunday) … 6; times are "HH:MM", end exclusive. */
export interface BusinessCalendar {
  readonly timeZone: string;
  readonly weekly: Readonly<
    Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, readonly (readonly [string, string])[]>>
  >;
  /** Local dates "YYYY-MM-DD" on which the queue stays closed all day. */
  readonly holidays?: readonly string[];
}

export interface QueueConfig {
  readonly tenantId: TenantId;
  readonly queueId: QueueId;
  readonly channels: readonly Channel[];
  readonly skills?: readonly SkillRequirement[];
  /** Added to every interaction's own priority; lets a VIP queue win an agent shared with others. */
  readonly priority?: number;
  /** Teams whose agents serve this queue; empty or absent means every agent of the tenant. */
  readonly teamIds?: readonly TeamId[];
  readonly policy: RoutingPolicy;
  readonly serviceLevel?: { readonly targetPercent: number; readonly thresholdMs: number };
  readonly maxWaitMs?: number;
  readonly maxSize?: number;
  readonly overflow?: OverflowAction;
  /** What happens to contacts arriving outside business hours; defaults to the overflow action, else close. */
  readonly closedAction?: OverflowAction;
  readonly relaxation?: readonly RelaxationStep[];
  readonly calendar?: BusinessCalendar;
  readonly offerTimeoutMs?: number;
  readonly wrapUpLimitMs?: number;
  /** How long an interaction waits for its preferred (last/transfer-target) agent. */
  readonly affinityTimeoutMs?: number;
  /** After a reject, that agent is not offered the same interaction again for this long. */
  readonly rejectCooldownMs?: number;
}

/**
 * Omnichannel capacity. `max` caps concurrent interactions per channel (absent = cannot take that channel);
 * `maxTotal` caps the sum; a channel listed in `exclusive` is never mixed with any other channel, so
 * "a voice call blocks new chats" is `exclusive: ["voice"]`.
 */
export interface CapacityProfile {
  readonly max: Readonly<Partial<Record<Channel, number>>>;
  readonly maxTotal?: number;
  readonly exclusive?: readonly Channel[];
}

export interface AgentProfile {
  readonly tenantId: TenantId;
  readonly agentId: AgentId;
  /** Skill id → level 1–10. */
  readonly skills: Readonly<Record<string, number>>;
  readonly languages: readonly string[];
  readonly teamIds: readonly TeamId[];
  readonly capacity: CapacityProfile;
}

export const DEFAULTS = {
  offerTimeoutMs: 20_000,
  wrapUpLimitMs: 60_000,
  affinityTimeoutMs: 0,
  transferAffinityMs: 30_000,
  rejectCooldownMs: 30_000,
  /** One priority point is worth this much waiting: see `queue-order.ts`. */
  priorityAgingMs: 60_000,
  maxOverflowHops: 5,
} as const;

/**
 * What an agent must have to take an interaction right now: its queue's and its own skill needs after the
 * current relaxation step, plus language. `key` is equal for equal requirements, so waiting interactions can
 * be grouped by it and checked once per group.
 */
export interface Requirements {
  readonly skills: readonly SkillRequirement[];
  readonly anyAgent: boolean;
  readonly language: string | undefined;
  readonly key: string;
}
