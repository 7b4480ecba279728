/** A membership of a pool; it remembers its own position, so no lookup table is needed. */
export interface PoolEntry {
  /** Position in the pool, or -1 while out of it. */
  slot: number;
}

/**
 * A set walked far more often than changed (the agents who can take work in a queue): a dense array walked by
 * index (no iterator objects on the hot path) whose entries know their position, so removal is a swap with
 * the last and no hash table grows and shrinks as members come and go. Order is arbitrary; every reader
 * picks by a total order of its own.
 */
export class AgentPool<E extends PoolEntry> {
  readonly #members: E[] = [];
  /**
   * Bumped whenever a member joins or a member's state may have changed (`touch`): a reader that found no
   * member fit for something can trust that answer for as long as the version stays the same.
   */
  version = 0;

  get size(): number {
    return this.#members.length;
  }

  /** The member at `index`, 0 ≤ index < size. */
  at(index: number): E {
    return this.#members[index]!;
  }

  /** Adds `entry` if absent, and marks the pool changed either way (its member's state may have changed). */
  touch(entry: E): void {
    this.version++;
    if (entry.slot >= 0) return;
    entry.slot = this.#members.length;
    this.#members.push(entry);
  }

  delete(entry: E): void {
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
