import type { InteractionRec } from "./center-state.js";
import { DEADLINE_KINDS, type Deadline } from "./deadlines.js";

/**
 * One owner's timer, created once and rescheduled in place; `pos` is its place in the heap (-1 while out).
 * Order is `compareDeadlines`: time, then kind (its index in `DEADLINE_KINDS`), then key.
 */
export interface TimerEntry {
  readonly interaction: InteractionRec;
  readonly key: string;
  at: number;
  kindIndex: number;
  pos: number;
}

export function timerEntry(interaction: InteractionRec): TimerEntry {
  return { interaction, key: interaction.key, at: 0, kindIndex: 0, pos: -1 };
}

const ARITY = 4;

/**
 * A 4-ary min-heap of timers that knows where each entry sits, so a changed timer moves in place: no stale
 * entries pile up, and rescheduling allocates nothing. The caller keeps each entry with its owner, so no lookup
 * by key is needed either. Times and kinds are also kept in typed arrays by position, which the sifts compare
 * on: the heap is as large as the backlog, and following a pointer per comparison cost a cache miss per level.
 */
export class DeadlineHeap {
  #entries: TimerEntry[] = [];
  #at = new Float64Array(1024);
  #kind = new Uint8Array(1024);

  peekAt(): number | undefined {
    return this.#entries[0]?.at;
  }

  /** Schedules `entry` (in the heap or not) for `at`, kind by its index in `DEADLINE_KINDS`. */
  set(entry: TimerEntry, at: number, kindIndex: number): void {
    if (entry.pos >= 0 && entry.at === at && entry.kindIndex === kindIndex) return;
    entry.at = at;
    entry.kindIndex = kindIndex;
    if (entry.pos < 0) {
      const size = this.#entries.length;
      if (size === this.#at.length) {
        const at = new Float64Array(size * 2);
        at.set(this.#at);
        this.#at = at;
        const kind = new Uint8Array(size * 2);
        kind.set(this.#kind);
        this.#kind = kind;
      }
      entry.pos = size;
      this.#entries.push(entry);
    }
    this.#at[entry.pos] = at;
    this.#kind[entry.pos] = kindIndex;
    this.#down(this.#up(entry.pos));
  }

  delete(entry: TimerEntry): void {
    if (entry.pos >= 0) this.#remove(entry);
  }

  /** Takes the earliest timer out, as a deadline of its own (the entry may be rescheduled at once). */
  pop(): Deadline | undefined {
    const top = this.#entries[0];
    if (top === undefined) return undefined;
    this.#remove(top);
    return { at: top.at, kind: DEADLINE_KINDS[top.kindIndex]!, key: top.key, interaction: top.interaction };
  }

  clear(): void {
    for (const entry of this.#entries) entry.pos = -1;
    this.#entries = [];
  }

  #remove(entry: TimerEntry): void {
    const entries = this.#entries;
    const last = entries.pop()!;
    const at = entry.pos;
    entry.pos = -1;
    if (last === entry) return;
    entries[at] = last;
    last.pos = at;
    this.#at[at] = this.#at[entries.length]!;
    this.#kind[at] = this.#kind[entries.length]!;
    this.#down(this.#up(at));
  }

  /** Whether the entry at position `i` comes before the one at `j`. */
  #before(i: number, j: number): boolean {
    const a = this.#at[i]!;
    const b = this.#at[j]!;
    if (a !== b) return a < b;
    const ka = this.#kind[i]!;
    const kb = this.#kind[j]!;
    if (ka !== kb) return ka < kb;
    return this.#entries[i]!.key < this.#entries[j]!.key;
  }

  #swap(i: number, j: number): void {
    const entries = this.#entries;
    const held = entries[i]!;
    entries[i] = entries[j]!;
    entries[i]!.pos = i;
    entries[j] = held;
    held.pos = j;
    const at = this.#at;
    const heldAt = at[i]!;
    at[i] = at[j]!;
    at[j] = heldAt;
    const kind = this.#kind;
    const heldKind = kind[i]!;
    kind[i] = kind[j]!;
    kind[j] = heldKind;
  }

  /** Sifts the entry at `i` up; returns where it ended. */
  #up(i: number): number {
    while (i > 0) {
      const parent = ((i - 1) / ARITY) | 0;
      if (!this.#before(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
    return i;
  }

  #down(i: number): void {
    const size = this.#entries.length;
    for (;;) {
      const first = i * ARITY + 1;
      if (first >= size) return;
      let best = first;
      const end = Math.min(first + ARITY, size);
      for (let c = first + 1; c < end; c++) if (this.#before(c, best)) best = c;
      if (!this.#before(best, i)) return;
      this.#swap(i, best);
      i = best;
    }
  }
}
