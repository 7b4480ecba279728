/** The routing API's shapes as the web app reads them (see packages/server/src/routing/routing-routes.ts). */

export const CHANNEL_NAMES = ["voice", "chat", "email", "message"] as const;
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

export interface QueueSettings {
  channels: Channel[];
  serviceLevel: { targetPercent: number; thresholdMs: number };
  offerTimeoutMs?: number;
  wrapUpLimitMs?: number;
}

export interface Queue {
  id: string;
  name: string;
  settings: QueueSettings;
}

export interface Interaction {
  interactionId: string;
  channel: Channel;
  state: string;
  queueId: string;
  enqueuedAt: number;
  relaxationStep: number;
  agentId?: string;
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
