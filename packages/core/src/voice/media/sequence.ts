/**
 * Wrap-around arithmetic for RTP sequence numbers (16 bit) and timestamps (32 bit), RFC 3550 §A.1 style:
 * the shorter way round the circle decides which value is newer.
 */

/** Signed distance from `from` to `to` in [-32768, 32767]; positive when `to` is newer. */
export function sequenceDistance(from: number, to: number): number {
  return (((to - from) & 0xffff) << 16) >> 16;
}

export function sequenceAdd(sequence: number, delta: number): number {
  return (sequence + delta) & 0xffff;
}

export function isSequenceNewer(candidate: number, reference: number): boolean {
  return sequenceDistance(reference, candidate) > 0;
}

/** Signed distance between two 32-bit RTP timestamps; positive when `to` is later. */
export function timestampDistance(from: number, to: number): number {
  return (to - from) | 0;
}

export function timestampAdd(timestamp: number, delta: number): number {
  return (timestamp + delta) >>> 0;
}

/**
 * Extends 16-bit sequence numbers to a monotonic count across wraps (the "extended sequence number" of
 * RFC 3550 §6.4.1), relative to the highest number seen so far.
 */
export class SequenceUnwrapper {
  #highest: number | null = null;
  #highestSequence = 0;

  unwrap(sequence: number): number {
    const masked = sequence & 0xffff;
    if (this.#highest === null) {
      this.#highest = masked;
      this.#highestSequence = masked;
      return masked;
    }
    const extended = this.#highest + sequenceDistance(this.#highestSequence, masked);
    if (extended > this.#highest) {
      this.#highest = extended;
      this.#highestSequence = masked;
    }
    return extended;
  }

  get highest(): number | null {
    return this.#highest;
  }
}
