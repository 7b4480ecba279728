import type { InteractionRec } from "./center-state.js";
import type { QueueConfig } from "./types.js";

/**
 * Every timer is a pure function of an interaction's state, so a router can find the next one by scanning or
 * by keeping a heap, and a restored engine needs no timer bookkeeping of its own.
 */
export type DeadlineKind =
  | "offer_timeout"
  | "wrap_up_limit"
  | "reject_cooldown"
  | "affinity_expiry"
  | "relaxation"
  | "max_wait";

export interface Deadline {
  readonly at: number;
  readonly kind: DeadlineKind;
  /** Scoped key of the interaction it belongs to. */
  readonly key: string;
  /** That interaction's record, when the router has it at hand (saves a lookup by key). */
  readonly interaction?: InteractionRec;
}

const KIND_ORDER: Readonly<Record<DeadlineKind, number>> = {
  offer_timeout: 0,
  wrap_up_limit: 1,
  reject_cooldown: 2,
  affinity_expiry: 3,
  relaxation: 4,
  max_wait: 5,
};

/** Timers due at the same instant fire in kind order, then by key: every router agrees on the sequence. */
export function compareDeadlines(a: Deadline, b: Deadline): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export const DEADLINE_KINDS: readonly DeadlineKind[] = [
  "offer_timeout",
  "wrap_up_limit",
  "reject_cooldown",
  "affinity_expiry",
  "relaxation",
  "max_wait",
];

/**
 * Due time per kind (index as in `DEADLINE_KINDS`, NaN = none) written into `out`: the allocation-free form
 * the indexed router compares on every change.
 */
export function deadlineTimes(interaction: InteractionRec, queue: QueueConfig, out: Float64Array): void {
  out.fill(Number.NaN);
  const state = interaction.state;
  if (state === "offered" && interaction.expiresAt !== undefined) out[0] = interaction.expiresAt;
  if (state === "wrap_up" && interaction.wrapUpEndsAt !== undefined) out[1] = interaction.wrapUpEndsAt;
  if (interaction.blocks.length > 0) {
    let until = Number.POSITIVE_INFINITY;
    for (const block of interaction.blocks) until = Math.min(until, block.until);
    out[2] = until;
  }
  if (state !== "queued") return;
  if (interaction.affinity !== undefined) out[3] = interaction.affinity.until;
  const step = queue.relaxation?.[interaction.step];
  if (step !== undefined) out[4] = interaction.enqueuedAt + step.afterMs;
  if (queue.maxWaitMs !== undefined) out[5] = interaction.enqueuedAt + queue.maxWaitMs;
}

export function deadlinesOf(interaction: InteractionRec, queue: QueueConfig): Deadline[] {
  const times = new Float64Array(DEADLINE_KINDS.length);
  deadlineTimes(interaction, queue, times);
  const out: Deadline[] = [];
  times.forEach((at, k) => {
    if (!Number.isNaN(at)) out.push({ at, kind: DEADLINE_KINDS[k]!, key: interaction.key });
  });
  return out;
}

/** Position of a kind in `DEADLINE_KINDS` (also its tie-break rank). */
export function kindIndex(kind: DeadlineKind): number {
  return KIND_ORDER[kind];
}

export function sameDeadline(a: Deadline, b: Deadline): boolean {
  return a.at === b.at && a.kind === b.kind && a.key === b.key;
}
