/**
 * Order of waiting interactions, within a queue and across the queues an agent serves.
 *
 * Effective priority at time t is `queuePriority + priority + (t - enqueuedAt) / agingMs`: every `agingMs` of
 * waiting is worth one priority point, so a low-priority contact is never starved. Multiplying by `agingMs`
 * and dropping the `t` every interaction shares gives a time-free key, `rank`, so waiting sets can stay
 * sorted without re-sorting as the clock moves. Higher rank first; then earlier enqueue; then arrival order.
 */
export interface Ranked {
  readonly rank: number;
  readonly enqueuedAt: number;
  readonly seq: number;
}

export function rankOf(queuePriority: number, priority: number, enqueuedAt: number, agingMs: number): number {
  return (queuePriority + priority) * agingMs - enqueuedAt;
}

export function effectivePriority(rank: number, now: number, agingMs: number): number {
  return (rank + now) / agingMs;
}

/** Negative when `a` is served before `b`. Keys are unique (seq), so this is a total order. */
export function compareWaiting(a: Ranked, b: Ranked): number {
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (a.enqueuedAt !== b.enqueuedAt) return a.enqueuedAt - b.enqueuedAt;
  return a.seq - b.seq;
}
