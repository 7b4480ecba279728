import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventHeap } from "./event-heap.js";

describe("EventHeap", () => {
  it("pops by time, ties in scheduling order, like a stable sort (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 300 }),
        (steps) => {
          const heap = new EventHeap();
          const oracle: { time: number; id: number }[] = [];
          const popped: number[] = [];
          const expected: number[] = [];
          steps.forEach(([time, popFirst], id) => {
            if (popFirst && heap.size > 0) {
              popped.push(heap.topSubject());
              heap.pop();
              oracle.sort((a, b) => a.time - b.time || a.id - b.id);
              expected.push(oracle.shift()!.id);
            }
            heap.push(time, 1, id);
            oracle.push({ time, id });
          });
          while (heap.size > 0) {
            popped.push(heap.topSubject());
            heap.pop();
          }
          oracle.sort((a, b) => a.time - b.time || a.id - b.id);
          expected.push(...oracle.map((o) => o.id));
          expect(popped).toEqual(expected);
        },
      ),
    );
  });

  it("reports +Infinity when empty and keeps kind and token with the event", () => {
    const heap = new EventHeap();
    expect(heap.peekTime()).toBe(Number.POSITIVE_INFINITY);
    heap.push(5, 3, 7, 9);
    expect([heap.peekTime(), heap.topKind(), heap.topSubject(), heap.topToken()]).toEqual([5, 3, 7, 9]);
  });
});
