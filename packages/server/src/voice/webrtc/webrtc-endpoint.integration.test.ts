import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserLikePeer, LoopbackStun } from "../../testing/browser-like-peer.js";
import { candidateAddresses } from "./browser-sdp.js";
import { WebRtcEndpoint, WebRtcError } from "./webrtc-endpoint.js";

const OPTIONS = { host: "127.0.0.1", connectTimeoutMs: 10_000 } as const;

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Handles that keep the event loop alive (sockets, timers); must return to the baseline after each call. */
function liveHandles(): string[] {
  return process
    .getActiveResourcesInfo()
    .filter((kind) => kind === "UDPWrap" || kind === "Timeout")
    .sort();
}

describe("WebRtcEndpoint against a full ICE peer on loopback", () => {
  let stun: LoopbackStun;
  beforeAll(async () => {
    stun = await LoopbackStun.start();
  });

  /** After a call: the loopback STUN socket is the only UDP socket and no timer is pending. */
  async function expectNothingLeaked(): Promise<void> {
    const expected = ["UDPWrap"];
    await until(() => liveHandles().join() === expected.join(), 3000).catch(() => undefined);
    expect(liveHandles()).toEqual(expected);
  }
  afterAll(async () => {
    await stun.stop();
  });

  it("answers a PCMU offer with a single 127.0.0.1 host candidate, ICE-lite and only payload type 0", async () => {
    const peer = await BrowserLikePeer.create(stun);
    const { endpoint, sdp } = await WebRtcEndpoint.answer(await peer.offer(), OPTIONS);
    try {
      expect(candidateAddresses(sdp)).toEqual(["127.0.0.1"]);
      expect(sdp).toMatch(/^a=ice-lite\r?$/m);
      expect(sdp).toMatch(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF 0\r?$/m);
      expect(sdp).toMatch(/^a=rtpmap:0 PCMU\/8000/m);
      expect(sdp).toMatch(/^a=fingerprint:sha-256 /m);
    } finally {
      await endpoint.close();
      await peer.close();
    }
    await expectNothingLeaked();
  });

  it("exchanges PCMU frames both ways, counts them, and leaves no socket or timer after close", async () => {
    const peer = await BrowserLikePeer.create(stun);
    const { endpoint, sdp } = await WebRtcEndpoint.answer(await peer.offer(), OPTIONS);
    const echoed: Buffer[] = [];
    endpoint.onAudioFrame((pcmu) => {
      echoed.push(pcmu);
      endpoint.sendAudioFrame(pcmu);
    });
    const reasons: string[] = [];
    endpoint.onClose((reason) => reasons.push(reason));
    await peer.accept(sdp);
    await until(() => endpoint.connected, 8000);
    const frame = Buffer.alloc(160, 0x7f);
    for (let i = 0; i < 60; i++) {
      peer.sendFrame(frame);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await until(() => peer.received >= 50, 5000);
    expect(endpoint.stats.rtpIn).toBeGreaterThanOrEqual(50);
    expect(endpoint.stats.rtpOut).toBe(endpoint.stats.rtpIn);
    expect(echoed[0]).toEqual(frame);

    await endpoint.close("hangup");
    await peer.close();
    expect(reasons).toEqual(["hangup"]);
    expect(endpoint.closed).toBe(true);
    await expectNothingLeaked();
  });

  it("never resolves the browser's mDNS candidates, so no multicast DNS socket is opened", async () => {
    const peer = await BrowserLikePeer.create(stun);
    const sockets = () => liveHandles().filter((kind) => kind === "UDPWrap").length;
    const mdns = "a=candidate:9 1 udp 2122260223 0b6f3c2e-1d2a-4f7c-9a1b-4c5d6e7f8a9b.local 50000 typ host";
    const offer = (await peer.offer()).replace(/(a=ice-pwd:[^\r\n]*\r?\n)/, `$1${mdns}\r\n`);
    expect(offer).toContain(mdns);
    const before = sockets();
    const { endpoint } = await WebRtcEndpoint.answer(offer, OPTIONS);
    await endpoint.addRemoteCandidate(mdns.slice(2), "0", 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The endpoint's own host-candidate socket and nothing else.
    expect(sockets()).toBe(before + 1);
    await endpoint.close();
    await peer.close();
    await expectNothingLeaked();
  });

  it.each([
    ["not SDP at all", "hello", 'SDP must start with "v=0".'],
    [
      "no audio section",
      "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n",
      "SDP has no audio section (m=audio).",
    ],
    [
      "no PCMU",
      "v=0\r\ns=-\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=ice-ufrag:x\r\na=ice-pwd:y\r\na=fingerprint:sha-256 AA\r\n",
      "The audio section does not offer PCMU (payload type 0).",
    ],
    [
      "no fingerprint",
      "v=0\r\ns=-\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=ice-ufrag:x\r\na=ice-pwd:y\r\n",
      "SDP lacks a DTLS fingerprint (a=fingerprint).",
    ],
  ])("refuses an offer with %s as invalid_sdp, opening nothing", async (_name, offer, message) => {
    const failure = await WebRtcEndpoint.answer(offer, OPTIONS).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WebRtcError);
    expect(failure).toMatchObject({ code: "invalid_sdp", message });
    await expectNothingLeaked();
  });

  it("closes itself with connect_timeout when the browser never connects, releasing its socket", async () => {
    const peer = await BrowserLikePeer.create(stun);
    const offer = await peer.offer();
    await peer.close();
    const { endpoint } = await WebRtcEndpoint.answer(offer, { host: "127.0.0.1", connectTimeoutMs: 300 });
    const reason = await new Promise((resolve) => endpoint.onClose(resolve));
    expect(reason).toBe("connect_timeout");
    await expectNothingLeaked();
  });
});
