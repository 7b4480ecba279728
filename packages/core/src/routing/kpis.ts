import type { AgentStatus } from "./agent-state.js";
import type { RoutingEvent } from "./events.js";
import {
  addWait,
  DEFAULT_THRESHOLD_MS,
  emptyWaits,
  type HandleCounts,
  type KpiOptions,
  type KpiReport,
  occupancy,
  occupancyRole,
  type QueueKpis,
  stateLabel,
  summarise,
  sumWaits,
  type TenantKpis,
  utcDayStart,
  type WaitCounts,
  WINDOW_15M,
  WINDOW_30M,
} from "./kpi-math.js";

interface WaitEnd {
  readonly at: number;
  readonly waitMs: number;
  readonly answered: boolean;
}

/** A time-ordered list of ended waits with running sums over a trailing window. */
class Window {
  readonly #spanMs: number;
  #head = 0;
  readonly sums = emptyWaits();
  constructor(spanMs: number) {
    this.#spanMs = spanMs;
  }
  add(end: WaitEnd, thresholdMs: number): void {
    addWait(this.sums, end.answered, end.waitMs, thresholdMs);
  }
  /** Drops ends older than the window; `ends` is shared by both windows of a queue. */
  advance(ends: readonly WaitEnd[], now: number, thresholdMs: number): void {
    while (this.#head < ends.length && ends[this.#head]!.at <= now - this.#spanMs) {
      const end = ends[this.#head++]!;
      addWait(this.sums, end.answered, end.waitMs, thresholdMs, -1);
    }
  }
  get head(): number {
    return this.#head;
  }
  shift(by: number): void {
    this.#head -= by;
  }
}

interface QueueAcc {
  readonly tenantId: string;
  readonly queueId: string;
  readonly waiting: Map<string, number>;
  day: number;
  today: WaitCounts;
  handle: HandleCounts;
  ends: WaitEnd[];
  readonly w15: Window;
  readonly w30: Window;
}

interface TenantAcc {
  day: number;
  workingMs: number;
  readyMs: number;
  readonly byState: Map<string, number>;
}

interface AgentAcc {
  readonly tenantId: string;
  status: AgentStatus;
  since: number;
}

/**
 * Live KPIs, folded event by event from the engine's output: O(1) per event, and a read costs O(queues +
 * logged agents). `kpi-reference.ts` recomputes the same figures from the whole list, as the check.
 */
export class KpiAccumulator {
  readonly #dayStartOf: (tenantId: string, at: number) => number;
  readonly #thresholdMs: (tenantId: string, queueId: string) => number;
  readonly #queues = new Map<string, QueueAcc>();
  readonly #tenants = new Map<string, TenantAcc>();
  readonly #agents = new Map<string, AgentAcc>();
  readonly #connectedAt = new Map<string, number>();

  constructor(options: KpiOptions = {}) {
    this.#dayStartOf = options.dayStartOf ?? utcDayStart;
    this.#thresholdMs = options.thresholdMs ?? (() => DEFAULT_THRESHOLD_MS);
  }

  apply(event: RoutingEvent): void {
    if (event.type === "agent_state_changed") {
      this.#agentChanged(event.tenantId, event.agentId, event.to, event.at);
      return;
    }
    if (event.type !== "interaction_transitioned") return;
    const queue = this.#queue(event.tenantId, event.queueId, event.at);
    const key = `${event.tenantId}/${event.interactionId}`;
    const wasWaiting = event.from === "queued" || event.from === "offered";
    const isWaiting = event.to === "queued" || event.to === "offered";
    if (isWaiting && !wasWaiting) queue.waiting.set(key, event.enqueuedAt);
    if (wasWaiting && !isWaiting) {
      queue.waiting.delete(key);
      if (event.to === "connected" || event.to === "abandoned") {
        const end = { at: event.at, waitMs: event.at - event.enqueuedAt, answered: event.to === "connected" };
        const threshold = this.#thresholdMs(event.tenantId, event.queueId);
        addWait(queue.today, end.answered, end.waitMs, threshold);
        queue.ends.push(end);
        queue.w15.add(end, threshold);
        queue.w30.add(end, threshold);
      }
    }
    if (event.to === "connected") this.#connectedAt.set(key, event.at);
    if (event.from === "connected" && event.to !== "wrap_up") this.#connectedAt.delete(key);
    if (event.from === "wrap_up") {
      const connectedAt = this.#connectedAt.get(key);
      this.#connectedAt.delete(key);
      if (connectedAt !== undefined) {
        queue.handle.handled++;
        queue.handle.handleMs += event.at - connectedAt;
      }
    }
  }

