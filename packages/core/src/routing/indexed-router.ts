import { canTake, hasSpareCapacity } from "./capacity.js";
import { type AgentRec, type Center, type InteractionRec, type QueueRec, scopedKey } from "./center-state.js";
import { MinHeap } from "./deadline-heap.js";
import { compareDeadlines, DEADLINE_KINDS, type Deadline, deadlineTimes } from "./deadlines.js";
import { isBlocked, isEligible, meetsRequirements, servesQueue } from "./eligibility.js";
import { anyEligible, type Match, rankEligible } from "./policies.js";
import { compareWaiting } from "./queue-order.js";
import type { Router } from "./router.js";
import { SortedList } from "./sorted-list.js";
import { CHANNELS, type Channel, type Requirements, type TenantId } from "./types.js";

/** Where a queued interaction sits; its sort keys are frozen here so it can be found again after changes. */
interface Placement {
  readonly rec: InteractionRec;
  readonly rank: number;
  readonly enqueuedAt: number;
  readonly seq: number;
  readonly list: SortedList<Placement>;
  readonly owner: Map<string, SortedList<Placement>> | Map<string, Bucket>;
  readonly ownerKey: string;
}

/** Queued interactions of one queue that need exactly the same: checked once per agent, not per item. */
interface Bucket {
  readonly channel: Channel;
  readonly requirements: Requirements;
  readonly list: SortedList<Placement>;
}

interface QueueIndex {
  readonly rec: QueueRec;
  /** Buckets by channel, then by requirements key. */
  readonly buckets: Map<Channel, Map<string, Bucket>>;
  /** Members (by team) who can take one more interaction on one of the queue's channels right now. */
  readonly routable: Set<AgentRec>;
}

interface AgentIndex {
  queues: QueueIndex[];
  /** Per entry of `queues`: whether the agent is in that queue's routable set. */
  inRoutable: boolean[];
  routable: boolean;
  loggedIn: boolean;
}

const byLine = (a: Placement, b: Placement): number => compareWaiting(a, b);

/**
 * The production router. It relies on one invariant: after every settle no eligible pair is left, so a new
 * pair can only involve something that changed since. Changed interactions and agents are kept as "dirty";
 * `nextMatch` looks only at them, through per-queue buckets and per-queue sets of routable agents.
 */
export class IndexedRouter implements Router {
  readonly kind = "indexed";
  readonly #center: Center;
  readonly #queues = new Map<string, QueueIndex>();
  readonly #tenantQueues = new Map<TenantId, QueueIndex[]>();
  readonly #agents = new Map<string, AgentIndex>();
  readonly #placed = new Map<string, Placement>();
  /** Interactions held for a logged-in preferred agent, by that agent's key. */
  readonly #affinityLists = new Map<string, SortedList<Placement>>();
  /** Every queued interaction with an open affinity window, by preferred agent key, logged in or not. */
  readonly #affinityWatch = new Map<string, Set<InteractionRec>>();
  readonly #watchedBy = new Map<InteractionRec, string>();
  /** Scheduled due time per kind and interaction (NaN = none); a heap entry is live only if it matches. */
  readonly #deadlines = new Map<string, Deadline>();
  readonly #scratch = new Float64Array(DEADLINE_KINDS.length);
  readonly #heap = new MinHeap<Deadline>(compareDeadlines);
  readonly #dirtyInteractions = new Set<InteractionRec>();
  readonly #dirtyAgents = new Set<AgentRec>();

  constructor(center: Center) {
    this.#center = center;
  }

  interactionChanged(interaction: InteractionRec): void {
    this.#unplace(interaction);
    if (interaction.state === "queued") {
      this.#place(interaction);
      this.#dirtyInteractions.add(interaction);
    }
    this.#refreshDeadlines(interaction);
  }

  interactionRemoved(interaction: InteractionRec): void {
    this.#unplace(interaction);
    this.#deadlines.delete(interaction.key);
    this.#dirtyInteractions.delete(interaction);
  }

