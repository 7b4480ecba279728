/**
 * The ONE media clock: a single timer drives every RTP stream, recorder and player every 20 ms. Deadlines are
 * computed from the start time (start + n × period) on `process.hrtime.bigint()`, so timer lateness never
 * accumulates into drift. When the process stalls, at most `maxCatchUpTicks` ticks run back to back; further
 * missed ticks are skipped (counted), so a stall never turns into a burst of packets. The timer exists only
 * while participants are registered: with none left, nothing keeps the process alive.
 */
import { LatencyHistogram } from "@sentra/core";
import { FRAME_MS } from "./g711.js";

export interface MediaTick {
  /** Tick number since the scheduler (re)started. */
  readonly index: number;
  /** Monotonic milliseconds (hrtime) when the tick was due. */
  readonly deadlineMs: number;
  /** Monotonic milliseconds (hrtime) when it actually ran. */
  readonly nowMs: number;
}

export interface MediaTickParticipant {
  onTick(tick: MediaTick): void;
}

export interface MediaSchedulerOptions {
  /** Default 20 ms. */
  readonly periodMs?: number;
  /** Most overdue ticks run in one wake-up before the rest are skipped; default 3. */
  readonly maxCatchUpTicks?: number;
  /** Monotonic nanoseconds; default `process.hrtime.bigint`. */
  readonly nowNs?: () => bigint;
  /** Called when a participant throws; the tick carries on with the others. */
  readonly onParticipantError?: (error: unknown) => void;
}

export interface MediaSchedulerStats {
  readonly participants: number;
  readonly running: boolean;
  readonly ticks: number;
  readonly skippedTicks: number;
  readonly participantErrors: number;
  readonly lateP50Ms: number;
  readonly lateP99Ms: number;
  readonly lateMaxMs: number;
}

export interface MediaSubscription {
  remove(): void;
}

export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export class MediaScheduler {
  readonly #periodNs: bigint;
  readonly #maxCatchUp: number;
  readonly #nowNs: () => bigint;
  readonly #onError: (error: unknown) => void;
  readonly #participants = new Set<MediaTickParticipant>();
  #timer: NodeJS.Timeout | null = null;
  #firing = false;
  #nextDeadline = 0n;
  #index = 0;
  #ticks = 0;
  #skipped = 0;
  #errors = 0;
  #lateness = new LatencyHistogram(0.25, 1000);

  constructor(options: MediaSchedulerOptions = {}) {
    this.#periodNs = BigInt(Math.round((options.periodMs ?? FRAME_MS) * 1e6));
    this.#maxCatchUp = Math.max(1, options.maxCatchUpTicks ?? 3);
    this.#nowNs = options.nowNs ?? (() => process.hrtime.bigint());
    this.#onError = options.onParticipantError ?? (() => {});
  }

  add(participant: MediaTickParticipant): MediaSubscription {
    this.#participants.add(participant);
    if (this.#timer === null && !this.#firing) {
      this.#index = 0;
      this.#nextDeadline = this.#nowNs() + this.#periodNs;
      this.#arm();
    }
    return { remove: () => this.#remove(participant) };
  }

  get running(): boolean {
    return this.#timer !== null || (this.#firing && this.#participants.size > 0);
  }

  stats(): MediaSchedulerStats {
    return {
      participants: this.#participants.size,
      running: this.running,
      ticks: this.#ticks,
      skippedTicks: this.#skipped,
      participantErrors: this.#errors,
      lateP50Ms: this.#lateness.percentile(50),
      lateP99Ms: this.#lateness.percentile(99),
      lateMaxMs: this.#lateness.maxMs,
    };
  }

  /** Starts a fresh lateness histogram (e.g. after a warm-up). */
  resetStats(): void {
    this.#lateness = new LatencyHistogram(0.25, 1000);
    this.#ticks = 0;
    this.#skipped = 0;
  }

  /** Drops every participant and stops the timer. */
  close(): void {
    this.#participants.clear();
    this.#disarm();
  }

  #remove(participant: MediaTickParticipant): void {
    this.#participants.delete(participant);
    if (this.#participants.size === 0) this.#disarm();
  }

  #disarm(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #arm(): void {
    const delayMs = Number(this.#nextDeadline - this.#nowNs()) / 1e6;
    this.#timer = setTimeout(this.#fire, Math.max(0, Math.floor(delayMs)));
  }

  readonly #fire = (): void => {
    this.#timer = null;
    this.#firing = true;
    let ran = 0;
    let now = this.#nowNs();
    while (this.#nextDeadline <= now && ran < this.#maxCatchUp && this.#participants.size > 0) {
      this.#runTick(now);
      this.#nextDeadline += this.#periodNs;
      ran++;
      now = this.#nowNs();
    }
    if (this.#nextDeadline <= now) {
      const behind = (now - this.#nextDeadline) / this.#periodNs + 1n;
      this.#skipped += Number(behind);
      this.#index += Number(behind);
      this.#nextDeadline += behind * this.#periodNs;
    }
    this.#firing = false;
    if (this.#participants.size > 0) this.#arm();
  };

  #runTick(nowNs: bigint): void {
    const tick: MediaTick = {
      index: this.#index++,
      deadlineMs: Number(this.#nextDeadline) / 1e6,
      nowMs: Number(nowNs) / 1e6,
    };
    this.#lateness.record(tick.nowMs - tick.deadlineMs);
    this.#ticks++;
    for (const participant of this.#participants) {
      try {
        participant.onTick(tick);
      } catch (error) {
        this.#errors++;
        this.#onError(error);
      }
    }
  }
}
