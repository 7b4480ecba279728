/**
 * Hands out even RTP ports from a configured range (RTCP takes port + 1 unless rtcp-mux), round robin so a
 * just-released port is not reused at once (late packets of the old call would land in the new one).
 */
export interface RtpPortRange {
  /** Lowest port, rounded up to even. Default 20000. */
  readonly min?: number;
  /** Highest RTP port (its RTCP port is max + 1). Default 29998. */
  readonly max?: number;
}

export class RtpPortAllocator {
  readonly min: number;
  readonly max: number;
  readonly #inUse = new Set<number>();
  #cursor: number;

  constructor(range: RtpPortRange = {}) {
    this.min = Math.ceil((range.min ?? 20000) / 2) * 2;
    this.max = Math.min(65534, range.max ?? 29998);
    if (this.max < this.min) throw new RangeError(`The RTP port range ${this.min}-${this.max} is empty.`);
    this.#cursor = this.min;
  }

  /** The next free even port, or null when every port of the range is taken. */
  reserve(): number | null {
    const slots = Math.floor((this.max - this.min) / 2) + 1;
    for (let i = 0; i < slots; i++) {
      const port = this.#cursor;
      this.#cursor = port + 2 > this.max ? this.min : port + 2;
      if (!this.#inUse.has(port)) {
        this.#inUse.add(port);
        return port;
      }
    }
    return null;
  }

  release(port: number): void {
    this.#inUse.delete(port);
  }

  get inUse(): number {
    return this.#inUse.size;
  }
}
