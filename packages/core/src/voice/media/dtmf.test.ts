import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DtmfReceiver } from "./dtmf-receiver.js";
import {
  decodeTelephoneEvent,
  encodeTelephoneEvent,
  planDtmfPackets,
  type TelephoneEventDigit,
} from "./telephone-event.js";

const digitArb = fc.constantFrom<TelephoneEventDigit>(
  "0",
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
  "*",
  "#",
  "A",
  "D",
);

describe("RFC 4733 telephone events", () => {
  it("encodes and decodes the event, end bit, volume and duration", () => {
    fc.assert(
      fc.property(
        fc.record({
          event: fc.integer({ min: 0, max: 255 }),
          end: fc.boolean(),
          volume: fc.integer({ min: 0, max: 63 }),
          duration: fc.integer({ min: 0, max: 0xffff }),
        }),
        (event) => {
          expect(decodeTelephoneEvent(encodeTelephoneEvent(event))).toEqual({ ok: true, value: event });
        },
      ),
    );
  });

  it("plans a 100 ms press as a marked start, growing durations and three end packets", () => {
    const packets = planDtmfPackets("5", { durationMs: 100 });
    const decoded = packets.map((p) => {
      const d = decodeTelephoneEvent(p.payload);
      return d.ok ? d.value : null;
    });
    expect(packets.map((p) => p.marker)).toEqual([true, false, false, false, false, false, false]);
    expect(decoded.map((d) => d?.duration)).toEqual([160, 320, 480, 640, 800, 800, 800]);
    expect(decoded.map((d) => d?.end)).toEqual([false, false, false, false, true, true, true]);
    expect(decoded.every((d) => d?.event === 5)).toBe(true);
  });
});

interface Wire {
  timestamp: number;
  payload: Uint8Array;
}

function pressesToPackets(digits: TelephoneEventDigit[]): Wire[][] {
  return digits.map((digit, i) =>
    planDtmfPackets(digit, { durationMs: 60 + (i % 4) * 40 }).map((p) => ({
      timestamp: (0xfffff000 + i * 4000) >>> 0,
      payload: p.payload,
    })),
  );
}

describe("DTMF receiver", () => {
  it("reports each press once, in order, from the redundant packets of a clean stream", () => {
    const receiver = new DtmfReceiver();
    const digits: TelephoneEventDigit[] = ["1", "2", "2", "#"];
    const seen = pressesToPackets(digits)
      .flat()
      .flatMap((w, i) => receiver.receive(w.timestamp, w.payload, i * 20));
    expect(seen.map((p) => p.digit)).toEqual(digits);
    expect(seen.every((p) => p.ended)).toBe(true);
  });

  it("closes a press whose end packets were all lost after the silence timeout", () => {
    const receiver = new DtmfReceiver({ silenceTimeoutMs: 200 });
    const [press = []] = pressesToPackets(["7"]);
    const withoutEnd = press.filter((w) => decodeTelephoneEvent(w.payload).ok && (w.payload[1] ?? 0) < 0x80);
    expect(withoutEnd.flatMap((w, i) => receiver.receive(w.timestamp, w.payload, i * 20))).toEqual([]);
    expect(receiver.poll(100)).toEqual([]);
    expect(receiver.poll(400).map((p) => [p.digit, p.ended])).toEqual([["7", false]]);
    expect(receiver.poll(1000)).toEqual([]);
  });

  it("yields exactly one digit per press under loss, duplication and reordering", () => {
    fc.assert(
      fc.property(
        fc.array(digitArb, { minLength: 1, maxLength: 8 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 9 })),
        fc.boolean(),
        (digits, dice, reorder) => {
          const wire: Wire[] = [];
          for (const press of pressesToPackets(digits)) {
            const kept = press.filter(() => dice.next().value > 2);
            if (kept.length === 0 && press[0]) kept.push(press[0]);
            for (const w of kept) {
              wire.push(w);
              if (dice.next().value > 7) wire.push(w);
            }
          }
          if (reorder) {
            for (let i = wire.length - 1; i > 0; i--) {
              const j = Math.max(0, i - (dice.next().value % 4));
              [wire[i], wire[j]] = [wire[j] as Wire, wire[i] as Wire];
            }
          }
          const receiver = new DtmfReceiver();
          const presses = wire.flatMap((w, i) => receiver.receive(w.timestamp, w.payload, i * 20));
          presses.push(...receiver.flush());
          const got = presses.map((p) => p.digit);
          if (reorder) expect([...got].sort()).toEqual([...digits].sort());
          else expect(got).toEqual(digits);
        },
      ),
    );
  });

  it("ignores malformed payloads and events that are not digits", () => {
    const receiver = new DtmfReceiver();
    expect(receiver.receive(1, Uint8Array.from([1, 2]), 0)).toEqual([]);
    expect(
      receiver.receive(2, encodeTelephoneEvent({ event: 16, end: true, volume: 10, duration: 800 }), 0),
    ).toEqual([]);
    expect(receiver.malformedPackets).toBe(1);
  });
});
