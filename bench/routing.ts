/**
 * Routing benchmark: a synthetic center (10,000 agents, 200 queues, 50 skills, 50,000 waiting contacts) then a
 * seeded stream of 1,000,000 events, timed one `apply` at a time. The reference router is restored from the
 * same starting snapshot and fed the same stream until its time budget runs out, for the speedup figure.
 */
import {
  type AgentProfile,
  type Channel,
  type QueueConfig,
  type RoutingCommand,
  RoutingEngine,
  type RoutingEvent,
  type RoutingPolicy,
  VOICE_OR_CHATS,
} from "@sentra/core";
import { measureE2e } from "./routing-e2e.js";

export interface RoutingWorkload {
  readonly agents: number;
  readonly queues: number;
  readonly skills: number;
  readonly tenants: number;
  readonly waiting: number;
  readonly events: number;
  readonly seed: number;
  /** Wall-clock budget for the reference router's run. */
  readonly referenceBudgetMs: number;
  readonly referenceMaxEvents: number;
}

export const DEFAULT_WORKLOAD: RoutingWorkload = {
  agents: 10_000,
  queues: 200,
  skills: 50,
  tenants: 4,
  waiting: 50_000,
  events: 1_000_000,
  seed: 20_240_817,
  referenceBudgetMs: 20_000,
  referenceMaxEvents: 2_000,
};

/** mulberry32: tiny, fast and good enough to make every run of the benchmark identical. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Ref {
  readonly tenantId: string;
  readonly id: string;
  readonly agentId?: string;
}

/**
 * A set of refs with O(1) add, delete and uniform random pick. Indexed by tenant, then id, so the simulator's
 * own bookkeeping builds no key strings per event: it must not weigh on the engine's figures.
 */
