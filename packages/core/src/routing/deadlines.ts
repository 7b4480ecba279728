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

export function deadlinesOf(interaction: InteractionRec, queue: QueueConfig): Deadline[] {
  const out: Deadline[] = [];
  const key = interaction.key;
  const state = interaction.state;
  if (state === "offered" && interaction.expiresAt !== undefined) {
    out.push({ at: interaction.expiresAt, kind: "offer_timeout", key });
  }
  if (state === "wrap_up" && interaction.wrapUpEndsAt !== undefined) {
    out.push({ at: interaction.wrapUpEndsAt, kind: "wrap_up_limit", key });
  }
  if (interaction.blocks.length > 0) {
    let until = Number.POSITIVE_INFINITY;
    for (const block of interaction.blocks) until = Math.min(until, block.until);
    out.push({ at: until, kind: "reject_cooldown", key });
  }
  if (state !== "queued") return out;
  if (interaction.affinity !== undefined)
    out.push({ at: interaction.affinity.until, kind: "affinity_expiry", key });
  const step = queue.relaxation?.[interaction.step];
  if (step !== undefined) out.push({ at: interaction.enqueuedAt + step.afterMs, kind: "relaxation", key });
  if (queue.maxWaitMs !== undefined)
    out.push({ at: interaction.enqueuedAt + queue.maxWaitMs, kind: "max_wait", key });
  return out;
}

export function sameDeadline(a: Deadline, b: Deadline): boolean {
  return a.at === b.at && a.kind === b.kind && a.key === b.key;
}