  agentChanged(agent: AgentRec, profileChanged: boolean): void {
    let index = this.#agents.get(agent.key);
    if (index === undefined) {
      index = { queues: [], inRoutable: [], routable: false, loggedIn: false };
      this.#agents.set(agent.key, index);
      profileChanged = true;
    }
    if (profileChanged) this.#recomputeMembership(agent, index);
    const capacity = agent.profile.capacity;
    const routable =
      agent.presence.kind === "ready" &&
      agent.offer === undefined &&
      hasSpareCapacity(capacity, agent.load, CHANNELS);
    index.routable = routable;
    for (let q = 0; q < index.queues.length; q++) {
      const queue = index.queues[q]!;
      const fits = routable && hasSpareCapacity(capacity, agent.load, queue.rec.config.channels);
      if (fits === index.inRoutable[q]) continue;
      index.inRoutable[q] = fits;
      if (fits) queue.routable.add(agent);
      else queue.routable.delete(agent);
    }
    const loggedIn = agent.presence.kind !== "offline";
    if (loggedIn !== index.loggedIn) {
      index.loggedIn = loggedIn;
      // Whether the agent is logged in decides whether their preferred interactions wait for them.
      for (const interaction of [...(this.#affinityWatch.get(agent.key) ?? [])])
        this.interactionChanged(interaction);
    }
    if (routable) this.#dirtyAgents.add(agent);
    else this.#dirtyAgents.delete(agent);
  }

  queueChanged(queue: QueueRec): void {
    if (!this.#queues.has(queue.key)) {
      const index: QueueIndex = { rec: queue, buckets: new Map(), routable: new Set() };
      this.#queues.set(queue.key, index);
      const list = this.#tenantQueues.get(queue.config.tenantId) ?? [];
      list.push(index);
      this.#tenantQueues.set(queue.config.tenantId, list);
    }
    for (const agent of this.#center.agents.values()) {
      if (agent.tenantId === queue.config.tenantId) this.agentChanged(agent, true);
    }
  }

  nextMatch(now: number): Match | undefined {
    let best: Placement | undefined;
    for (const interaction of this.#dirtyInteractions) {
      const placement = this.#placed.get(interaction.key);
      if (
        placement === undefined ||
        !anyEligible(
          this.#center,
          interaction,
          this.#candidatesOf(interaction),
          this.#eligibility(interaction),
        )
      ) {
        // The pool only shrinks while settling, so what has no partner now gets none until something changes.
        this.#dirtyInteractions.delete(interaction);
        continue;
      }
      if (best === undefined || compareWaiting(placement, best) < 0) best = placement;
    }
    for (const agent of this.#dirtyAgents) {
      const placement = this.#bestFor(agent);
      if (placement === undefined) {
        this.#dirtyAgents.delete(agent);
        continue;
      }
      if (best === undefined || compareWaiting(placement, best) < 0) best = placement;
    }
    if (best === undefined) return undefined;
    const rec = best.rec;
    return rankEligible(this.#center, rec, this.#candidatesOf(rec), now, this.#eligibility(rec));
  }

  takeDue(limit: number): Deadline | undefined {
    const next = this.#peek();
    if (next === undefined || next.at > limit) return undefined;
    this.#heap.pop();
    // Forget it as scheduled, so that if handling it leaves an equal deadline, that one is pushed again.
    this.#deadlines.delete(next.key);
    return next;
  }

  nextDeadline(): number | undefined {
    return this.#peek()?.at;
  }

  rebuild(): void {
    this.#queues.clear();
    this.#tenantQueues.clear();
    this.#agents.clear();
    this.#placed.clear();
    this.#affinityLists.clear();
    this.#affinityWatch.clear();
    this.#watchedBy.clear();
    this.#deadlines.clear();
    while (this.#heap.size > 0) this.#heap.pop();
    this.#dirtyAgents.clear();
    this.#dirtyInteractions.clear();
    for (const queue of this.#center.queues.values()) this.queueChanged(queue);
    for (const interaction of this.#center.interactions.values()) this.interactionChanged(interaction);
  }

  /** Agents who could be eligible for `interaction`: its preferred agent while held, else the queue's routable. */
  /**
   * `isEligible`, minus what membership of a queue's routable set already guarantees (tenant, team, ready, no
   * offer ringing). Held interactions keep the full check: their one candidate comes from outside the set.
   */
  #eligibility(interaction: InteractionRec): (agent: AgentRec) => boolean {
    if (this.#center.affinityHolds(interaction))
      return (agent) => isEligible(this.#center, agent, interaction);
    if (!this.#center.queueOf(interaction).config.channels.includes(interaction.channel)) return () => false;
    const { channel, requirements } = interaction;
    return (agent) =>
      canTake(agent.profile.capacity, agent.load, channel) &&
      !isBlocked(interaction, agent) &&
      meetsRequirements(agent.profile, requirements);
  }

  #candidatesOf(interaction: InteractionRec): Iterable<AgentRec> {
    if (this.#center.affinityHolds(interaction)) {
      const agent = this.#center.agents.get(scopedKey(interaction.tenantId, interaction.affinity!.agentId));
      return agent === undefined ? [] : [agent];
    }
    return this.#queues.get(this.#center.queueOf(interaction).key)?.routable ?? [];
  }

  /** First in line among what `agent` could take: its held interactions, then each bucket's first. */
  #bestFor(agent: AgentRec): Placement | undefined {
    const index = this.#agents.get(agent.key);
    if (index === undefined || !index.routable) return undefined;
    let best: Placement | undefined;
    const held = this.#affinityLists.get(agent.key);
    if (held !== undefined) {
      for (const placement of held) {
        if (isEligible(this.#center, agent, placement.rec)) {
          best = placement;
          break;
        }
      }
    }
    const capacity = agent.profile.capacity;
    // Plain loops, no iterator objects: this runs for every agent that frees up.
    for (const queue of index.queues) {
      for (const buckets of queue.buckets.values()) {
        if (buckets.size === 0) continue;
        let fits: boolean | undefined;
        for (const bucket of buckets.values()) {
          const list = bucket.list;
          const head = list.first();
          if (head === undefined || (best !== undefined && compareWaiting(head, best) > 0)) continue;
          fits ??= canTake(capacity, agent.load, bucket.channel);
          if (!fits) break;
          if (!meetsRequirements(agent.profile, bucket.requirements)) continue;
          for (let n = 0; n < list.size; n++) {
            const placement = list.at(n)!;
            if (best !== undefined && compareWaiting(placement, best) > 0) break;
            if (!isBlocked(placement.rec, agent)) {
              best = placement;
              break;
            }
          }
        }
      }
    }
    return best;
  }

  #recomputeMembership(agent: AgentRec, index: AgentIndex): void {
    for (const queue of index.queues) queue.routable.delete(agent);
    index.queues = (this.#tenantQueues.get(agent.tenantId) ?? []).filter((q) =>
      servesQueue(agent.profile, q.rec.config),
    );
    // The caller works out routability per queue right after.
    index.inRoutable = index.queues.map(() => false);
  }

  #place(interaction: InteractionRec): void {
    const affinity = interaction.affinity;
    if (affinity !== undefined) {
      const agentKey = scopedKey(interaction.tenantId, affinity.agentId);
      const watchers = this.#affinityWatch.get(agentKey) ?? new Set();
      watchers.add(interaction);
      this.#affinityWatch.set(agentKey, watchers);
      this.#watchedBy.set(interaction, agentKey);
      if (this.#center.affinityHolds(interaction)) {
        let list = this.#affinityLists.get(agentKey);
        if (list === undefined) {
          list = new SortedList(byLine);
          this.#affinityLists.set(agentKey, list);
        }
        this.#insert(interaction, list, this.#affinityLists, agentKey);
        return;
      }
    }
    const queue = this.#queues.get(this.#center.queueOf(interaction).key)!;
    const bucketKey = interaction.requirements.key;
    let buckets = queue.buckets.get(interaction.channel);
    if (buckets === undefined) {
      buckets = new Map();
      queue.buckets.set(interaction.channel, buckets);
    }
    let bucket = buckets.get(bucketKey);
    if (bucket === undefined) {
      bucket = {
        channel: interaction.channel,
        requirements: interaction.requirements,
        list: new SortedList(byLine),
      };
      buckets.set(bucketKey, bucket);
    }
    this.#insert(interaction, bucket.list, buckets, bucketKey);
  }

  #insert(
    rec: InteractionRec,
    list: SortedList<Placement>,
    owner: Placement["owner"],
    ownerKey: string,
  ): void {
    const placement: Placement = {
      rec,
      rank: rec.rank,
      enqueuedAt: rec.enqueuedAt,
      seq: rec.seq,
      list,
      owner,
      ownerKey,
    };
    list.insert(placement);
    this.#placed.set(rec.key, placement);
  }

  #unplace(interaction: InteractionRec): void {
    const placement = this.#placed.get(interaction.key);
    if (placement === undefined) return;
    this.#placed.delete(interaction.key);
    placement.list.remove(placement);
    if (placement.list.size === 0) placement.owner.delete(placement.ownerKey);
    const agentKey = this.#watchedBy.get(interaction);
    if (agentKey === undefined) return;
    this.#watchedBy.delete(interaction);
    const watchers = this.#affinityWatch.get(agentKey);
    if (watchers?.delete(interaction) && watchers.size === 0) this.#affinityWatch.delete(agentKey);
  }

  /** Only each interaction's earliest timer sits in the heap; the next is pushed once that one is handled. */
  #refreshDeadlines(interaction: InteractionRec): void {
    const times = this.#scratch;
    deadlineTimes(interaction, this.#center.queueOf(interaction).config, times);
    let kind = -1;
    for (let k = 0; k < times.length; k++) {
      const at = times[k]!;
      if (!Number.isNaN(at) && (kind < 0 || at < times[kind]!)) kind = k;
    }
    const current = this.#deadlines.get(interaction.key);
    if (kind < 0) {
      if (current !== undefined) this.#deadlines.delete(interaction.key);
      return;
    }
    const at = times[kind]!;
    if (current !== undefined && current.at === at && current.kind === DEADLINE_KINDS[kind]) return;
    const deadline: Deadline = { at, kind: DEADLINE_KINDS[kind]!, key: interaction.key };
    this.#deadlines.set(interaction.key, deadline);
    this.#heap.push(deadline);
  }

  #peek(): Deadline | undefined {
    for (;;) {
      const top = this.#heap.peek();
      if (top === undefined) return undefined;
      if (this.#deadlines.get(top.key) === top) return top;
      this.#heap.pop();
    }
  }
}
