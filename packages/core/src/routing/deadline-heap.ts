import { DEADLINE_KINDS, type Deadline, type DeadlineKind } from "./deadlines.js";

/** A scheduled timer; `order` is its kind's tie-break rank, `pos` its place in the heap (-1 once taken). */
interface Entry extends Deadline {
  at: number;
  kind: DeadlineKind;
  order: number;
  readonly key: string;
  pos: number;
}

/**
 * At most one timer per key, in a binary min-heap that knows where each entry sits, so a changed timer moves
 * in place. No stale entries pile up, and rescheduling allocates nothing. Order as `compareDeadlines`: time,
 * then kind, then key.
 */
export class DeadlineHeap {
  readonly #items: Entry[] = [];
  readonly #byKey = new Map<string, Entry>();

  peek(): Deadline | undefined {
    return this.#items[0];
  }

  /** Schedules `key`'s timer (kind by its index in `DEADLINE_KINDS`), replacing the one it had. */
  set(key: string, at: number, kindIndex: number): void {
    const entry = this.#byKey.get(key);
    if (entry === undefined) {
      const added: Entry = {
        at,
        kind: DEADLINE_KINDS[kindIndex]!,
        order: kindIndex,
        key,
        pos: this.#items.length,
      };
      this.#byKey.set(key, added);
      this.#items.push(added);
      this.#up(added.pos);
      return;
    }
    if (entry.at === at && entry.order === kindIndex) return;
    entry.at = at;
    entry.kind = DEADLINE_KINDS[kindIndex]!;
    entry.order = kindIndex;
    this.#down(this.#up(entry.pos));
  }

  delete(key: string): void {
    const entry = this.#byKey.get(key);
    if (entry !== undefined) this.#remove(entry);
  }

  /** Takes the earliest timer out; the returned object is no longer the heap's. */
  pop(): Deadline | undefined {
    const top = this.#items[0];
    if (top !== undefined) this.#remove(top);
    return top;
  }

  clear(): void {
    this.#items.length = 0;
    this.#byKey.clear();
  }

  #remove(entry: Entry): void {
    this.#byKey.delete(entry.key);
    const items = this.#items;
    const last = items.pop()!;
    const at = entry.pos;
    entry.pos = -1;
    if (last === entry) return;
    items[at] = last;
    last.pos = at;
    this.#down(this.#up(at));
  }

  #less(a: Entry, b: Entry): boolean {
    if (a.at !== b.at) return a.at < b.at;
    if (a.order !== b.order) return a.order < b.order;
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