class Bag {
  readonly #items: Ref[] = [];
  readonly #index = new Map<string, Map<string, number>>();
  get size(): number {
    return this.#items.length;
  }
  #slots(tenantId: string): Map<string, number> {
    let slots = this.#index.get(tenantId);
    if (slots === undefined) {
      slots = new Map();
      this.#index.set(tenantId, slots);
    }
    return slots;
  }
  add(item: Ref): void {
    const slots = this.#slots(item.tenantId);
    if (slots.has(item.id)) return;
    slots.set(item.id, this.#items.length);
    this.#items.push(item);
  }
  has(tenantId: string, id: string): boolean {
    return this.#index.get(tenantId)?.has(id) === true;
  }
  delete(tenantId: string, id: string): void {
    const slots = this.#index.get(tenantId);
    const at = slots?.get(id);
    if (slots === undefined || at === undefined) return;
    const last = this.#items.pop()!;
    slots.delete(id);
    if (at < this.#items.length) {
      this.#items[at] = last;
      this.#slots(last.tenantId).set(last.id, at);
    }
  }
  clone(): Bag {
    const copy = new Bag();
    for (const item of this.#items) copy.add(item);
    return copy;
  }
  pick(random: () => number): Ref | undefined {
    return this.#items[Math.floor(random() * this.#items.length)];
  }
}

interface Center {
  readonly queues: QueueConfig[];
  readonly agents: AgentProfile[];
}

function buildCenter(w: RoutingWorkload, random: () => number): Center {
  const policies: RoutingPolicy[] = ["longest_idle", "most_skilled", "least_occupied", "round_robin"];
  const channels: Channel[] = ["voice", "chat", "chat", "email"];
  const teamsPerTenant = Math.max(1, Math.floor(w.queues / w.tenants / 2));
  const queues: QueueConfig[] = [];
  for (let q = 0; q < w.queues; q++) {
    const tenantId = `t${q % w.tenants}`;
    const team = `team${Math.floor(q / w.tenants) % teamsPerTenant}`;
    const skill = `s${Math.floor(random() * w.skills)}`;
    queues.push({
      tenantId,
      queueId: `q${q}`,
      channels: [channels[Math.floor(q / w.tenants) % channels.length]!, "callback"],
      skills: [{ skill, minLevel: 3 + Math.floor(random() * 4) }],
      teamIds: [team],
      policy: policies[q % policies.length]!,
      priority: q % 7 === 0 ? 1 : 0,
      maxWaitMs: 900_000,
      overflow: { type: "callback" },
      relaxation: [
        { afterMs: 30_000, maxRequiredLevel: 3 },
        { afterMs: 60_000, anyAgent: true },
      ],
      offerTimeoutMs: 60_000,
      wrapUpLimitMs: 30_000,
      rejectCooldownMs: 30_000,
    });
  }
  const teamSkills = new Map<string, string[]>();
  for (const queue of queues) {
    const key = `${queue.tenantId}/${queue.teamIds![0]}`;
    teamSkills.set(key, [...(teamSkills.get(key) ?? []), ...(queue.skills ?? []).map((r) => r.skill)]);
  }
  const agents: AgentProfile[] = [];
  for (let a = 0; a < w.agents; a++) {
    const tenant = a % w.tenants;
    const team = `team${Math.floor(a / w.tenants) % teamsPerTenant}`;
    const skills: Record<string, number> = {};
    // Agents mostly have their team's skills, at any level; relaxation covers those below a queue's bar.
    for (const skill of teamSkills.get(`t${tenant}/${team}`) ?? [])
      if (random() < 0.8) skills[skill] = 1 + Math.floor(random() * 10);
    for (let s = 0; s < 3; s++) skills[`s${Math.floor(random() * w.skills)}`] = 1 + Math.floor(random() * 10);
    agents.push({
      tenantId: `t${tenant}`,
      agentId: `a${a}`,
      skills,
      languages: random() < 0.3 ? ["id", "en"] : ["id"],
      teamIds: [team],
      capacity: VOICE_OR_CHATS,
    });
  }
  return { queues, agents };
}

/** Turns the engine's output into the simulator's view: what can be accepted, completed, closed. */
class Simulator {
  offers = new Bag();
  connected = new Bag();
  wrapUps = new Bag();
  queued = new Bag();
  notReady = new Bag();
  ready = new Bag();
  decisions = 0;

  clone(): Simulator {
    const copy = new Simulator();
    copy.offers = this.offers.clone();
    copy.connected = this.connected.clone();
    copy.wrapUps = this.wrapUps.clone();
    copy.queued = this.queued.clone();
    copy.notReady = this.notReady.clone();
    copy.ready = this.ready.clone();
    copy.decisions = this.decisions;
    return copy;
  }

  observe(events: readonly RoutingEvent[]): void {
    for (const e of events) {
      switch (e.type) {
        case "offer_made":
          this.decisions++;
          this.offers.add({ tenantId: e.tenantId, id: e.interactionId, agentId: e.agentId });
          break;
        case "overflowed":
        case "relaxed":
        case "affinity_expired":
          this.decisions++;
          break;
        case "offer_withdrawn":
          if (e.reason === "offer_timeout") this.decisions++;
          this.offers.delete(e.tenantId, e.interactionId);
          break;
        case "wrap_up_closed":
          if (e.automatic) this.decisions++;
          break;
        case "interaction_transitioned": {
          const { tenantId, interactionId: id, from, to } = e;
          if (from === "offered" && to !== "queued") this.offers.delete(tenantId, id);
          if (from === "queued") this.queued.delete(tenantId, id);
          if (from === "connected") this.connected.delete(tenantId, id);
          if (from === "wrap_up") this.wrapUps.delete(tenantId, id);
          if (to === "queued") this.queued.add({ tenantId, id });
          if (to === "connected") this.connected.add({ tenantId, id });
          if (to === "wrap_up") this.wrapUps.add({ tenantId, id });
          break;
        }
        case "agent_state_changed": {
          const { tenantId, agentId: id } = e;
          if (e.to.kind === "not_ready") {
            this.ready.delete(tenantId, id);
            if (!this.notReady.has(tenantId, id)) this.notReady.add({ tenantId, id });
          } else if (e.to.kind !== "offline") {
            this.notReady.delete(tenantId, id);
            if (!this.ready.has(tenantId, id)) this.ready.add({ tenantId, id });
          }
          break;
        }
        default:
          break;
      }
    }
  }
}

/** Built only when used: the harness's own garbage would land in the engine's timings as GC. */
function tickAt(at: number): RoutingCommand {
  return { type: "clock_ticked", at, tenantId: "" };
}

/** The next event of the stream, chosen from what the simulator knows exists. */
function nextCommand(
  sim: Simulator,
  random: () => number,
  at: number,
  n: number,
  center: Center,
): RoutingCommand {
  const roll = random();
  if (roll < 0.22) {
    const queue = center.queues[Math.floor(random() * center.queues.length)]!;
    return {
      type: "interaction_enqueued",
      at,
      tenantId: queue.tenantId,
      interaction: {
        interactionId: `s${n}`,
        channel: queue.channels[0]!,
        queueId: queue.queueId,
        language: random() < 0.2 ? "en" : "id",
        priority: random() < 0.1 ? 1 : 0,
      },
    };
  }
  if (roll < 0.48) {
    const offer = sim.offers.pick(random);
    if (offer === undefined) return tickAt(at);
    const reject = random() < 0.05;
    return {
      type: reject ? "offer_rejected" : "offer_accepted",
      at,
      tenantId: offer.tenantId,
      interactionId: offer.id,
      agentId: offer.agentId!,
    };
  }
  if (roll < 0.66) {
    const c = sim.connected.pick(random);
    return c === undefined
      ? tickAt(at)
      : { type: "interaction_completed", at, tenantId: c.tenantId, interactionId: c.id };
  }
  if (roll < 0.82) {
    const w = sim.wrapUps.pick(random);
    return w === undefined
      ? tickAt(at)
      : { type: "wrap_up_closed", at, tenantId: w.tenantId, interactionId: w.id, disposition: "resolved" };
  }
  if (roll < 0.92) {
    const a = sim.notReady.pick(random);
    return a === undefined
      ? tickAt(at)
      : { type: "agent_state_set", at, tenantId: a.tenantId, agentId: a.id, state: "available" };
  }
  if (roll < 0.96) {
    const a = sim.ready.pick(random);
    return a === undefined
      ? tickAt(at)
      : { type: "agent_state_set", at, tenantId: a.tenantId, agentId: a.id, state: { notReady: "break" } };
  }
  const q = sim.queued.pick(random);
  return q === undefined
    ? tickAt(at)
    : { type: "interaction_abandoned", at, tenantId: q.tenantId, interactionId: q.id };
}

function setUp(
  engine: RoutingEngine,
  sim: Simulator,
  w: RoutingWorkload,
  center: Center,
  random: () => number,
): number {
  let at = 1_700_000_000_000;
  for (const queue of center.queues) engine.upsertQueue({ at, tenantId: queue.tenantId, queue });
  for (const profile of center.agents) {
    sim.observe(engine.agentLogin({ at, tenantId: profile.tenantId, profile, state: { notReady: "break" } }));
  }
  // Contacts arrive over the last ten minutes while nobody is ready, so the backlog has mixed wait times.
  for (let i = 0; i < w.waiting; i++) {
    at += Math.floor(random() * 24);
    const queue = center.queues[Math.floor(random() * center.queues.length)]!;
    sim.observe(
      engine.enqueue({
        at,
        tenantId: queue.tenantId,
        interaction: {
          interactionId: `w${i}`,
          channel: queue.channels[0]!,
          queueId: queue.queueId,
          language: random() < 0.2 ? "en" : "id",
        },
      }),
    );
  }
  return at;
}

interface StreamResult {
  readonly events: number;
  readonly decisions: number;
  readonly totalNs: number;
  readonly latenciesNs: Float64Array;
  readonly peakHeapBytes: number;
}

function stream(
  engine: RoutingEngine,
  sim: Simulator,
  center: Center,
  seed: number,
  startAt: number,
  maxEvents: number,
  budgetMs: number,
): StreamResult {
  const random = rng(seed);
  const latencies = new Float64Array(maxEvents);
  let totalMs = 0;
  let at = startAt;
  let peakHeap = process.memoryUsage().heapUsed;
  const startDecisions = sim.decisions;
  const deadline = performance.now() + budgetMs;
  // The slow reference checks its budget after every event, the fast run only now and then.
  const checkMask = Number.isFinite(budgetMs) ? 0 : 16_383;
  let n = 0;
  for (; n < maxEvents; n++) {
    at += Math.floor(random() * 2);
    const command = nextCommand(sim, random, at, n, center);
    // performance.now, not hrtime.bigint: two BigInts per event were the harness's own garbage.
    const started = performance.now();
    const events = engine.apply(command);
    const took = performance.now() - started;
    totalMs += took;
    latencies[n] = took * 1e6;
    sim.observe(events);
    if ((n & checkMask) === 0) {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if (performance.now() > deadline) {
        n++;
        break;
      }
    }
  }
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  return {
    events: n,
    decisions: sim.decisions - startDecisions,
    totalNs: totalMs * 1e6,
    latenciesNs: latencies.subarray(0, n),
    peakHeapBytes: peakHeap,
  };
}

function percentileUs(sorted: Float64Array, p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? 0) / 10) / 100;
}

