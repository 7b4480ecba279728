import { describe, expect, it } from "vitest";
import { ManualClock } from "../../time/clock.js";
import { KeyedTokenBucket } from "./token-bucket.js";

describe("keyed token bucket", () => {
  it("allows a burst, refuses the next and refills at the configured rate per key", () => {
    const clock = new ManualClock(0);
    const bucket = new KeyedTokenBucket({ ratePerSecond: 2, burst: 3 }, clock);
    expect([1, 2, 3, 4].map(() => bucket.take("10.0.0.1"))).toEqual([true, true, true, false]);
    expect(bucket.take("10.0.0.2")).toBe(true);
    clock.advance(499);
    expect(bucket.take("10.0.0.1")).toBe(false);
    clock.advance(1);
    expect(bucket.take("10.0.0.1")).toBe(true);
    clock.advance(60_000);
    expect([1, 2, 3, 4].map(() => bucket.take("10.0.0.1"))).toEqual([true, true, true, false]);
  });

  it("forgets the least recently used keys beyond its limit", () => {
    const bucket = new KeyedTokenBucket({ ratePerSecond: 1, burst: 1, maxKeys: 2 }, new ManualClock());
    bucket.take("a");
    bucket.take("b");
    bucket.take("c");
    expect(bucket.size).toBe(2);
    expect(bucket.take("a")).toBe(true);
  });
});
