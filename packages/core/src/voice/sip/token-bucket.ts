/** Token buckets keyed by source (per-source INVITE rate limits). Pure: time comes from an injected clock. */
import type { Clock } from "../../time/clock.js";

export interface TokenBucketOptions {
  /** Tokens added per second. */
  readonly ratePerSecond: number;
  /** Most tokens a bucket holds (the allowed burst). */
  readonly burst: number;
  /** Most keys remembered; the least recently used is forgotten first (default 10,000). */
  readonly maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class KeyedTokenBucket {
  readonly #buckets = new Map<string, Bucket>();
  readonly #options: TokenBucketOptions;
  readonly #clock: Clock;

  constructor(options: TokenBucketOptions, clock: Clock) {
    this.#options = options;
    this.#clock = clock;
  }

  /** Takes one token for the key; false when the bucket is empty (the caller should be refused). */
  take(key: string): boolean {
    const now = this.#clock.now();
    const { ratePerSecond, burst } = this.#options;
    const previous = this.#buckets.get(key);
    const bucket = previous ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, now - bucket.at) * ratePerSecond) / 1000);
    bucket.at = now;
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > (this.#options.maxKeys ?? 10_000)) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  get size(): number {
    return this.#buckets.size;
  }
}
