import { describe, expect, it } from "vitest";
import { mixMinusOne, mixPcmFrames, scalePcmFrame } from "./mixer.js";
import { generateTone, pcmRms, splitPcmFrames, tonePower } from "./tone.js";

describe("mixer", () => {
  it("sums frames and clips instead of wrapping", () => {
    const mixed = mixPcmFrames([Int16Array.from([30000, -30000, 5]), Int16Array.from([10000, -10000, 6])]);
    expect([...mixed]).toEqual([32767, -32768, 11]);
  });

  it("gives every conference participant everyone but themselves", () => {
    const [a, b, c] = mixMinusOne([Int16Array.from([1]), Int16Array.from([10]), Int16Array.from([100])]);
    expect([a?.[0], b?.[0], c?.[0]]).toEqual([110, 101, 11]);
  });

  it("scales a frame with clipping", () => {
    expect([...scalePcmFrame(Int16Array.from([100, 30000]), 2)]).toEqual([200, 32767]);
  });
});

describe("tones", () => {
  it("finds a generated tone at its frequency and not at another", () => {
    const tone = generateTone({ frequencyHz: 1000, durationMs: 100, amplitude: 8000 });
    expect(tone.length).toBe(800);
    expect(pcmRms(tone)).toBeCloseTo(8000 / Math.SQRT2, -1);
    expect(tonePower(tone, 1000)).toBeGreaterThan(100 * tonePower(tone, 1400));
    expect(splitPcmFrames(tone).length).toBe(5);
  });
});
