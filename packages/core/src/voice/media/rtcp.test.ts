import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRtcpPackets, type RtcpPacket, type RtcpReportBlock, serializeRtcpPackets } from "./rtcp.js";

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const blockArb: fc.Arbitrary<RtcpReportBlock> = fc.record({
  ssrc: u32,
  fractionLost: fc.integer({ min: 0, max: 255 }),
  cumulativeLost: fc.integer({ min: -0x800000, max: 0x7fffff }),
  highestSequence: u32,
  jitter: u32,
  lastSenderReport: u32,
  delaySinceLastSenderReport: u32,
});
const packetArb: fc.Arbitrary<RtcpPacket> = fc.oneof(
  fc.record({
    type: fc.constant("sr" as const),
    ssrc: u32,
    ntpSeconds: u32,
    ntpFraction: u32,
    rtpTimestamp: u32,
    packetCount: u32,
    octetCount: u32,
    reports: fc.array(blockArb, { maxLength: 4 }),
  }),
  fc.record({ type: fc.constant("rr" as const), ssrc: u32, reports: fc.array(blockArb, { maxLength: 4 }) }),
  fc.record({
    type: fc.constant("bye" as const),
    ssrcs: fc.array(u32, { maxLength: 5 }),
    reason: fc.option(
      fc.string({
        maxLength: 40,
        unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)),
      }),
    ),
  }),
);

describe("RTCP", () => {
  it("parses a compound packet it serialised back to the same reports", () => {
    fc.assert(
      fc.property(fc.array(packetArb, { minLength: 1, maxLength: 4 }), (packets) => {
        expect(parseRtcpPackets(serializeRtcpPackets(packets))).toEqual({ ok: true, value: packets });
      }),
    );
  });

  it("keeps unknown packet types such as SDES as opaque bytes", () => {
    const sdes = Uint8Array.from([0x81, 202, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0]);
    const rr = serializeRtcpPackets([{ type: "rr", ssrc: 7, reports: [] }]);
    const parsed = parseRtcpPackets(Uint8Array.from([...rr, ...sdes]));
    expect(parsed.ok && parsed.value.map((p) => p.type)).toEqual(["rr", "other"]);
  });

  it("rejects a length that points past the datagram and never throws on noise", () => {
    const parsed = parseRtcpPackets(Uint8Array.from([0x80, 201, 0, 9, 0, 0, 0, 1]));
    expect(!parsed.ok && parsed.error.code).toBe("rtcp_bad_length");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(() => parseRtcpPackets(bytes)).not.toThrow();
      }),
    );
  });
});
