import { describe, expect, it } from "vitest";
import { answerAudioOffer, createAudioOffer, readAudioAnswer } from "./audio-sdp.js";

const SIPP_OFFER = [
  "v=0",
  "o=user1 53655765 2353687637 IN IP4 127.0.0.1",
  "s=-",
  "c=IN IP4 127.0.0.1",
  "t=0 0",
  "m=audio 6000 RTP/AVP 8 101",
  "a=rtpmap:8 PCMA/8000",
  "a=rtpmap:101 telephone-event/8000",
  "a=fmtp:101 0-11,16",
  "",
].join("\r\n");

describe("audio SDP offer/answer", () => {
  it("offers PCMU, PCMA and telephone-event with ptime 20", () => {
    const offer = createAudioOffer({ address: "127.0.0.1", port: 20000, sessionId: 1 });
    expect(offer).toContain("m=audio 20000 RTP/AVP 0 8 101");
    expect(offer).toContain("a=rtpmap:101 telephone-event/8000");
    expect(offer).toContain("a=ptime:20");
    expect(offer).toContain("c=IN IP4 127.0.0.1");
  });

  it("answers a sipp-style PCMA offer with PCMA, keeping its telephone-event payload type", () => {
    const result = answerAudioOffer(SIPP_OFFER, { address: "127.0.0.1", port: 20002, sessionId: 7 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.negotiated).toEqual({
      codec: "PCMA",
      payloadType: 8,
      telephoneEventPayloadType: 101,
      remote: { address: "127.0.0.1", port: 6000, rtcpPort: 6001 },
      rtcpMux: false,
      ptimeMs: 20,
      direction: "sendrecv",
    });
    expect(result.answer).toContain("m=audio 20002 RTP/AVP 8 101");
  });

  it("answers a hold (sendonly) offer with recvonly and understands static payload types without rtpmap", () => {
    const offer = SIPP_OFFER.replace("m=audio 6000 RTP/AVP 8 101", "m=audio 6000 RTP/AVP 0")
      .replace("a=rtpmap:8 PCMA/8000\r\n", "a=sendonly\r\n")
      .replace(/a=rtpmap:101.*\r\na=fmtp.*\r\n/, "");
    const result = answerAudioOffer(offer, { address: "127.0.0.1", port: 20004 });
    expect(result.ok && result.negotiated).toMatchObject({
      codec: "PCMU",
      direction: "recvonly",
      telephoneEventPayloadType: null,
    });
  });

  it.each([
    [
      "sdp_no_common_codec",
      SIPP_OFFER.replace("RTP/AVP 8 101", "RTP/AVP 18 101").replace("rtpmap:8 PCMA", "rtpmap:18 G729"),
    ],
    ["sdp_no_audio", SIPP_OFFER.replace("m=audio 6000", "m=audio 0")],
    ["sdp_no_address", SIPP_OFFER.replace("c=IN IP4 127.0.0.1\r\n", "")],
  ])("refuses an unusable offer with %s", (code, offer) => {
    const result = answerAudioOffer(offer, { address: "127.0.0.1", port: 20006 });
    expect(!result.ok && result.error.code).toBe(code);
  });

  it("reads the answer to its own offer, with rtcp-mux when both sides want it", () => {
    const local = { address: "127.0.0.1", port: 20008, rtcpMux: true };
    const answered = answerAudioOffer(createAudioOffer(local), {
      address: "127.0.0.1",
      port: 30000,
      rtcpMux: true,
    });
    expect(answered.ok).toBe(true);
    if (!answered.ok) return;
    const read = readAudioAnswer(answered.answer, local);
    expect(read.ok && read.negotiated).toMatchObject({
      codec: "PCMU",
      rtcpMux: true,
      remote: { port: 30000, rtcpPort: 30000 },
      telephoneEventPayloadType: 101,
    });
  });

  it("never throws on garbage", () => {
    for (const junk of ["", "garbage", "m=audio x", "v=0\r\nm=audio 1 RTP/AVP\r\n"]) {
      expect(() => answerAudioOffer(junk, { address: "127.0.0.1", port: 1 })).not.toThrow();
    }
  });
});
