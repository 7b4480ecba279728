/**
 * Media recorded by real phones — the RTP captures sipp ships in /usr/share/sip-tester — replayed over
 * loopback at Sentra's RTP session with their original timing.
 */
import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { readPcapUdp } from "../../testing/pcap-reader.js";
import { RawUdpPeer, sleep } from "../../testing/rtp-peer.js";
import { decodeG711 } from "./g711.js";
import { MediaScheduler } from "./media-scheduler.js";
import { RtpPortAllocator } from "./port-allocator.js";
import { RtpSession } from "./rtp-session.js";

const PCAPS = "/usr/share/sip-tester";
const scheduler = new MediaScheduler();
const ports = new RtpPortAllocator({ min: 42000, max: 42998 });
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((close) => close()));
});

async function openSession(): Promise<{ session: RtpSession; peer: RawUdpPeer }> {
  const session = await RtpSession.open({ scheduler, ports, codec: "PCMA", rtcpMux: true });
  const peer = await RawUdpPeer.open();
  cleanup.push(
    () => session.close(),
    () => peer.close(),
  );
  return { session, peer };
}

describe.skipIf(!existsSync(`${PCAPS}/g711a.pcap`))("sipp's RTP captures played into an RTP session", () => {
  const digitFiles: [string, string][] = [
    ["0", "0"],
    ["1", "1"],
    ["5", "5"],
    ["9", "9"],
    ["star", "*"],
    ["pound", "#"],
  ];

  it.each(digitFiles)("detects exactly one digit from dtmf_2833_%s.pcap", async (file, digit) => {
    const datagrams = await readPcapUdp(`${PCAPS}/dtmf_2833_${file}.pcap`);
    expect(datagrams.length).toBeGreaterThan(3);
    const { session, peer } = await openSession();
    const digits: string[] = [];
    session.onDtmf((press) => digits.push(press.digit));
    await peer.play(datagrams, session.localPort);
    await sleep(400);
    expect(digits).toEqual([digit]);
  });

  it("plays the 30 ms A-law packets of g711a.pcap into the sinks as 20 ms frames, sample for sample", async () => {
    const datagrams = (await readPcapUdp(`${PCAPS}/g711a.pcap`)).slice(0, 120);
    const { session, peer } = await openSession();
    const heard: Int16Array[] = [];
    session.addSink({ onFrame: (frame) => frame.kind === "audio" && heard.push(frame.samples) });
    await peer.play(datagrams, session.localPort);
    await sleep(300);
    const concat = (frames: Int16Array[]) => Int16Array.from(frames.flatMap((f) => [...f]));
    const expected = concat(datagrams.map((d) => decodeG711("PCMA", d.payload.subarray(12))));
    expect(expected.length).toBe(120 * 240);
    expect(session.stats()).toMatchObject({ packetsReceived: 120, packetsLost: 0, malformedPackets: 0 });
    expect(heard.every((frame) => frame.length === 160)).toBe(true);
    expect(concat(heard)).toEqual(expected);
    expect(session.remote?.port).toBe(peer.socket.address().port);
  });

  it("starts over cleanly when the far end switches to a new SSRC that reuses sequence numbers", async () => {
    const datagrams = (await readPcapUdp(`${PCAPS}/g711a.pcap`)).slice(0, 40);
    const { session, peer } = await openSession();
    let audio = 0;
    session.addSink({ onFrame: (frame) => frame.kind === "audio" && audio++ });
    await peer.play(datagrams, session.localPort);
    const secondSource = datagrams.map((d) => {
      const payload = Buffer.from(d.payload);
      payload.writeUInt32BE(0x5e47a000, 8);
      return { atMs: d.atMs, payload };
    });
    await peer.play(secondSource, session.localPort);
    await sleep(300);
    expect(session.stats()).toMatchObject({
      packetsReceived: 80,
      packetsLost: 0,
      duplicatePackets: 0,
      sourceChanges: 1,
    });
    // At the switch only what the old source still had buffered (its jitter delay, ≤ 3 frames) is dropped.
    expect(audio).toBeGreaterThanOrEqual((80 * 240) / 160 - 3);
    expect(audio).toBeLessThanOrEqual((80 * 240) / 160);
  });
});
