import { describe, expect, it } from "vitest";
import { candidateAddresses, checkBrowserSdp, isMdnsCandidate } from "./browser-sdp.js";

const offer = (extra: string[]) =>
  [
    "v=0",
    "o=- 1 2 IN IP4 127.0.0.1",
    "s=-",
    "t=0 0",
    "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8",
    "a=ice-ufrag:abcd",
    "a=ice-pwd:abcdefghijklmnopqrstuv",
    "a=fingerprint:sha-256 AA:BB",
    ...extra,
  ].join("\r\n");

describe("checking a browser's SDP before werift sees it", () => {
  it("keeps address candidates and drops mDNS (.local) ones, which would make werift query the LAN", () => {
    const checked = checkBrowserSdp(
      offer([
        "a=candidate:1 1 udp 2122260223 192.0.2.2 54321 typ host",
        "a=candidate:2 1 udp 2122260223 0b6f3c2e-1d2a-4f7c-9a1b-4c5d6e7f8a9b.local 54322 typ host",
        "a=candidate:3 1 udp 2122260223 127.0.0.1 54323 typ host",
      ]),
    );
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(candidateAddresses(checked.sdp)).toEqual(["192.0.2.2", "127.0.0.1"]);
  });

  it.each([
    ["candidate:2 1 udp 2122260223 abc.local 5000 typ host", true],
    ["candidate:2 1 udp 2122260223 ABC.LOCAL 5000 typ host", true],
    ["candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host", false],
    ["garbage", false],
  ])("recognises %s as mDNS: %s", (candidate, expected) => {
    expect(isMdnsCandidate(candidate)).toBe(expected);
  });

  it("refuses an SDP over 20000 characters", () => {
    expect(checkBrowserSdp(offer([`a=x:${"y".repeat(20_000)}`]))).toEqual({
      ok: false,
      message: "SDP is longer than 20000 characters.",
    });
  });

  it("refuses an audio section without ICE credentials", () => {
    expect(
      checkBrowserSdp("v=0\r\ns=-\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=fingerprint:sha-256 AA\r\n"),
    ).toEqual({
      ok: false,
      message: "SDP lacks ICE credentials (a=ice-ufrag / a=ice-pwd).",
    });
  });
});
