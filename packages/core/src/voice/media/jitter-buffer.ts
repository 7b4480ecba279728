/**
 * A small adaptive jitter buffer, driven by the media tick: `push` as packets arrive, `pop` once per frame
 * interval. It reorders by sequence number, drops duplicates and packets whose slot has already been
 * played (late), reports a gap as `lost` when later packets are waiting, and re-buffers after an underrun
 * with a larger target delay; the target shrinks again after a long run without trouble.
 * Emitted sequence numbers are strictly increasing: never out of order, never twice.
 */
import { SequenceUnwrapper } from "./sequence.js";

export interface JitterBufferOptions {
  /** Initial and minimum target delay in frames; default 2 (40 ms at 20 ms frames). */
  readonly minDelayFrames?: number;
  /** Largest target delay in frames; default 10. */
  readonly maxDelayFrames?: number;
  /** Most frames held; older ones are dropped when exceeded. Default 50. */
  readonly capacityFrames?: number;
  /** Good frames in a row before the target delay shrinks by one; default 500 (10 s). */
  readonly shrinkAfterFrames?: number;
}

export type JitterPushOutcome = "accepted" | "duplicate" | "late" | "resynchronised";

export type JitterPop<T> =
  | { readonly kind: "frame"; readonly sequence: number; readonly item: T }
  | { readonly kind: "lost"; readonly sequence: number }
  | { readonly kind: "waiting" };

export interface JitterBufferStats {
  accepted: number;
  duplicates: number;
  late: number;
  lost: number;
  played: number;
  underruns: number;
  /** Frames dropped to shrink the delay or because the buffer was full. */
  discarded: number;
  resynchronisations: number;
  targetDelayFrames: number;
}

const RECENT_PLAYED = 512;

export class JitterBuffer<T> {
  readonly #min: number;
  readonly #max: number;
  readonly #capacity: number;
  readonly #shrinkAfter: number;
  #unwrapper = new SequenceUnwrapper();
  readonly #frames = new Map<number, T>();
  readonly #played = new Set<number>();
  readonly #playedRing = new Float64Array(RECENT_PLAYED);
  #playedCount = 0;
  #next: number | null = null;
  #highest = -Infinity;
  #buffering = true;
  #started = false;
  #goodRun = 0;
  #sinceDiscard = 25;
  readonly #stats: JitterBufferStats;

  constructor(options: JitterBufferOptions = {}) {
    this.#min = Math.max(1, options.minDelayFrames ?? 2);
    this.#max = Math.max(this.#min, options.maxDelayFrames ?? 10);
    this.#capacity = Math.max(this.#max + 2, options.capacityFrames ?? 50);
    this.#shrinkAfter = options.shrinkAfterFrames ?? 500;
    this.#stats = {
      accepted: 0,
      duplicates: 0,
      late: 0,
      lost: 0,
      played: 0,
      underruns: 0,
      discarded: 0,
      resynchronisations: 0,
      targetDelayFrames: this.#min,
    };
  }

  push(sequence: number, item: T): JitterPushOutcome {
    const ext = this.#unwrapper.unwrap(sequence);
    if (this.#next !== null && Math.abs(ext - this.#next) > this.#capacity * 4) {
      this.#resynchronise(sequence, item);
      return "resynchronised";
    }
    if (this.#frames.has(ext) || this.#played.has(ext)) {
      this.#stats.duplicates++;
      return "duplicate";
    }
    if (this.#next !== null && ext < this.#next) {
      if (this.#started) {
        this.#stats.late++;
        return "late";
      }
      this.#next = ext;
    }
    this.#frames.set(ext, item);
    this.#next ??= ext;
    this.#highest = Math.max(this.#highest, ext);
    this.#stats.accepted++;
    while (this.#highest - this.#next + 1 > this.#capacity) this.#discardNext();
    return "accepted";
  }

  pop(): JitterPop<T> {
    if (this.#next === null) return { kind: "waiting" };
    const span = this.#highest - this.#next + 1;
    if (this.#buffering) {
      if (span < this.#stats.targetDelayFrames) return { kind: "waiting" };
      this.#buffering = false;
    }
    if (this.#frames.size === 0) {
      this.#stats.underruns++;
      this.#buffering = true;
      this.#goodRun = 0;
      this.#stats.targetDelayFrames = Math.min(this.#max, this.#stats.targetDelayFrames + 1);
      return { kind: "waiting" };
    }
    if (++this.#goodRun >= this.#shrinkAfter && this.#stats.targetDelayFrames > this.#min) {
      this.#goodRun = 0;
      this.#stats.targetDelayFrames--;
    }
    // Far more buffered than the target (a burst after a stall): drop one frame now and then to catch up.
    if (span > 2 * this.#stats.targetDelayFrames + 2 && this.#frames.size > 1 && this.#sinceDiscard >= 25) {
      this.#sinceDiscard = 0;
      this.#discardNext();
    }
    this.#sinceDiscard++;
    return this.#emitNext();
  }

  get stats(): Readonly<JitterBufferStats> {
    return this.#stats;
  }

  /** Frames currently held. */
  get size(): number {
    return this.#frames.size;
  }

  #emitNext(): JitterPop<T> {
    const ext = this.#next as number;
    this.#next = ext + 1;
    this.#started = true;
    const item = this.#frames.get(ext);
    const sequence = ext & 0xffff;
    if (item === undefined) {
      this.#stats.lost++;
      return { kind: "lost", sequence };
    }
    this.#frames.delete(ext);
    this.#remember(ext);
    this.#stats.played++;
    return { kind: "frame", sequence, item };
  }

  #discardNext(): void {
    const ext = this.#next as number;
    if (this.#frames.delete(ext)) {
      this.#stats.discarded++;
      this.#remember(ext);
    } else this.#stats.lost++;
    this.#next = ext + 1;
    this.#started = true;
  }

  #remember(ext: number): void {
    const slot = this.#playedCount % RECENT_PLAYED;
    if (this.#playedCount >= RECENT_PLAYED) this.#played.delete(this.#playedRing[slot] as number);
    this.#playedRing[slot] = ext;
    this.#playedCount++;
    this.#played.add(ext);
  }

  #resynchronise(sequence: number, item: T): void {
    this.#stats.resynchronisations++;
    this.#frames.clear();
    this.#played.clear();
    this.#playedCount = 0;
    this.#unwrapper = new SequenceUnwrapper();
    const ext = this.#unwrapper.unwrap(sequence);
    this.#frames.set(ext, item);
    this.#next = ext;
    this.#highest = ext;
    this.#buffering = true;
    this.#started = false;
    this.#stats.accepted++;
  }
}
