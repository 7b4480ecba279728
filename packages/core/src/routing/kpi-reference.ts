import type { AgentStatus } from "./agent-state.js";
import type { RoutingEvent } from "./events.js";
import {
  addWait,
  DEFAULT_THRESHOLD_MS,
  emptyWaits,
  type KpiOptions,
  type KpiReport,
  occupancy,
  occupancyRole,
  type QueueKpis,
  stateLabel,
  summarise,
  type TenantKpis,
  utcDayStart,
  WINDOW_15M,
  WINDOW_30M,
} from "./kpi-math.js";

/**
 * The same KPIs as `KpiAccumulator`, recomputed from the full event list with plain scans: slow, obviously
 * right, and the check the accumulator is tested against.
 */
export function computeKpis(
  events: readonly RoutingEvent[],
  now: number,
  options: KpiOptions = {},
): KpiReport {
  const dayStartOf = options.dayStartOf ?? utcDayStart;
  const thresholdOf = options.thresholdMs ?? (() => DEFAULT_THRESHOLD_MS);
  const transitions = events.flatMap((e) => (e.type === "interaction_transitioned" ? [e] : []));
  const queueKeys = [...new Set(transitions.map((e) => `${e.tenantId}/${e.queueId}`))].sort();
  const queues: QueueKpis[] = queueKeys.map((key) => {
    const [tenantId, queueId] = key.split("/") as [string, string];
    const mine = transitions.filter((e) => e.tenantId === tenantId && e.queueId === queueId);
    const day = dayStartOf(tenantId, now);
    const threshold = thresholdOf(tenantId, queueId);
    // Last known state of each interaction in this queue decides whether it is still waiting.
    const last = new Map<string, (typeof mine)[number]>();
    for (const e of mine) last.set(e.interactionId, e);
    const waitingSince = [...last.values()]
      .filter((e) => e.to === "queued" || e.to === "offered")
      .map((e) => e.enqueuedAt);
    const ends = mine.filter(
      (e) => (e.from === "queued" || e.from === "offered") && (e.to === "connected" || e.to === "abandoned"),
    );
    const waits = (from: number) => {
      const counts = emptyWaits();
      for (const e of ends) {
        if (e.at > from && e.at <= now) addWait(counts, e.to === "connected", e.at - e.enqueuedAt, threshold);
      }
      return counts;
    };
    const handle = { handled: 0, handleMs: 0 };
    for (const e of mine) {
      if (e.from !== "wrap_up" || e.at < day) continue;
      const connected = transitions.findLast(
        (c) =>
          c.tenantId === tenantId &&
          c.interactionId === e.interactionId &&
          c.to === "connected" &&
          c.at <= e.at,
      );
      if (connected === undefined) continue;
      handle.handled++;
      handle.handleMs += e.at - connected.at;
    }
    return {
      tenantId,
      queueId,
      waiting: waitingSince.length,
      longestWaitMs: waitingSince.length === 0 ? 0 : now - Math.min(...waitingSince),
      ...summarise(waits(day - 1), waits(now - WINDOW_15M), waits(now - WINDOW_30M), handle),
    };
  });
  const tenantIds = [
    ...new Set([
      ...queues.map((q) => q.tenantId),
      ...events.filter((e) => e.type === "agent_state_changed").map((e) => e.tenantId),
    ]),
  ].sort();
  const tenants: TenantKpis[] = tenantIds.map((tenantId) =>
    tenantFigures(tenantId, events, queues, now, dayStartOf, thresholdOf),
  );
  return { queues, tenants };
}

function tenantFigures(
  tenantId: string,
  events: readonly RoutingEvent[],
  queues: readonly QueueKpis[],
  now: number,
  dayStartOf: (tenantId: string, at: number) => number,
  thresholdOf: (tenantId: string, queueId: string) => number,
): TenantKpis {
  const day = dayStartOf(tenantId, now);
  const mine = events.filter((e) => e.tenantId === tenantId);
  // Tenant service level and averages come from the union of its queues' raw ends, not from averaging ratios.
  const ends = mine.flatMap((e) =>
    e.type === "interaction_transitioned" &&
    (e.from === "queued" || e.from === "offered") &&
    (e.to === "connected" || e.to === "abandoned")
      ? [e]
      : [],
  );
  const waits = (from: number) => {
    const counts = emptyWaits();
    for (const e of ends) {
      if (e.at > from && e.at <= now)
        addWait(counts, e.to === "connected", e.at - e.enqueuedAt, thresholdOf(tenantId, e.queueId));
    }
    return counts;
  };
  const own = queues.filter((q) => q.tenantId === tenantId);
  const handle = { handled: 0, handleMs: 0 };
  for (const q of own) {
    if (q.ahtMs === null) continue;
    // Recover the integer totals the per-queue figures were computed from.
    const handled = countHandled(mine, q.queueId, day);
    handle.handled += handled.handled;
    handle.handleMs += handled.handleMs;
  }
  const statuses = new Map<string, { status: AgentStatus; since: number }>();
  let workingMs = 0;
  let readyMs = 0;
  const account = (status: AgentStatus, since: number, until: number) => {
    const role = occupancyRole(status);
    const spent = until - Math.max(since, day);
    if (spent <= 0 && since < day) return;
    if (role.working) workingMs += spent;
    if (role.ready) readyMs += spent;
  };
  for (const e of mine) {
    if (e.type !== "agent_state_changed") continue;
    const previous = statuses.get(e.agentId);
    if (previous !== undefined) account(previous.status, previous.since, e.at);
    statuses.set(e.agentId, { status: e.to, since: e.at });
  }
  const byState: Record<string, number> = {};
  for (const { status, since } of statuses.values()) {
    account(status, since, now);
    const label = stateLabel(status);
    byState[label] = (byState[label] ?? 0) + 1;
  }
  return {
    tenantId,
    waiting: own.reduce((n, q) => n + q.waiting, 0),
    longestWaitMs: own.reduce((n, q) => Math.max(n, q.longestWaitMs), 0),
    ...summarise(waits(day - 1), waits(now - WINDOW_15M), waits(now - WINDOW_30M), handle),
    agentsByState: Object.fromEntries(Object.entries(byState).sort(([a], [b]) => (a < b ? -1 : 1))),
    occupancy: occupancy(workingMs, readyMs),
  };
}

function countHandled(events: readonly RoutingEvent[], queueId: string, day: number) {
  const handle = { handled: 0, handleMs: 0 };
  const connectedAt = new Map<string, number>();
  for (const e of events) {
    if (e.type !== "interaction_transitioned") continue;
    if (e.to === "connected") connectedAt.set(e.interactionId, e.at);
    if (e.from === "wrap_up" && e.queueId === queueId && e.at >= day) {
      const at = connectedAt.get(e.interactionId);
      if (at === undefined) continue;
      handle.handled++;
      handle.handleMs += e.at - at;
    }
  }
  return handle;
}
