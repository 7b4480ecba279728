/**
 * The simulator's future-event list: a binary min-heap on (time, insertion order) kept in parallel typed
 * arrays, so scheduling an event allocates nothing once the arrays have grown. Ties leave in the order they
 * were scheduled, which makes a run deterministic.
 */
export class EventHeap {
  #time = new Float64Array(256);
  #order = new Float64Array(256);
  #kind = new Uint8Array(256);
  #subject = new Int32Array(256);
  #token = new Int32Array(256);
  #size = 0;
  #scheduled = 0;

  get size(): number {
    return this.#size;
  }

  /** Time of the earliest event; +Infinity when empty. */
  peekTime(): number {
    return this.#size === 0 ? Number.POSITIVE_INFINITY : this.#time[0]!;
  }

  push(time: number, kind: number, subject: number, token = 0): void {
    if (this.#size === this.#time.length) this.#grow();
    let at = this.#size++;
    const order = this.#scheduled++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!precedes(time, order, this.#time[parent]!, this.#order[parent]!)) break;
      this.#copy(parent, at);
      at = parent;
    }
    this.#set(at, time, order, kind, subject, token);
  }

  /** Removes the earliest event; read it first with `top*`. */
  pop(): void {
    const last = --this.#size;
    if (last === 0) return;
    const time = this.#time[last]!;
    const order = this.#order[last]!;
    const kind = this.#kind[last]!;
    const subject = this.#subject[last]!;
    const token = this.#token[last]!;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= last) break;
      const right = left + 1;
      const child =
        right < last &&
        precedes(this.#time[right]!, this.#order[right]!, this.#time[left]!, this.#order[left]!)
          ? right
          : left;
      if (!precedes(this.#time[child]!, this.#order[child]!, time, order)) break;
      this.#copy(child, at);
      at = child;
    }
    this.#set(at, time, order, kind, subject, token);
  }

  topKind(): number {
    return this.#kind[0]!;
  }
  topSubject(): number {
    return this.#subject[0]!;
  }
  topToken(): number {
    return this.#token[0]!;
  }

  #copy(from: number, to: number): void {
    this.#set(
      to,
      this.#time[from]!,
      this.#order[from]!,
      this.#kind[from]!,
      this.#subject[from]!,
      this.#token[from]!,
    );
  }

  #set(at: number, time: number, order: number, kind: number, subject: number, token: number): void {
    this.#time[at] = time;
    this.#order[at] = order;
    this.#kind[at] = kind;
    this.#subject[at] = subject;
    this.#token[at] = token;
  }

  #grow(): void {
    const n = this.#time.length * 2;
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.#time = grow(this.#time, (k) => new Float64Array(k));
    this.#order = grow(this.#order, (k) => new Float64Array(k));
    this.#kind = grow(this.#kind, (k) => new Uint8Array(k));
    this.#subject = grow(this.#subject, (k) => new Int32Array(k));
    this.#token = grow(this.#token, (k) => new Int32Array(k));
  }
}

function precedes(time: number, order: number, otherTime: number, otherOrder: number): boolean {
  return time < otherTime || (time === otherTime && order < otherOrder);
}
