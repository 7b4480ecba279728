import { fileURLToPath } from "node:url";
import { generateTone, splitPcmFrames, tonePower } from "@sentra/core";
import { afterEach, describe, expect, it } from "vitest";
import { liveHandles, waitFor } from "../../testing/rtp-peer.js";
import { bridgeSessions } from "./bridge.js";
import { decodeG711, encodeG711 } from "./g711.js";
import { type InboundFrame, PcmFramesSource } from "./media-frames.js";
import { MediaScheduler } from "./media-scheduler.js";
import { RtpPortAllocator } from "./port-allocator.js";
import { PromptLibrary, PromptPlayer } from "./prompt-library.js";
import { RtpSession } from "./rtp-session.js";

const scheduler = new MediaScheduler();
const ports = new RtpPortAllocator({ min: 41000, max: 41998 });
const open: RtpSession[] = [];

async function pair(codec: "PCMU" | "PCMA" = "PCMU", rtcpMux = false): Promise<[RtpSession, RtpSession]> {
  const a = await RtpSession.open({ scheduler, ports, codec, rtcpMux, rtcpIntervalMs: 200 });
  const b = await RtpSession.open({ scheduler, ports, codec, rtcpMux, rtcpIntervalMs: 200 });
  a.setRemote({ address: "127.0.0.1", port: b.localPort });
  b.setRemote({ address: "127.0.0.1", port: a.localPort });
  open.push(a, b);
  return [a, b];
}

function collect(session: RtpSession): InboundFrame[] {
  const frames: InboundFrame[] = [];
  session.addSink({ onFrame: (frame) => frames.push(frame) });
  return frames;
}

const audible = (frames: InboundFrame[]) =>
  frames.filter((f) => f.kind === "audio" && f.samples.some((s) => s !== 0));
const concat = (frames: Int16Array[]) => Int16Array.from(frames.flatMap((f) => [...f]));

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

describe("RTP sessions over loopback", () => {
  it.each(["PCMU", "PCMA"] as const)(
    "carries a tone each way in %s, sample for sample after G.711",
    async (codec) => {
      const [a, b] = await pair(codec);
      const toneA = splitPcmFrames(generateTone({ frequencyHz: 1000, durationMs: 1000 }));
      const toneB = splitPcmFrames(generateTone({ frequencyHz: 440, durationMs: 1000 }));
      const atA = collect(a);
      const atB = collect(b);
      const sourceA = new PcmFramesSource(toneA);
      const sourceB = new PcmFramesSource(toneB);
      a.setSource(sourceA);
      b.setSource(sourceB);
      await waitFor(
        () => sourceA.finished && sourceB.finished && audible(atB).length >= 50 && audible(atA).length >= 50,
      );

      const heardByB = concat(audible(atB).map((f) => f.samples));
      const expectedAtB = decodeG711(codec, encodeG711(codec, concat(toneA)));
      expect(heardByB).toEqual(expectedAtB);
      expect(tonePower(heardByB, 1000)).toBeGreaterThan(100 * tonePower(heardByB, 440));
      const heardByA = concat(audible(atA).map((f) => f.samples));
      expect(tonePower(heardByA, 440)).toBeGreaterThan(100 * tonePower(heardByA, 1000));
      expect(b.stats()).toMatchObject({ packetsLost: 0, malformedPackets: 0 });
      expect(b.stats().packetsReceived).toBeGreaterThanOrEqual(50);
    },
  );

  it("sends RFC 4733 digits that the other session detects once each, in order", async () => {
    const [a, b] = await pair("PCMA");
    const digits: string[] = [];
    b.onDtmf((press) => digits.push(press.digit));
    a.sendDtmf("123#*9", { durationMs: 80, gapMs: 60 });
    await waitFor(() => digits.length >= 6 && !a.sendingDtmf);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(digits.join("")).toBe("123#*9");
    expect(() => a.sendDtmf("12x")).toThrow(/not a DTMF digit/);
  });

  it("bridges two calls, forwarding G.711 both ways, and unbridges back to what each side played", async () => {
    const [caller, sentraCaller] = await pair("PCMU", true);
    const [agent, sentraAgent] = await pair("PCMU", true);
    const holdMusic = new PcmFramesSource([]);
    sentraCaller.setSource(holdMusic);
    const bridge = bridgeSessions(sentraCaller, sentraAgent);
    const atAgent = collect(agent);
    const atCaller = collect(caller);
    caller.setSource(
      new PcmFramesSource(splitPcmFrames(generateTone({ frequencyHz: 800, durationMs: 600 }))),
    );
    agent.setSource(new PcmFramesSource(splitPcmFrames(generateTone({ frequencyHz: 300, durationMs: 600 }))));
    await waitFor(() => audible(atAgent).length >= 30 && audible(atCaller).length >= 30);
    const heardByAgent = concat(audible(atAgent).map((f) => f.samples));
    expect(tonePower(heardByAgent, 800)).toBeGreaterThan(100 * tonePower(heardByAgent, 300));
    const heardByCaller = concat(audible(atCaller).map((f) => f.samples));
    expect(tonePower(heardByCaller, 300)).toBeGreaterThan(100 * tonePower(heardByCaller, 800));
    bridge.unbridge();
    expect(sentraCaller.source).toBe(holdMusic);
    expect(sentraAgent.source).toBeNull();
  });

  it("plays a shipped prompt from the G.711 cache so the far end hears exactly its bytes", async () => {
    const library = new PromptLibrary(fileURLToPath(new URL("../../../assets/prompts", import.meta.url)));
    const beep = await library.load("common/beep.wav");
    const [sentra, phone] = await pair("PCMA");
    const heard = collect(phone);
    let ended = false;
    sentra.setSource(new PromptPlayer([beep], { onEnded: () => (ended = true) }));
    await waitFor(() => ended && audible(heard).length >= beep.pcm.length / 160);
    const received = concat(audible(heard).map((f) => f.samples));
    expect(received).toEqual(decodeG711("PCMA", beep.g711.PCMA));
    expect(tonePower(received, 1000)).toBeGreaterThan(1e6);
  });

  it("exchanges RTCP reports, ignores garbage datagrams, and releases everything at close", async () => {
    const before = liveHandles();
    const [a, b] = await pair("PCMU");
    await waitFor(() => a.stats().rtcpReceived >= 1 && b.stats().rtcpReceived >= 1);
    const { createSocket } = await import("node:dgram");
    const noise = createSocket("udp4");
    for (const bytes of [
      Buffer.from([1, 2, 3]),
      Buffer.alloc(40, 0xff),
      Buffer.from("INVITE sip:x SIP/2.0\r\n"),
    ]) {
      noise.send(bytes, a.localPort, "127.0.0.1");
    }
    await waitFor(() => a.stats().malformedPackets >= 3);
    noise.close();
    await Promise.all(open.splice(0).map((s) => s.close()));
    await a.close();
    expect(ports.inUse).toBe(0);
    expect(scheduler.running).toBe(false);
    await waitFor(() => liveHandles().udp <= before.udp);
  });
});
