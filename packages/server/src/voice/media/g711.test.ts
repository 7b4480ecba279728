import { generateTone } from "@sentra/core";
import { describe, expect, it } from "vitest";
import { decodeG711, encodeG711, silentG711Frame } from "./g711.js";
import { RtpPortAllocator } from "./port-allocator.js";

describe("G.711", () => {
  it.each(["PCMU", "PCMA"] as const)(
    "round-trips speech-level audio in %s within the law's quantisation",
    (codec) => {
      const tone = generateTone({ frequencyHz: 700, durationMs: 20, amplitude: 12000 });
      const back = decodeG711(codec, encodeG711(codec, tone));
      tone.forEach((sample, i) => {
        expect(Math.abs((back[i] ?? 0) - sample)).toBeLessThanOrEqual(Math.max(16, Math.abs(sample) / 16));
      });
      expect(Math.max(...decodeG711(codec, silentG711Frame(codec)).map(Math.abs))).toBeLessThanOrEqual(8);
    },
  );

  it("uses the standard silence bytes: 0xFF for µ-law, 0xD5 for A-law", () => {
    expect(silentG711Frame("PCMU")[0]).toBe(0xff);
    expect(silentG711Frame("PCMA")[0]).toBe(0xd5);
  });
});

describe("RTP port allocator", () => {
  it("hands out even ports round robin, skips ports in use and reports exhaustion", () => {
    const ports = new RtpPortAllocator({ min: 10001, max: 10006 });
    expect([ports.reserve(), ports.reserve(), ports.reserve()]).toEqual([10002, 10004, 10006]);
    expect(ports.reserve()).toBeNull();
    ports.release(10004);
    expect(ports.reserve()).toBe(10004);
    expect(ports.inUse).toBe(3);
  });
});
