/** The routing API's shapes as the web app reads them (see packages/server/src/routing/routing-routes.ts). */

export const CHANNEL_NAMES = ["voice", "chat", "email", "message", "callback", "outbound"] as const;
export type Channel = (typeof CHANNEL_NAMES)[number];

export const STATE_KINDS = ["available", "reserved", "busy", "wrap_up", "not_ready", "offline"] as const;
export type StateKind = (typeof STATE_KINDS)[number];

export interface AgentStatus {
  kind: StateKind;
  reason?: string;
}

export interface AgentView {
  agentId: string;
  displayName?: string;
  status: AgentStatus;
  label: string;
  load: Partial<Record<Channel, number>>;
  offeredInteractionId?: string;
  /** Epoch ms of the last change that made the agent idle; 0 when never. */
  idleSince: number;
}

export type AgentStateBody =
  | { state: "available" }
  | { state: "offline" }
  | { state: "not_ready"; reason: string };

export interface RoutingSettings {
  notReadyReasons: string[];
  dispositions: string[];
}

export const POLICIES = ["longest_idle", "most_skilled", "least_occupied", "round_robin"] as const;
export type Policy = (typeof POLICIES)[number];

export type QueueAction =
  | { type: "queue"; queueId: string }
  | { type: "callback"; queueId?: string }
  | { type: "close"; message: string };

export type Weekday = "0" | "1" | "2" | "3" | "4" | "5" | "6";

export interface QueueCalendar {
  timeZone: string;
  weekly: Partial<Record<Weekday, [string, string][]>>;
  holidays: string[];
}

export interface RelaxationStep {
  afterMs: number;
  maxRequiredLevel?: number;
  anyAgent?: boolean;
}

/** What the API answers for a queue: `queueSettings` (packages/core/src/contracts/routing.ts) after its defaults. */
export interface QueueSettings {
  channels: Channel[];
  skills?: { skill: string; minLevel: number }[];
  priority?: number;
  teamIds?: string[];
  policy?: Policy;
  serviceLevel: { targetPercent: number; thresholdMs: number };
  maxWaitMs?: number;
  maxSize?: number;
  overflow?: QueueAction;
  closedAction?: QueueAction;
  relaxation?: RelaxationStep[];
  calendar?: QueueCalendar;
  offerTimeoutMs?: number;
  wrapUpLimitMs?: number;
  affinityTimeoutMs?: number;
  rejectCooldownMs?: number;
}

export interface Queue {
  id: string;
  name: string;
  settings: QueueSettings;
  updatedAt?: string;
}

export interface Skill {
  id: string;
  name: string;
}

export interface CapacityProfile {
  max: Partial<Record<Channel, number>>;
  maxTotal?: number;
  exclusive: Channel[];
}

export interface AgentProfile {
  userId: string;
  skills: Record<string, number>;
  languages: string[];
  capacity: CapacityProfile;
  teamIds: string[];
}

export type AgentProfileBody = Omit<AgentProfile, "userId" | "teamIds">;

export interface IntervalFigures {
  /** Minutes after local midnight: 0, 15, … 1425. */
  startMinute: number;
  arrivals: number;
  answered: number;
  abandoned: number;
  /** 0–1, or null when nothing was answered or abandoned after the threshold. */
  serviceLevel: number | null;
}

export interface IntradayReport {
  timeZone: string;
  today: IntervalFigures[];
  yesterday: IntervalFigures[];
}

export interface Interaction {
  interactionId: string;
  channel: Channel;
  state: string;
  queueId: string;
  enqueuedAt: number;
  relaxationStep: number;
  agentId?: string;
  customerId?: string;
  live: boolean;
}

export interface OfferExplanation {
  rule: string;
  [key: string]: unknown;
}

export interface ExplainedOffer {
  at: number;
  agentId: string;
  summary: string;
  explanation: OfferExplanation;
}

export interface QueueKpis {
  waiting: number;
  longestWaitMs: number;
  serviceLevel: { today: number | null; last15m: number | null; last30m: number | null };
  answeredToday: number;
  abandonedToday: number;
  asaMs: number | null;
  ahtMs: number | null;
  abandonRate: number | null;
}

export interface TenantKpis extends QueueKpis {
  agentsByState: Record<string, number>;
  occupancy: number | null;
}

export interface Stats {
  tenant: TenantKpis | null;
  queues: (QueueKpis & { queueId: string })[];
}

/** Payloads of the routing events pushed on `agent:<id>` and `wallboard`. */
export interface OfferMadeData {
  interactionId: string;
  queueId: string;
  agentId: string;
  expiresAt: number;
  explanation: OfferExplanation;
}

export interface TransitionData {
  interactionId: string;
  queueId: string;
  channel: Channel;
  from: string;
  to: string;
  reason: string;
  agentId?: string;
  enqueuedAt: number;
}
