import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateTone, pcmRms, splitPcmFrames, tonePower } from "@sentra/core";
import { afterAll, describe, expect, it } from "vitest";
import wavefile from "wavefile";
import { sleep, waitFor } from "../../testing/rtp-peer.js";
import { CallRecorder } from "./call-recorder.js";
import { FrameRelay, PcmFramesSource } from "./media-frames.js";
import { MediaScheduler } from "./media-scheduler.js";
import { RtpPortAllocator } from "./port-allocator.js";
import { RtpSession } from "./rtp-session.js";

const scheduler = new MediaScheduler();
const ports = new RtpPortAllocator({ min: 43000, max: 43998 });
const dir = await mkdtemp(join(tmpdir(), "sentra-recording-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function leg(): Promise<[RtpSession, RtpSession]> {
  const phone = await RtpSession.open({ scheduler, ports, codec: "PCMU", rtcpMux: true });
  const sentra = await RtpSession.open({ scheduler, ports, codec: "PCMU", rtcpMux: true });
  phone.setRemote({ address: "127.0.0.1", port: sentra.localPort });
  sentra.setRemote({ address: "127.0.0.1", port: phone.localPort });
  return [phone, sentra];
}

const channel = (samples: Int16Array, fromMs: number, toMs: number) => samples.subarray(fromMs * 8, toMs * 8);

describe("call recorder", () => {
  it("records a bridged call in stereo — caller left, agent right — with a silent, noted pause", async () => {
    const [callerPhone, callerLeg] = await leg();
    const [agentPhone, agentLeg] = await leg();
    const toAgent = new FrameRelay();
    const toCaller = new FrameRelay();
    callerLeg.addSink(toAgent);
    agentLeg.setSource(toAgent);
    agentLeg.addSink(toCaller);
    callerLeg.setSource(toCaller);
    const path = join(dir, "call.wav");
    const recorder = await CallRecorder.start(path, scheduler);
    callerLeg.addSink(recorder.caller);
    agentLeg.addSink(recorder.agent);
    callerPhone.setSource(
      new PcmFramesSource(splitPcmFrames(generateTone({ frequencyHz: 1000, durationMs: 3000 }))),
    );
    agentPhone.setSource(
      new PcmFramesSource(splitPcmFrames(generateTone({ frequencyHz: 400, durationMs: 3000 }))),
    );

    await sleep(1200);
    recorder.pause();
    await sleep(600);
    recorder.resume();
    await sleep(800);
    const summary = await recorder.stop();
    await Promise.all([callerPhone, callerLeg, agentPhone, agentLeg].map((s) => s.close()));

    const wav = new wavefile.WaveFile(await readFile(path));
    const fmt = wav.fmt as { numChannels: number; sampleRate: number; bitsPerSample: number };
    expect(fmt).toMatchObject({ numChannels: 2, sampleRate: 8000, bitsPerSample: 16 });
    const [left, right] = wav.getSamples(false, Int16Array) as unknown as [Int16Array, Int16Array];
    const durationMs = (left.length / 8000) * 1000;
    expect(durationMs).toBe(summary.durationMs);
    expect(durationMs).toBeGreaterThan(2400);
    expect(durationMs).toBeLessThan(3200);

    const beforePause = [channel(left, 300, 1000), channel(right, 300, 1000)] as const;
    expect(tonePower(beforePause[0], 1000)).toBeGreaterThan(100 * tonePower(beforePause[0], 400));
    expect(tonePower(beforePause[1], 400)).toBeGreaterThan(100 * tonePower(beforePause[1], 1000));
    const [pause] = summary.pauses;
    expect(summary.pauses).toHaveLength(1);
    expect((pause?.toMs ?? 0) - (pause?.fromMs ?? 0)).toBeGreaterThan(450);
    const paused = [
      channel(left, (pause?.fromMs ?? 0) + 20, (pause?.toMs ?? 0) - 20),
      channel(right, 1300, 1700),
    ];
    expect(paused.map((samples) => pcmRms(samples))).toEqual([0, 0]);
    expect(pcmRms(channel(left, (pause?.toMs ?? 0) + 100, (pause?.toMs ?? 0) + 500))).toBeGreaterThan(1000);
    expect(JSON.parse(await readFile(`${path}.json`, "utf8"))).toMatchObject({
      channels: ["caller", "agent"],
    });
    await waitFor(() => !scheduler.running);
  });
});
