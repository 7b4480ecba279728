import { AgentPool } from "./agent-pool.js";
import { channelBit, channelMask, spareChannels } from "./capacity.js";
import { type AgentRec, type Center, type InteractionRec, type QueueRec, scopedKey } from "./center-state.js";
import { DeadlineHeap } from "./deadline-heap.js";
import { DEADLINE_KINDS, type Deadline, deadlineTimes } from "./deadlines.js";
import { isBlocked, isEligible, servesQueue } from "./eligibility.js";
import { type Match, Ranking } from "./policies.js";
import type { Router } from "./router.js";
import {
  type AgentIndex,
  ahead,
  type Bucket,
  bucketFor,
  byLine,
  dropBucket,
  type Member,
  type Placement,
  type QueueIndex,
  slotOf,
} from "./router-records.js";
import { levelsOf, meetsNeeds, needsOf, type SkillNeed } from "./skill-match.js";
import { SortedList } from "./sorted-list.js";
import type { TenantId } from "./types.js";

/**
 * The production router. It relies on one invariant: after every settle no eligible pair is left, so a new
 * pair can only involve something that changed since. Changed interactions and agents are kept as "dirty";
 * `nextMatch` looks only at them, through per-queue buckets and per-queue sets of routable agents.
 */
export class IndexedRouter implements Router {
  readonly kind = "indexed";
  readonly #center: Center;
  readonly #tenantQueues = new Map<TenantId, QueueIndex[]>();
  /** Interactions held for a logged-in preferred agent, by that agent's key. */
  readonly #affinityLists = new Map<string, SortedList<Placement>>();
  /** Every queued interaction with an open affinity window, by preferred agent key, logged in or not. */
  readonly #affinityWatch = new Map<string, Set<InteractionRec>>();
  /** Scheduled due time per kind and interaction (NaN = none); a heap entry is live only if it matches. */
  readonly #scratch = new Float64Array(DEADLINE_KINDS.length);
  readonly #deadlines = new DeadlineHeap();
  /**
   * Changed since they were last found to have no partner. Lists with a flag on each entry, not sets: they
   * empty and refill on almost every event, and hash sets reallocate as they do.
   */
  #dirtyPlacements: Placement[] = [];
  #dirtyAgents: AgentIndex[] = [];
  readonly #ranking = new Ranking();

  constructor(center: Center) {
    this.#center = center;
  }

  interactionChanged(interaction: InteractionRec): void {
    this.#unplace(interaction);
    if (interaction.state === "queued") {
      const placement = this.#place(interaction);
      if (!placement.dirty) {
        placement.dirty = true;
        this.#dirtyPlacements.push(placement);
      }
    }
    this.#refreshDeadlines(interaction);
  }

  interactionRemoved(interaction: InteractionRec): void {
    this.#unplace(interaction);
    this.#deadlines.delete(slotOf(interaction).timer);
  }

