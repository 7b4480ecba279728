import { type ChannelLoad, totalLoad } from "./capacity.js";

/**
 * What the agent chose: logged out, ready for work, or logged in but not ready (break, training, "missed"
 * after an unanswered offer…). Only `ready` agents are routed to.
 */
export type Presence = { readonly kind: "offline" } | { readonly kind: "ready" } | NotReady;
export interface NotReady {
  readonly kind: "not_ready";
  readonly reason: string;
}

/**
 * The state shown on wallboards, derived from presence and the work held, so it never disagrees with them:
 * - `offline` / `not_ready(reason)`: the presence, whatever work is still open (an agent may go not ready
 *   during a call; the call continues, no new work arrives);
 * - `reserved`: ready, with an offer ringing (at most one offer rings per agent at a time);
 * - `busy`: ready, with at least one connected interaction — still routable while under capacity, so an
 *   agent with one of three chats is `busy` and can be offered a second chat;
 * - `wrap_up`: ready, nothing connected, at least one interaction in after-contact work;
 * - `available`: ready, holding nothing.
 */
export type AgentStatus =
  | { readonly kind: "offline" }
  | NotReady
  | { readonly kind: "reserved" }
  | { readonly kind: "busy" }
  | { readonly kind: "wrap_up" }
  | { readonly kind: "available" };

export type AgentStatusKind = AgentStatus["kind"];

/** The system reason given to an agent who let an offer ring out (RONA). */
export const MISSED_REASON = "missed";

export interface AgentWork {
  readonly presence: Presence;
  readonly hasOffer: boolean;
  readonly connected: number;
  readonly load: ChannelLoad;
}

export function agentStatus(work: AgentWork): AgentStatus {
  if (work.presence.kind !== "ready") return work.presence;
  if (work.hasOffer) return RESERVED;
  if (work.connected > 0) return BUSY;
  if (totalLoad(work.load) > 0) return WRAP_UP;
  return AVAILABLE;
}

const RESERVED: AgentStatus = { kind: "reserved" };
const BUSY: AgentStatus = { kind: "busy" };
const WRAP_UP: AgentStatus = { kind: "wrap_up" };
const AVAILABLE: AgentStatus = { kind: "available" };

export function sameStatus(a: AgentStatus, b: AgentStatus): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== "not_ready" || a.reason === (b as NotReady).reason;
}

export function statusLabel(status: AgentStatus): string {
  return status.kind === "not_ready" ? `not_ready(${status.reason})` : status.kind;
}
