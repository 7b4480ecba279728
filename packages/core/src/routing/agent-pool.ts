import type { AgentRec } from "./center-state.js";

/** One agent's membership of one pool; it remembers its own position, so no lookup table is needed. */
export interface PoolEntry {
  readonly agent: AgentRec;
  /** Position in the pool, or -1 while out of it. */
  slot: number;
}

/**
 * A set of agents that is walked far more often than changed: a dense array walked by index (no iterator
 * objects on the hot path) whose entries know their position, so removal is a swap with the last and no
 * hash table grows and shrinks as agents come and go. Order is arbitrary; every reader picks by a total order.
 */
export class AgentPool {
  readonly #members: PoolEntry[] = [];

  get size(): number {
    return this.#members.length;
  }

  /** The member at `index`, 0 ≤ index < size. */
  at(index: number): AgentRec {
    return this.#members[index]!.agent;
  }

  add(entry: PoolEntry): void {
    if (entry.slot >= 0) return;
    entry.slot = this.#members.length;
    this.#members.push(entry);
  }

  delete(entry: PoolEntry): void {
    const at = entry.slot;
    if (at < 0) return;
    entry.slot = -1;
    const last = this.#members.pop()!;
    if (last !== entry) {
      this.#members[at] = last;
      last.slot = at;
    }
  }
}