export interface RoutingFigures {
  bench: "routing";
  agents: number;
  waiting: number;
  events: number;
  decisions_per_sec: number;
  p50_us: number;
  p99_us: number;
  max_us: number;
  peak_heap_mb: number;
  reference_decisions_per_sec: number;
  speedup: number;
  [extra: string]: unknown;
}

/** Runs the whole benchmark and returns its figures; `run` prints them. Others may extend the object. */
export async function measureRouting(
  w: RoutingWorkload = DEFAULT_WORKLOAD,
  log = console.error,
): Promise<RoutingFigures> {
  const random = rng(w.seed);
  const center = buildCenter(w, random);
  const fast = new RoutingEngine();
  const sim = new Simulator();
  const setupStarted = performance.now();
  const startAt = setUp(fast, sim, w, center, random);
  log(
    `set up ${w.agents} agents, ${w.queues} queues, ${w.waiting} waiting in ${Math.round(performance.now() - setupStarted)} ms`,
  );

  // The reference starts from the very same state and is fed the very same stream.
  // The reference runs first, from a snapshot of the very same state and on the very same stream; it is
  // dropped before the fast run so its copy of the center does not weigh on the fast run's heap and GC.
  const refResult = (() => {
    const reference = RoutingEngine.restore(fast.snapshot(), { router: "reference" });
    return stream(
      reference,
      sim.clone(),
      center,
      w.seed + 1,
      startAt,
      w.referenceMaxEvents,
      w.referenceBudgetMs,
    );
  })();
  const refSeconds = refResult.totalNs / 1e9;
  log(
    `reference: ${refResult.events} events, ${refResult.decisions} decisions in ${refSeconds.toFixed(2)} s`,
  );

  const result = stream(fast, sim, center, w.seed + 1, startAt, w.events, Number.POSITIVE_INFINITY);
  const seconds = result.totalNs / 1e9;
  const sorted = Float64Array.from(result.latenciesNs).sort();
  log(
    `indexed: ${result.events} events, ${result.decisions} decisions in ${seconds.toFixed(2)} s of engine time`,
  );

  const decisionsPerSec = result.decisions / seconds;
  const referenceDecisionsPerSec = refResult.decisions / refSeconds;
  return {
    bench: "routing",
    agents: w.agents,
    waiting: w.waiting,
    events: result.events,
    decisions_per_sec: Math.round(decisionsPerSec),
    events_per_sec: Math.round(result.events / seconds),
    p50_us: percentileUs(sorted, 50),
    p99_us: percentileUs(sorted, 99),
    max_us: Math.round((sorted[sorted.length - 1] ?? 0) / 1000),
    peak_heap_mb: Math.round(result.peakHeapBytes / 1_048_576),
    reference_events: refResult.events,
    reference_decisions_per_sec: Math.round(referenceDecisionsPerSec * 100) / 100,
    speedup: Math.round(decisionsPerSec / referenceDecisionsPerSec),
  };
}

/**
 * `ROUTING_BENCH_EVENTS` and `ROUTING_BENCH_REFERENCE_MS` shorten a run while tuning on a busy machine; the
 * reported figures always come from the default workload.
 */
function workloadFromEnv(): RoutingWorkload {
  const events = Number(process.env.ROUTING_BENCH_EVENTS ?? DEFAULT_WORKLOAD.events);
  const referenceBudgetMs = Number(
    process.env.ROUTING_BENCH_REFERENCE_MS ?? DEFAULT_WORKLOAD.referenceBudgetMs,
  );
  return { ...DEFAULT_WORKLOAD, events, referenceBudgetMs };
}

export async function run(): Promise<void> {
  const figures = await measureRouting(workloadFromEnv());
  // The whole path a user feels, on the embedded store and (when reachable) on PostgreSQL: see routing-e2e.ts.
  console.log(JSON.stringify({ ...figures, ...(await measureE2e()) }));
}
