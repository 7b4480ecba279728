import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { looksLikeRtcp, parseRtpPacket, type RtpPacket, serializeRtpPacket } from "./rtp-packet.js";

const packetArb: fc.Arbitrary<RtpPacket> = fc.record({
  marker: fc.boolean(),
  payloadType: fc.integer({ min: 0, max: 127 }),
  sequenceNumber: fc.integer({ min: 0, max: 0xffff }),
  timestamp: fc.integer({ min: 0, max: 0xffffffff }),
  ssrc: fc.integer({ min: 0, max: 0xffffffff }),
  csrcs: fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 15 }),
  extension: fc.option(
    fc.record({
      profile: fc.integer({ min: 0, max: 0xffff }),
      data: fc
        .integer({ min: 0, max: 8 })
        .chain((words) => fc.uint8Array({ minLength: words * 4, maxLength: words * 4 })),
    }),
  ),
  payload: fc.uint8Array({ maxLength: 200 }),
  paddingLength: fc.integer({ min: 0, max: 32 }),
});

describe("RTP packets", () => {
  it("parses what it serialises, field for field", () => {
    fc.assert(
      fc.property(packetArb, (packet) => {
        const parsed = parseRtpPacket(serializeRtpPacket(packet));
        expect(parsed).toEqual({ ok: true, value: packet });
      }),
    );
  });

  it("reads a G.711 packet header as laid out in RFC 3550", () => {
    const bytes = Uint8Array.from([
      0x80, 0x88, 0x12, 0x34, 0, 0, 0x01, 0x40, 0xde, 0xad, 0xbe, 0xef, 0xd5, 0xd5,
    ]);
    const parsed = parseRtpPacket(bytes);
    expect(parsed.ok && parsed.value).toMatchObject({
      marker: true,
      payloadType: 8,
      sequenceNumber: 0x1234,
      timestamp: 320,
      ssrc: 0xdeadbeef,
      payload: Uint8Array.from([0xd5, 0xd5]),
    });
  });

  it.each([
    ["rtp_too_short", [0x80, 0, 0, 1]],
    ["rtp_bad_version", [0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]],
    ["rtp_bad_csrc", [0x82, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]],
    ["rtp_bad_extension", [0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xbe, 0xde, 0, 2, 0, 0, 0, 0]],
    ["rtp_bad_padding", [0xa0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9, 9, 0]],
  ])("answers malformed input with the typed error %s", (code, bytes) => {
    const parsed = parseRtpPacket(Uint8Array.from(bytes));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.code).toBe(code);
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(() => parseRtpPacket(bytes)).not.toThrow();
      }),
    );
  });

  it("tells RTCP from RTP on a multiplexed port by the packet type byte", () => {
    expect(looksLikeRtcp(Uint8Array.from([0x80, 200, 0, 6, 0, 0, 0, 1]))).toBe(true);
    expect(looksLikeRtcp(Uint8Array.from([0x80, 0x00, 0, 6, 0, 0, 0, 1]))).toBe(false);
  });
});
