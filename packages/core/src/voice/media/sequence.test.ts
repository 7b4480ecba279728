import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isSequenceNewer,
  SequenceUnwrapper,
  sequenceAdd,
  sequenceDistance,
  timestampAdd,
  timestampDistance,
} from "./sequence.js";

describe("sequence and timestamp arithmetic", () => {
  it("treats 0 as newer than 65535 across the wrap", () => {
    expect(sequenceDistance(65535, 0)).toBe(1);
    expect(sequenceDistance(0, 65535)).toBe(-1);
    expect(isSequenceNewer(0, 65535)).toBe(true);
    expect(sequenceAdd(65535, 2)).toBe(1);
  });

  it("measures timestamp distances across the 32-bit wrap", () => {
    expect(timestampDistance(0xffffff60, 0x40)).toBe(0xe0);
    expect(timestampAdd(0xffffffff, 160)).toBe(159);
  });

  it("adding a distance and measuring it back agree for any start", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: -32768, max: 32767 }),
        (start, delta) => {
          expect(sequenceDistance(start, sequenceAdd(start, delta))).toBe(delta);
        },
      ),
    );
  });

  it("unwraps a long run of sequence numbers into a monotonic count", () => {
    const unwrapper = new SequenceUnwrapper();
    const values = Array.from({ length: 200_000 }, (_, i) => unwrapper.unwrap((65000 + i) & 0xffff));
    expect(values.at(-1)).toBe(65000 + 199_999);
    expect(unwrapper.unwrap((65000 + 199_990) & 0xffff)).toBe(65000 + 199_990);
  });
});
