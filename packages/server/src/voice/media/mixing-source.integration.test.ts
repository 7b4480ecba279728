import { generateTone, splitPcmFrames, tonePower } from "@sentra/core";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../../testing/rtp-peer.js";
import { FrameRelay, type InboundFrame, PcmFramesSource } from "./media-frames.js";
import { MediaScheduler } from "./media-scheduler.js";
import { MixingSource } from "./mixing-source.js";
import { RtpPortAllocator } from "./port-allocator.js";
import { RtpSession } from "./rtp-session.js";

const scheduler = new MediaScheduler();
const ports = new RtpPortAllocator({ min: 46000, max: 46998 });
const open: RtpSession[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function leg(): Promise<{ phone: RtpSession; sentra: RtpSession; heard: InboundFrame[] }> {
  const phone = await RtpSession.open({ scheduler, ports, codec: "PCMU", rtcpMux: true });
  const sentra = await RtpSession.open({ scheduler, ports, codec: "PCMU", rtcpMux: true });
  phone.setRemote({ address: "127.0.0.1", port: sentra.localPort });
  sentra.setRemote({ address: "127.0.0.1", port: phone.localPort });
  open.push(phone, sentra);
  const heard: InboundFrame[] = [];
  phone.addSink({ onFrame: (frame) => heard.push(frame) });
  return { phone, sentra, heard };
}

const heardSamples = (frames: InboundFrame[]) =>
  Int16Array.from(frames.filter((f) => f.kind === "audio").flatMap((f) => [...f.samples]));

describe("mixing source", () => {
  it("runs a three-way conference where each party hears the other two and not themselves", async () => {
    const legs = [await leg(), await leg(), await leg()];
    const tones = [500, 900, 1300];
    legs.forEach((listener, i) => {
      const mix = new MixingSource();
      legs.forEach((speaker, j) => {
        if (i === j) return;
        const relay = new FrameRelay();
        speaker.sentra.addSink(relay);
        mix.add(relay);
      });
      listener.sentra.setSource(mix);
    });
    legs.forEach((l, i) => {
      l.phone.setSource(
        new PcmFramesSource(splitPcmFrames(generateTone({ frequencyHz: tones[i] ?? 0, durationMs: 1000 }))),
      );
    });
    await waitFor(() => legs.every((l) => l.heard.filter((f) => f.kind === "audio").length > 45));
    legs.forEach((l, i) => {
      const samples = heardSamples(l.heard);
      const power = tones.map((f) => tonePower(samples, f));
      const others = power.filter((_, j) => j !== i);
      expect(Math.min(...others)).toBeGreaterThan(20 * (power[i] ?? 0));
    });
  });

  it("whispers: the agent hears caller and supervisor, the caller never hears the supervisor", async () => {
    const caller = await leg();
    const agent = await leg();
    const supervisor = await leg();
    const toAgent = new MixingSource();
    const callerRelay = new FrameRelay();
    const supervisorRelay = new FrameRelay();
    caller.sentra.addSink(callerRelay);
    supervisor.sentra.addSink(supervisorRelay);
    toAgent.add(callerRelay);
    toAgent.add(supervisorRelay, 0.7);
    agent.sentra.setSource(toAgent);
    const agentRelay = new FrameRelay();
    agent.sentra.addSink(agentRelay);
    caller.sentra.setSource(agentRelay);
    caller.phone.setSource(
      new PcmFramesSource(splitPcmFrames(generateTone({ frequencyHz: 600, durationMs: 800 }))),
    );
    supervisor.phone.setSource(
      new PcmFramesSource(splitPcmFrames(generateTone({ frequencyHz: 1500, durationMs: 800 }))),
    );
    agent.phone.setSource(
      new PcmFramesSource(splitPcmFrames(generateTone({ frequencyHz: 300, durationMs: 800 }))),
    );
    await waitFor(
      () => heardSamples(agent.heard).length > 160 * 35 && heardSamples(caller.heard).length > 160 * 35,
    );
    const atAgent = heardSamples(agent.heard);
    expect(tonePower(atAgent, 600)).toBeGreaterThan(1e5);
    expect(tonePower(atAgent, 1500)).toBeGreaterThan(1e5);
    const atCaller = heardSamples(caller.heard);
    expect(tonePower(atCaller, 300)).toBeGreaterThan(100 * tonePower(atCaller, 1500));
  });
});
