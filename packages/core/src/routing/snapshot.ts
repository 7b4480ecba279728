import { agentStatus, type Presence } from "./agent-state.js";
import { emptyLoad } from "./capacity.js";
import { type AgentRec, type Center, type InteractionRec, scopedKey } from "./center-state.js";
import { effectiveRequirements } from "./eligibility.js";
import type { RoutingEvent } from "./events.js";
import type { AgentId, AgentProfile, QueueConfig, TenantId } from "./types.js";

/**
 * Everything needed to rebuild an engine: plain JSON. Agent load and offers are not stored; they follow from
 * the interactions, so the two can never disagree after a restore. Offers in flight keep their expiry; the
 * server re-sends them to the agents (`RoutingEngine.pendingOffers`).
 */
export interface EngineSnapshot {
  readonly version: 1;
  readonly now: number;
  readonly seq: number;
  readonly queues: readonly { readonly config: QueueConfig; readonly rrLast: AgentId | undefined }[];
  readonly tenants: readonly { readonly tenantId: TenantId; readonly notReadyReasons: readonly string[] }[];
  readonly agents: readonly {
    readonly profile: AgentProfile;
    readonly presence: Presence;
    readonly idleSince: number;
  }[];
  readonly interactions: readonly InteractionSnapshot[];
  readonly seenEventIds: readonly string[];
  /** Events of timers that fired before a command was refused; the next call returns them. */
  readonly undelivered: readonly RoutingEvent[];
}

export type InteractionSnapshot = Omit<InteractionRec, "key" | "queue" | "requirements" | "routerSlot">;

export function takeSnapshot(
  center: Center,
  now: number,
  seen: ReadonlySet<string>,
  undelivered: readonly RoutingEvent[],
): EngineSnapshot {
  return structuredCloneJson({
    version: 1,
    now,
    seq: center.seq,
    queues: [...center.queues.values()].map((q) => ({ config: q.config, rrLast: q.rrLast })),
    tenants: [...center.notReadyReasons.entries()].map(([tenantId, reasons]) => ({
      tenantId,
      notReadyReasons: [...reasons],
    })),
    agents: [...center.agents.values()].map((a) => ({
      profile: a.profile,
      presence: a.presence,
      idleSince: a.idleSince,
    })),
    interactions: [...center.interactions.values()].map(
      ({ key: _k, queue: _q, requirements: _r, routerSlot: _s, ...rest }) => rest,
    ),
    seenEventIds: [...seen],
    undelivered,
  });
}

/** Fills an empty center from a snapshot. */
export function loadSnapshot(center: Center, snapshot: EngineSnapshot): void {
  center.seq = snapshot.seq;
  for (const t of snapshot.tenants) center.notReadyReasons.set(t.tenantId, new Set(t.notReadyReasons));
  for (const q of snapshot.queues) {
    const key = scopedKey(q.config.tenantId, q.config.queueId);
    center.queues.set(key, { key, config: q.config, queued: 0, rrLast: q.rrLast, routerSlot: undefined });
  }
  for (const a of snapshot.agents) {
    const key = scopedKey(a.profile.tenantId, a.profile.agentId);
    const rec: AgentRec = {
      key,
      tenantId: a.profile.tenantId,
      agentId: a.profile.agentId,
      profile: a.profile,
      presence: a.presence,
      load: emptyLoad(),
      connected: 0,
      offer: undefined,
      idleSince: a.idleSince,
      status: { kind: "offline" },
      routerSlot: undefined,
    };
    center.agents.set(key, rec);
  }
  for (const snap of snapshot.interactions) {
    const key = scopedKey(snap.tenantId, snap.interactionId);
    const queue = center.queue(snap.tenantId, snap.queueId);
    const requirements = effectiveRequirements(queue.config, snap.skills, snap.language, snap.step);
    const rec: InteractionRec = { ...snap, key, queue, requirements, routerSlot: undefined };
    center.interactions.set(key, rec);
    if (rec.state === "queued") queue.queued++;
    if (rec.agentId === undefined || !["offered", "connected", "wrap_up"].includes(rec.state)) continue;
    const agent = center.agent(rec.tenantId, rec.agentId);
    agent.load[rec.channel]++;
    if (rec.state === "offered") agent.offer = rec;
    if (rec.state === "connected") agent.connected++;
  }
  for (const agent of center.agents.values()) {
    agent.status = agentStatus({
      presence: agent.presence,
      hasOffer: agent.offer !== undefined,
      connected: agent.connected,
      load: agent.load,
    });
  }
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
