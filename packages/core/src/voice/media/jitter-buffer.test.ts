import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JitterBuffer, type JitterPop } from "./jitter-buffer.js";

const drain = <T>(buffer: JitterBuffer<T>, ticks: number): JitterPop<T>[] =>
  Array.from({ length: ticks }, () => buffer.pop());

describe("jitter buffer", () => {
  it("waits for the target delay, then plays reordered packets in sequence order", () => {
    const buffer = new JitterBuffer<string>({ minDelayFrames: 2 });
    buffer.push(11, "b");
    expect(buffer.pop()).toEqual({ kind: "waiting" });
    buffer.push(10, "a");
    buffer.push(12, "c");
    const out = drain(buffer, 3).map((p) => (p.kind === "frame" ? p.item : p.kind));
    expect(out).toEqual(["a", "b", "c"]);
  });

  it("reports a gap as lost when later packets wait, and a packet for an already played slot as late", () => {
    const buffer = new JitterBuffer<number>({ minDelayFrames: 1 });
    buffer.push(1, 1);
    buffer.push(3, 3);
    expect(drain(buffer, 3).map((p) => p.kind)).toEqual(["frame", "lost", "frame"]);
    expect(buffer.push(2, 2)).toBe("late");
    expect(buffer.push(3, 3)).toBe("duplicate");
    expect(buffer.stats).toMatchObject({ lost: 1, late: 1, duplicates: 1, played: 2 });
  });

  it("plays straight through the 16-bit sequence wrap", () => {
    const buffer = new JitterBuffer<number>({ minDelayFrames: 4 });
    const sent = [65534, 65535, 0, 1];
    for (const s of sent) buffer.push(s, s);
    expect(drain(buffer, 4).map((p) => (p.kind === "frame" ? p.sequence : -1))).toEqual(sent);
  });

  it("raises its target delay after an underrun and lowers it after a calm run", () => {
    const buffer = new JitterBuffer<number>({ minDelayFrames: 1, maxDelayFrames: 4, shrinkAfterFrames: 5 });
    buffer.push(0, 0);
    buffer.pop();
    expect(buffer.pop()).toEqual({ kind: "waiting" });
    expect(buffer.stats.targetDelayFrames).toBe(2);
    for (let s = 1; s < 20; s++) {
      buffer.push(s, s);
      buffer.pop();
    }
    expect(buffer.stats.targetDelayFrames).toBe(1);
  });

  it("resynchronises when the sequence jumps far (a new sender behind the same port)", () => {
    const buffer = new JitterBuffer<number>({ minDelayFrames: 1 });
    buffer.push(100, 100);
    buffer.pop();
    expect(buffer.push(30000, 30000)).toBe("resynchronised");
    expect(buffer.pop()).toMatchObject({ kind: "frame", sequence: 30000 });
  });

  it("never emits out of order or twice, and every frame emitted was pushed with that sequence", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff }),
        fc.array(
          fc.record({ offset: fc.integer({ min: -6, max: 6 }), pops: fc.integer({ min: 0, max: 2 }) }),
          {
            maxLength: 300,
          },
        ),
        (start, steps) => {
          const buffer = new JitterBuffer<number>({ minDelayFrames: 2, maxDelayFrames: 6 });
          const emitted: number[] = [];
          steps.forEach((step, i) => {
            const sequence = (start + i + step.offset + 0x10000) & 0xffff;
            buffer.push(sequence, sequence);
            for (let k = 0; k < step.pops; k++) {
              const out = buffer.pop();
              if (out.kind === "frame") {
                expect(out.item).toBe(out.sequence);
                emitted.push(out.sequence);
              }
            }
          });
          const unwrapped = emitted.map((s) => (((s - start) & 0xffff) << 16) >> 16);
          for (let i = 1; i < unwrapped.length; i++) {
            expect(unwrapped[i]).toBeGreaterThan(unwrapped[i - 1] as number);
          }
        },
      ),
    );
  });
});