  read(now: number): KpiReport {
    const queues: QueueKpis[] = [];
    const tenants = new Map<
      string,
      { waits: [WaitCounts, WaitCounts, WaitCounts]; handle: HandleCounts; waiting: number; oldest: number }
    >();
    for (const q of this.#queues.values()) {
      const threshold = this.#thresholdMs(q.tenantId, q.queueId);
      q.w15.advance(q.ends, now, threshold);
      q.w30.advance(q.ends, now, threshold);
      this.#compact(q);
      const isToday = this.#dayStartOf(q.tenantId, now) === q.day;
      const today = isToday ? q.today : emptyWaits();
      const handle = isToday ? q.handle : { handled: 0, handleMs: 0 };
      const oldest = q.waiting.values().next();
      const longest = oldest.done ? 0 : now - oldest.value;
      queues.push({
        tenantId: q.tenantId,
        queueId: q.queueId,
        waiting: q.waiting.size,
        longestWaitMs: longest,
        ...summarise(today, q.w15.sums, q.w30.sums, handle),
      });
      const t = tenants.get(q.tenantId) ?? {
        waits: [emptyWaits(), emptyWaits(), emptyWaits()],
        handle: { handled: 0, handleMs: 0 },
        waiting: 0,
        oldest: 0,
      };
      sumWaits(t.waits[0], today);
      sumWaits(t.waits[1], q.w15.sums);
      sumWaits(t.waits[2], q.w30.sums);
      t.handle.handled += handle.handled;
      t.handle.handleMs += handle.handleMs;
      t.waiting += q.waiting.size;
      t.oldest = Math.max(t.oldest, longest);
      tenants.set(q.tenantId, t);
    }
    const tenantIds = new Set([...tenants.keys(), ...this.#tenants.keys()]);
    const tenantKpis: TenantKpis[] = [...tenantIds].sort().map((tenantId) => {
      const t = tenants.get(tenantId);
      const waits = t?.waits ?? [emptyWaits(), emptyWaits(), emptyWaits()];
      const { workingMs, readyMs, byState } = this.#agentFigures(tenantId, now);
      return {
        tenantId,
        waiting: t?.waiting ?? 0,
        longestWaitMs: t?.oldest ?? 0,
        ...summarise(waits[0], waits[1], waits[2], t?.handle ?? { handled: 0, handleMs: 0 }),
        agentsByState: byState,
        occupancy: occupancy(workingMs, readyMs),
      };
    });
    const order = (q: QueueKpis) => `${q.tenantId}/${q.queueId}`;
    queues.sort((a, b) => (order(a) < order(b) ? -1 : 1));
    return { queues, tenants: tenantKpis };
  }

  #queue(tenantId: string, queueId: string, at: number): QueueAcc {
    const key = `${tenantId}/${queueId}`;
    let q = this.#queues.get(key);
    const day = this.#dayStartOf(tenantId, at);
    if (q === undefined) {
      q = {
        tenantId,
        queueId,
        waiting: new Map(),
        day,
        today: emptyWaits(),
        handle: { handled: 0, handleMs: 0 },
        ends: [],
        w15: new Window(WINDOW_15M),
        w30: new Window(WINDOW_30M),
      };
      this.#queues.set(key, q);
    } else if (q.day !== day) {
      q.day = day;
      q.today = emptyWaits();
      q.handle = { handled: 0, handleMs: 0 };
    }
    return q;
  }

  #compact(q: QueueAcc): void {
    // The 30-minute window trails the 15-minute one; what both have passed is dropped in bulk.
    const drop = Math.min(q.w15.head, q.w30.head);
    if (drop < 1024 || drop * 2 < q.ends.length) return;
    q.ends = q.ends.slice(drop);
    q.w15.shift(drop);
    q.w30.shift(drop);
  }

  #tenant(tenantId: string, day: number): TenantAcc {
    let t = this.#tenants.get(tenantId);
    if (t === undefined) {
      t = { day, workingMs: 0, readyMs: 0, byState: new Map() };
      this.#tenants.set(tenantId, t);
    } else if (t.day !== day) {
      t.day = day;
      t.workingMs = 0;
      t.readyMs = 0;
    }
    return t;
  }

  #agentChanged(tenantId: string, agentId: string, to: AgentStatus, at: number): void {
    const day = this.#dayStartOf(tenantId, at);
    const tenant = this.#tenant(tenantId, day);
    const key = `${tenantId}/${agentId}`;
    const agent = this.#agents.get(key);
    if (agent !== undefined) {
      const role = occupancyRole(agent.status);
      const spent = at - Math.max(agent.since, day);
      if (role.working) tenant.workingMs += spent;
      if (role.ready) tenant.readyMs += spent;
      const label = stateLabel(agent.status);
      tenant.byState.set(label, (tenant.byState.get(label) ?? 1) - 1);
      agent.status = to;
      agent.since = at;
    } else {
      this.#agents.set(key, { tenantId, status: to, since: at });
    }
    const label = stateLabel(to);
    tenant.byState.set(label, (tenant.byState.get(label) ?? 0) + 1);
  }

  #agentFigures(
    tenantId: string,
    now: number,
  ): { workingMs: number; readyMs: number; byState: Record<string, number> } {
    const tenant = this.#tenants.get(tenantId);
    const day = this.#dayStartOf(tenantId, now);
    let workingMs = tenant !== undefined && tenant.day === day ? tenant.workingMs : 0;
    let readyMs = tenant !== undefined && tenant.day === day ? tenant.readyMs : 0;
    for (const agent of this.#agents.values()) {
      if (agent.tenantId !== tenantId) continue;
      const role = occupancyRole(agent.status);
      const spent = now - Math.max(agent.since, day);
      if (role.working) workingMs += spent;
      if (role.ready) readyMs += spent;
    }
    const byState: Record<string, number> = {};
    for (const [label, count] of [...(tenant?.byState ?? new Map<string, number>())].sort()) {
      if (count > 0) byState[label] = count;
    }
    return { workingMs, readyMs, byState };
  }
}