  agentChanged(agent: AgentRec, profileChanged: boolean): void {
    let index = agent.routerSlot as AgentIndex | undefined;
    if (index === undefined) {
      index = {
        agent,
        profile: agent.profile,
        levels: new Map(),
        queues: [],
        entries: [],
        spare: 0,
        routable: false,
        loggedIn: false,
        dirty: false,
      };
      agent.routerSlot = index;
      profileChanged = true;
    }
    if (profileChanged) this.#recomputeMembership(agent, index);
    // Which channels have room, worked out once for the agent and each of their queues.
    const spare =
      agent.presence.kind === "ready" && agent.offer === undefined
        ? spareChannels(agent.profile.capacity, agent.load)
        : 0;
    const routable = spare !== 0;
    index.spare = spare;
    index.routable = routable;
    for (let q = 0; q < index.queues.length; q++) {
      const queue = index.queues[q]!;
      const fits = (spare & queue.channels) !== 0;
      const entry = index.entries[q]!;
      if (fits) queue.routable.touch(entry);
      else queue.routable.delete(entry);
    }
    const loggedIn = agent.presence.kind !== "offline";
    if (loggedIn !== index.loggedIn) {
      index.loggedIn = loggedIn;
      // Whether the agent is logged in decides whether their preferred interactions wait for them.
      for (const interaction of [...(this.#affinityWatch.get(agent.key) ?? [])])
        this.interactionChanged(interaction);
    }
    // One that stops being routable leaves the dirty list at the next `nextMatch`.
    if (routable && !index.dirty) {
      index.dirty = true;
      this.#dirtyAgents.push(index);
    }
  }

  queueChanged(queue: QueueRec): void {
    const known = queue.routerSlot as QueueIndex | undefined;
    if (known !== undefined) known.channels = channelMask(queue.config.channels);
    else {
      const index: QueueIndex = {
        rec: queue,
        channels: channelMask(queue.config.channels),
        groups: [],
        routable: new AgentPool(),
      };
      queue.routerSlot = index;
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
    // Each list is compacted as it is walked: what has no partner now gets none until something changes,
    // because the pool only shrinks while settling.
    const placements = this.#dirtyPlacements;
    let kept = 0;
    for (let n = 0; n < placements.length; n++) {
      const placement = placements[n]!;
      if (!placement.live || !this.#anyEligible(placement)) {
        placement.dirty = false;
        continue;
      }
      placements[kept++] = placement;
      if (best === undefined || ahead(placement, best)) best = placement;
    }
    placements.length = kept;
    const agents = this.#dirtyAgents;
    kept = 0;
    for (let n = 0; n < agents.length; n++) {
      const index = agents[n]!;
      const placement = this.#bestFor(index);
      if (placement === undefined) {
        index.dirty = false;
        continue;
      }
      agents[kept++] = index;
      if (best === undefined || ahead(placement, best)) best = placement;
    }
    agents.length = kept;
    return best === undefined ? undefined : this.#rank(best.rec, now);
  }

  takeDue(limit: number): Deadline | undefined {
    const next = this.#deadlines.peekAt();
    if (next === undefined || next > limit) return undefined;
    // Taken out, so that if handling it leaves an equal deadline, that one is scheduled again.
    return this.#deadlines.pop();
  }

  nextDeadline(): number | undefined {
    return this.#deadlines.peekAt();
  }

  rebuild(): void {
    for (const queue of this.#center.queues.values()) queue.routerSlot = undefined;
    this.#tenantQueues.clear();
    for (const agent of this.#center.agents.values()) agent.routerSlot = undefined;
    this.#affinityLists.clear();
    this.#affinityWatch.clear();
    this.#deadlines.clear();
    this.#dirtyAgents = [];
    this.#dirtyPlacements = [];
    for (const interaction of this.#center.interactions.values()) interaction.routerSlot = undefined;
    for (const queue of this.#center.queues.values()) this.queueChanged(queue);
    for (const interaction of this.#center.interactions.values()) this.interactionChanged(interaction);
  }

  /** The preferred agent of a held interaction (undefined when not held or unknown). */
  #holder(interaction: InteractionRec): AgentRec | undefined {
    if (!this.#center.affinityHolds(interaction)) return undefined;
    return this.#center.agents.find(interaction.tenantId, interaction.affinity!.agentId);
  }

  /**
   * The queue's routable set, or undefined when the queue no longer routes the interaction's channel. Members
   * are guaranteed the tenant, a team, ready and no offer ringing, so only channel room, blocks and
   * requirements are left to check (`#fits`).
   */
  #pool(interaction: InteractionRec): AgentPool<Member> | undefined {
    const queue = this.#center.queueOf(interaction);
    if (!queue.config.channels.includes(interaction.channel)) return undefined;
    return (queue.routerSlot as QueueIndex | undefined)?.routable;
  }

  /** `bit` is the interaction's `channelBit`, `needs` its requirements' `needsOf`: worked out once per scan. */
  #fits(interaction: InteractionRec, index: AgentIndex, bit: number, needs: readonly SkillNeed[]): boolean {
    return (
      (index.spare & bit) !== 0 &&
      !isBlocked(interaction, index.agent) &&
      meetsNeeds(index, interaction.requirements.language, needs)
    );
  }

  #anyEligible(placement: Placement): boolean {
    const interaction = placement.rec;
    if (interaction.affinity !== undefined && this.#center.affinityHolds(interaction)) {
      const holder = this.#holder(interaction);
      return holder !== undefined && isEligible(this.#center, holder, interaction);
    }
    const pool = this.#pool(interaction);
    if (pool === undefined) return false;
    // Blocks only ever rule agents out, so a bucket found barren stays barren for every one of its items.
    const bucket = placement.bucket;
    if (bucket !== undefined && bucket.barrenAt === pool.version) return false;
    const needs = needsOf(interaction.requirements);
    const bit = channelBit(interaction.channel);
    for (let n = 0; n < pool.size; n++) {
      if (this.#fits(interaction, pool.at(n).index, bit, needs)) return true;
    }
    if (bucket !== undefined && interaction.blocks.length === 0) bucket.barrenAt = pool.version;
    return false;
  }

  /** `rankEligible` over the candidates the indexes give, with the checks they leave. */
  #rank(interaction: InteractionRec, now: number): Match | undefined {
    const ranking = this.#ranking;
    ranking.start(this.#center, interaction, now);
    if (interaction.affinity !== undefined && this.#center.affinityHolds(interaction)) {
      const holder = this.#holder(interaction);
      if (holder !== undefined && isEligible(this.#center, holder, interaction)) ranking.add(holder);
      return ranking.match(interaction, "affinity");
    }
    const pool = this.#pool(interaction);
    if (pool !== undefined) {
      const needs = needsOf(interaction.requirements);
      const bit = channelBit(interaction.channel);
      for (let n = 0; n < pool.size; n++) {
        const index = pool.at(n).index;
        if (this.#fits(interaction, index, bit, needs)) ranking.add(index.agent, index.levels);
      }
    }
    return ranking.match(interaction, "policy");
  }

  /** First in line among what `agent` could take: its held interactions, then each bucket's first. */
  #bestFor(index: AgentIndex): Placement | undefined {
    if (!index.routable) return undefined;
    const agent = index.agent;
    let best: Placement | undefined;
    const held = this.#affinityLists.get(agent.key);
    if (held !== undefined) {
      for (let n = 0; n < held.size; n++) {
        const placement = held.at(n)!;
        if (isEligible(this.#center, agent, placement.rec)) {
          best = placement;
          break;
        }
      }
    }
    // Plain loops, no iterator objects: this runs for every agent that frees up.
    const queues = index.queues;
    for (let q = 0; q < queues.length; q++) {
      const groups = queues[q]!.groups;
      for (let g = 0; g < groups.length; g++) {
        const group = groups[g]!;
        const buckets = group.buckets;
        for (let b = 0; b < buckets.length; b++) {
          const bucket = buckets[b]!;
          const list = bucket.list;
          const head = list.first();
          if (head === undefined || (best !== undefined && ahead(best, head))) continue;
          if ((index.spare & group.bit) === 0) break;
          if (!meetsNeeds(index, bucket.requirements.language, bucket.needs)) continue;
          for (let n = 0; n < list.size; n++) {
            const placement = list.at(n)!;
            if (best !== undefined && ahead(best, placement)) break;
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
    index.profile = agent.profile;
    index.levels = levelsOf(agent.profile);
    for (let q = 0; q < index.queues.length; q++) index.queues[q]!.routable.delete(index.entries[q]!);
    index.queues = (this.#tenantQueues.get(agent.tenantId) ?? []).filter((q) =>
      servesQueue(agent.profile, q.rec.config),
    );
    // The caller works out routability per queue right after.
    index.entries = index.queues.map(() => ({ index, slot: -1 }));
  }

  #place(interaction: InteractionRec): Placement {
    const affinity = interaction.affinity;
    const watchKey = affinity && scopedKey(interaction.tenantId, affinity.agentId);
    if (watchKey !== undefined) {
      const watchers = this.#affinityWatch.get(watchKey) ?? new Set();
      watchers.add(interaction);
      this.#affinityWatch.set(watchKey, watchers);
      if (this.#center.affinityHolds(interaction)) {
        let list = this.#affinityLists.get(watchKey);
        if (list === undefined) {
          list = new SortedList(byLine);
          this.#affinityLists.set(watchKey, list);
        }
        return this.#insert(interaction, list, undefined, watchKey);
      }
    }
    const queue = this.#center.queueOf(interaction).routerSlot as QueueIndex;
    const bucket = bucketFor(queue, interaction.channel, interaction.requirements);
    return this.#insert(interaction, bucket.list, bucket, watchKey);
  }

  #insert(
    rec: InteractionRec,
    list: SortedList<Placement>,
    bucket: Bucket | undefined,
    watchKey: string | undefined,
  ): Placement {
    const placement = slotOf(rec).placement;
    placement.rank = rec.rank;
    placement.enqueuedAt = rec.enqueuedAt;
    placement.seq = rec.seq;
    placement.list = list;
    placement.bucket = bucket;
    placement.watchKey = watchKey;
    placement.live = true;
    list.insert(placement);
    return placement;
  }

  #unplace(interaction: InteractionRec): void {
    const placement = slotOf(interaction).placement;
    const list = placement.list;
    if (!placement.live || list === undefined) return;
    placement.live = false;
    placement.list = undefined;
    list.remove(placement);
    if (list.size === 0) {
      if (placement.bucket !== undefined) dropBucket(placement.bucket);
      else this.#affinityLists.delete(placement.watchKey!);
    }
    const agentKey = placement.watchKey;
    if (agentKey === undefined) return;
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
    const timer = slotOf(interaction).timer;
    if (kind < 0) this.#deadlines.delete(timer);
    else this.#deadlines.set(timer, times[kind]!, kind);
  }
}
