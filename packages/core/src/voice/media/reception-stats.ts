/**
 * Receiver statistics for one RTP stream: packets received, expected and lost (RFC 3550 §A.3), interarrival
 * jitter (§A.8) and each packet's lateness — how much later it arrived than the earliest-arriving packet's
 * timing predicts — in a histogram for percentiles.
 */
import type { RtcpReportBlock } from "./rtcp.js";
import { SequenceUnwrapper, timestampDistance } from "./sequence.js";

/** Counts of values in fixed-width buckets; the last bucket holds everything beyond the range. */
export class LatencyHistogram {
  readonly #bucketMs: number;
  readonly #counts: Uint32Array;
  #total = 0;
  #max = 0;

  constructor(bucketMs = 0.5, rangeMs = 1000) {
    this.#bucketMs = bucketMs;
    this.#counts = new Uint32Array(Math.ceil(rangeMs / bucketMs) + 1);
  }

  record(valueMs: number): void {
    const value = Math.max(0, valueMs);
    const index = Math.min(this.#counts.length - 1, Math.floor(value / this.#bucketMs));
    this.#counts[index] = (this.#counts[index] ?? 0) + 1;
    this.#total++;
    if (value > this.#max) this.#max = value;
  }

  merge(other: LatencyHistogram): void {
    if (other.#bucketMs !== this.#bucketMs || other.#counts.length !== this.#counts.length) {
      throw new RangeError("Only histograms of the same shape can be merged.");
    }
    other.#counts.forEach((count, i) => {
      this.#counts[i] = (this.#counts[i] ?? 0) + count;
    });
    this.#total += other.#total;
    this.#max = Math.max(this.#max, other.#max);
  }

  /** Upper bound of the bucket holding the p-th percentile (0 < p ≤ 100); 0 when empty. */
  percentile(p: number): number {
    if (this.#total === 0) return 0;
    const rank = Math.ceil((p / 100) * this.#total);
    let seen = 0;
    for (let i = 0; i < this.#counts.length; i++) {
      seen += this.#counts[i] ?? 0;
      if (seen >= rank) return Math.min(this.#max, (i + 1) * this.#bucketMs);
    }
    return this.#max;
  }

  get count(): number {
    return this.#total;
  }

  get maxMs(): number {
    return this.#max;
  }
}

export class RtpReceptionStats {
  readonly #clockRate: number;
  readonly #unwrapper = new SequenceUnwrapper();
  readonly lateness: LatencyHistogram;
  #base: number | null = null;
  #received = 0;
  #minTransitMs = Infinity;
  #lastLateness = 0;
  #last: { arrivalTs: number; timestamp: number } | null = null;
  #timestampBase: number | null = null;
  #timestampOffset = 0;
  #lastTimestamp = 0;
  #jitter = 0;
  #expectedPrior = 0;
  #receivedPrior = 0;

  constructor(clockRate = 8000, histogram = new LatencyHistogram()) {
    this.#clockRate = clockRate;
    this.lateness = histogram;
  }

  record(sequence: number, timestamp: number, arrivalMs: number): void {
    const ext = this.#unwrapper.unwrap(sequence);
    this.#base = this.#base === null ? ext : Math.min(this.#base, ext);
    this.#received++;
    const arrivalTs = (arrivalMs * this.#clockRate) / 1000;
    if (this.#last !== null) {
      const d = arrivalTs - this.#last.arrivalTs - timestampDistance(this.#last.timestamp, timestamp >>> 0);
      this.#jitter += (Math.abs(d) - this.#jitter) / 16;
    }
    this.#last = { arrivalTs, timestamp: timestamp >>> 0 };
    const transitMs = arrivalMs - (this.#unwrapTimestamp(timestamp) * 1000) / this.#clockRate;
    if (transitMs < this.#minTransitMs) this.#minTransitMs = transitMs;
    this.#lastLateness = transitMs - this.#minTransitMs;
    this.lateness.record(this.#lastLateness);
  }

  /** Lateness of the packet recorded last, in ms. */
  get lastLatenessMs(): number {
    return this.#lastLateness;
  }

  get received(): number {
    return this.#received;
  }

  get expected(): number {
    const highest = this.#unwrapper.highest;
    return highest === null || this.#base === null ? 0 : highest - this.#base + 1;
  }

  /** Cumulative lost packets; negative when duplicates arrived. */
  get lost(): number {
    return this.expected - this.#received;
  }

  get jitterMs(): number {
    return (this.#jitter * 1000) / this.#clockRate;
  }

  /** An RTCP report block for this stream; starts a new interval for the fraction lost. */
  reportBlock(ssrc: number, lastSenderReport = 0, delaySinceLastSenderReport = 0): RtcpReportBlock {
    const expected = this.expected;
    const expectedInterval = expected - this.#expectedPrior;
    const lostInterval = expectedInterval - (this.#received - this.#receivedPrior);
    this.#expectedPrior = expected;
    this.#receivedPrior = this.#received;
    const fraction =
      expectedInterval <= 0 || lostInterval <= 0 ? 0 : Math.floor((lostInterval * 256) / expectedInterval);
    return {
      ssrc,
      fractionLost: Math.min(255, fraction),
      cumulativeLost: Math.max(-0x800000, Math.min(0x7fffff, this.lost)),
      highestSequence: (this.#unwrapper.highest ?? 0) >>> 0,
      jitter: Math.round(this.#jitter) >>> 0,
      lastSenderReport,
      delaySinceLastSenderReport,
    };
  }

  /** Unwraps RTP timestamps to a monotonic number (relative to the first one) for lateness. */
  #unwrapTimestamp(timestamp: number): number {
    if (this.#timestampBase === null) {
      this.#timestampBase = timestamp >>> 0;
      this.#lastTimestamp = timestamp >>> 0;
      return 0;
    }
    this.#timestampOffset += timestampDistance(this.#lastTimestamp, timestamp >>> 0);
    this.#lastTimestamp = timestamp >>> 0;
    return this.#timestampOffset;
  }
}
