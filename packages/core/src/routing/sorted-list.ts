/**
 * A list kept sorted by `compare`, for waiting sets. Reads and removals happen mostly at the head, inserts
 * mostly near the tail, so a plain array with a moving head offset beats a tree at the sizes queues reach.
 * Items must compare as distinct (ties are an error in the caller's order).
 */
export class SortedList<T> {
  #items: T[] = [];
  #head = 0;
  readonly #compare: (a: T, b: T) => number;

  constructor(compare: (a: T, b: T) => number) {
    this.#compare = compare;
  }

  get size(): number {
    return this.#items.length - this.#head;
  }

  first(): T | undefined {
    return this.#items[this.#head];
  }

  at(index: number): T | undefined {
    return this.#items[this.#head + index];
  }

  insert(item: T): void {
    const items = this.#items;
    if (items.length === this.#head || this.#compare(items[items.length - 1]!, item) < 0) {
      items.push(item);
      return;
    }
    // By hand, not `splice`: that allocates an array of the removed items on every call.
    const at = this.#search(item);
    for (let i = items.length; i > at; i--) items[i] = items[i - 1]!;
    items[at] = item;
  }

  /** Removes `item` (found by its order, so its sort keys must not have changed); false if absent. */
  remove(item: T): boolean {
    const items = this.#items;
    const index = this.#search(item);
    if (index >= items.length || items[index] !== item) return false;
    if (index === this.#head) {
      items[index] = undefined as T;
      this.#head++;
      if (this.#head === items.length) {
        this.#items = [];
        this.#head = 0;
      } else if (this.#head > 1024 && this.#head * 2 > items.length) {
        this.#items = items.slice(this.#head);
        this.#head = 0;
      }
    } else {
      for (let i = index + 1; i < items.length; i++) items[i - 1] = items[i]!;
      items.pop();
    }
    return true;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = this.#head; i < this.#items.length; i++) yield this.#items[i]!;
  }

  #search(item: T): number {
    let lo = this.#head;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#compare(this.#items[mid]!, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
