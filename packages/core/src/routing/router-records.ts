import type { AgentPool, PoolEntry } from "./agent-pool.js";
import { channelBit } from "./capacity.js";
import type { AgentRec, InteractionRec, QueueRec } from "./center-state.js";
import { type TimerEntry, timerEntry } from "./deadline-heap.js";
import { needsOf, type SkillHolder, type SkillNeed } from "./skill-match.js";
import { SortedList } from "./sorted-list.js";
import type { AgentProfile, Channel, Requirements } from "./types.js";

// The indexed router's records: what it keeps per interaction, queue and agent, and the waiting buckets.

/**
 * Where a queued interaction sits; its sort keys are frozen here so it can be found again after changes. One
 * per interaction, reused each time it is placed: a new one per change was garbage that outlived the young
 * generation and made every scavenge copy it.
 */
export interface Placement {
  readonly rec: InteractionRec;
  rank: number;
  enqueuedAt: number;
  seq: number;
  /** The list it waits in, when `live`. */
  list: SortedList<Placement> | undefined;
  /** The bucket it waits in, or undefined when held for its preferred agent (`watchKey`). */
  bucket: Bucket | undefined;
  /** Key of the preferred agent whose logging in or out concerns it, if any (see `#affinityWatch`). */
  watchKey: string | undefined;
  /** Whether the interaction is placed (queued). */
  live: boolean;
  /** Whether it is in the dirty list. */
  dirty: boolean;
}

/** What the router keeps on each interaction (its `routerSlot`), instead of in maps keyed by it. */
export interface Slot {
  readonly placement: Placement;
  readonly timer: TimerEntry;
}

export function slotOf(interaction: InteractionRec): Slot {
  let slot = interaction.routerSlot as Slot | undefined;
  if (slot === undefined) {
    const placement: Placement = {
      rec: interaction,
      rank: 0,
      enqueuedAt: 0,
      seq: 0,
      list: undefined,
      bucket: undefined,
      watchKey: undefined,
      live: false,
      dirty: false,
    };
    slot = { placement, timer: timerEntry(interaction) };
    interaction.routerSlot = slot;
  }
  return slot;
}

/** Queued interactions of one queue that need exactly the same: checked once per agent, not per item. */
export interface Bucket {
  readonly requirements: Requirements;
  readonly needs: readonly SkillNeed[];
  readonly list: SortedList<Placement>;
  readonly group: ChannelGroup;
  /** Position in `group.buckets`, for removal by swap. */
  slot: number;
  /**
   * The queue pool's `version` when a scan for one of these interactions (one without blocks) found no
   * member fit: until the pool changes, none of them can have a partner there. -1 when not known.
   */
  barrenAt: number;
}

/** A queue's buckets of one channel: channel room is checked once for all of them. */
export interface ChannelGroup {
  readonly channel: Channel;
  /** `channelBit(channel)`. */
  readonly bit: number;
  readonly byKey: Map<string, Bucket>;
  /** The same buckets, dense, walked by index. */
  readonly buckets: Bucket[];
}

export interface QueueIndex {
  readonly rec: QueueRec;
  /** The queue's channels as a `channelMask`, refreshed whenever its configuration changes. */
  channels: number;
  readonly groups: ChannelGroup[];
  /** Members (by team) who can take one more interaction on one of the queue's channels right now. */
  readonly routable: AgentPool<Member>;
}

/** An agent's membership of one queue's routable pool. */
export interface Member extends PoolEntry {
  readonly index: AgentIndex;
}

export interface AgentIndex extends SkillHolder {
  readonly agent: AgentRec;
  profile: AgentProfile;
  levels: Map<string, number>;
  queues: QueueIndex[];
  /** Per entry of `queues`: the agent's membership of that queue's routable pool. */
  entries: Member[];
  /**
   * `spareChannels` as of the last change (0 unless ready with no offer ringing): `canTake` for any channel
   * is one bit test, with no need to read the agent's load and capacity again.
   */
  spare: number;
  routable: boolean;
  /** Whether it is in the dirty list. */
  dirty: boolean;
  loggedIn: boolean;
}

/**
 * `compareWaiting(a, b) < 0` for placements only: a boolean and one shape, so the hot loops that pick the
 * first in line stay monomorphic (compareWaiting also sorts interaction records elsewhere).
 */
export function ahead(a: Placement, b: Placement): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.enqueuedAt !== b.enqueuedAt) return a.enqueuedAt < b.enqueuedAt;
  return a.seq < b.seq;
}

/** `compareWaiting` on placements (keys are unique, so only an item equals itself). */
export const byLine = (a: Placement, b: Placement): number => (a === b ? 0 : ahead(a, b) ? -1 : 1);

/** The bucket of `queue` for `channel` and `requirements`, made if missing. */
export function bucketFor(queue: QueueIndex, channel: Channel, requirements: Requirements): Bucket {
  let group: ChannelGroup | undefined;
  for (let g = 0; g < queue.groups.length && group === undefined; g++) {
    if (queue.groups[g]!.channel === channel) group = queue.groups[g];
  }
  if (group === undefined) {
    group = { channel, bit: channelBit(channel), byKey: new Map(), buckets: [] };
    queue.groups.push(group);
  }
  let bucket = group.byKey.get(requirements.key);
  if (bucket === undefined) {
    bucket = {
      requirements,
      needs: needsOf(requirements),
      list: new SortedList(byLine),
      group,
      slot: group.buckets.length,
      barrenAt: -1,
    };
    group.byKey.set(requirements.key, bucket);
    group.buckets.push(bucket);
  }
  return bucket;
}

/** Removes an emptied bucket from its channel group. */
export function dropBucket(bucket: Bucket): void {
  const { byKey, buckets } = bucket.group;
  byKey.delete(bucket.requirements.key);
  const last = buckets.pop()!;
  if (last !== bucket) {
    buckets[bucket.slot] = last;
    last.slot = bucket.slot;
  }
}
