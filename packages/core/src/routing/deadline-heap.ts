import { DEADLINE_KINDS, type Deadline } from "./deadlines.js";

/**
 * One owner's timer, created once and rescheduled in place; `pos` is its place in the heap (-1 while out).
 * Order is `compareDeadlines`: time, then kind (its index in `DEADLINE_KINDS`), then key.
 */
export interface TimerEntry {
  readonly key: string;
  at: number;
  kindIndex: number;
  pos: number;
}

export function timerEntry(key: string): TimerEntry {
  return { key, at: 0, kindIndex: 0, pos: -1 };
}

/**
 * A binary min-heap of timers that knows where each entry sits, so a changed timer moves in place: no stale
 * entries pile up, and rescheduling allocates nothing. The caller keeps each entry with its owner, so no
 * lookup by key is needed either.
 */
export class DeadlineHeap {
  readonly #items: TimerEntry[] = [];

  peekAt(): number | undefined {
    return this.#items[0]?.at;
  }

  /** Schedules `entry` (in the heap or not) for `at`, kind by its index in `DEADLINE_KINDS`. */
  set(entry: TimerEntry, at: number, kindIndex: number): void {
    if (entry.pos >= 0 && entry.at === at && entry.kindIndex === kindIndex) return;
    entry.at = at;
    entry.kindIndex = kindIndex;
    if (entry.pos < 0) {
      entry.pos = this.#items.length;
      this.#items.push(entry);
    }
    this.#down(this.#up(entry.pos));
  }

  delete(entry: TimerEntry): void {
    if (entry.pos >= 0) this.#remove(entry);
  }

  /** Takes the earliest timer out, as a deadline of its own (the entry may be rescheduled at once). */
  pop(): Deadline | undefined {
    const top = this.#items[0];
    if (top === undefined) return undefined;
    this.#remove(top);
    return { at: top.at, kind: DEADLINE_KINDS[top.kindIndex]!, key: top.key };
  }

  clear(): void {
    for (const entry of this.#items) entry.pos = -1;
    this.#items.length = 0;
  }

  #remove(entry: TimerEntry): void {
    const items = this.#items;
    const last = items.pop()!;
    const at = entry.pos;
    entry.pos = -1;
    if (last === entry) return;
    items[at] = last;
    last.pos = at;
    this.#down(this.#up(at));
  }

  #less(a: TimerEntry, b: TimerEntry): boolean {
    if (a.at !== b.at) return a.at < b.at;
    if (a.kindIndex !== b.kindIndex) return a.kindIndex < b.kindIndex;
    return a.key < b.key;
  }

  /** Sifts the entry at `i` up; returns where it ended. */
  #up(i: number): number {
    const items = this.#items;
    const entry = items[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent]!;
      if (!this.#less(entry, above)) break;
      items[i] = above;
      above.pos = i;
      i = parent;
    }
    items[i] = entry;
    entry.pos = i;
    return i;
  }

  #down(i: number): void {
    const items = this.#items;
    const entry = items[i]!;
    const size = items.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.#less(items[right]!, items[left]!) ? right : left;
      const below = items[child]!;
      if (!this.#less(below, entry)) break;
      items[i] = below;
      below.pos = i;
      i = child;
    }
    items[i] = entry;
    entry.pos = i;
  }
}
