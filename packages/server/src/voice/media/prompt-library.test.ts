import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateTone, tonePower } from "@sentra/core";
import { afterAll, describe, expect, it } from "vitest";
import wavefile from "wavefile";
import { decodeG711 } from "./g711.js";
import { PromptLibrary, PromptPlayer, promptFromPcm, wavToTelephonePcm } from "./prompt-library.js";

const shipped = new PromptLibrary(fileURLToPath(new URL("../../../assets/prompts", import.meta.url)));
const scratch = await mkdtemp(join(tmpdir(), "sentra-prompts-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("prompt library", () => {
  it.each(["en", "id"])(
    "ships the %s prompts and digits as 8 kHz audio with speech in it",
    async (language) => {
      for (const name of ["welcome", "menu", "please-hold", "position-in-queue", "goodbye", "voicemail"]) {
        const prompt = await shipped.load(`${language}/${name}.wav`);
        expect(prompt.durationMs).toBeGreaterThan(500);
        expect(prompt.g711.PCMU.length).toBe(prompt.pcm.length);
      }
      for (let digit = 0; digit <= 9; digit++) {
        expect((await shipped.load(`${language}/digits/${digit}.wav`)).durationMs).toBeGreaterThan(150);
      }
      expect((await shipped.load("common/music-on-hold.wav")).durationMs).toBe(16_000);
    },
  );

  it("converts a file once and shares it between concurrent loads", async () => {
    const library = new PromptLibrary(fileURLToPath(new URL("../../../assets/prompts", import.meta.url)));
    const [a, b] = await Promise.all([library.load("common/beep.wav"), library.load("common/beep.wav")]);
    expect(a).toBe(b);
    expect(library.cachedCount).toBe(1);
  });

  it("resamples a 44.1 kHz stereo file to 8 kHz mono and keeps its tone", async () => {
    const left = generateTone({ frequencyHz: 600, durationMs: 500, sampleRate: 44100 });
    const wav = new wavefile.WaveFile();
    wav.fromScratch(2, 44100, "16", [left, left]);
    const pcm = wavToTelephonePcm(wav.toBuffer());
    expect(pcm.length).toBeGreaterThan(3990);
    expect(pcm.length).toBeLessThan(4010);
    expect(tonePower(pcm, 600)).toBeGreaterThan(100 * tonePower(pcm, 1500));
  });

  it("answers a missing, escaping or broken file with a typed error", async () => {
    const library = new PromptLibrary(scratch);
    await writeFile(join(scratch, "broken.wav"), "not a wave file");
    await expect(library.load("nope.wav")).rejects.toMatchObject({ code: "prompt_not_found" });
    await expect(library.load("../../etc/passwd")).rejects.toMatchObject({ code: "prompt_path_invalid" });
    await expect(library.load("broken.wav")).rejects.toMatchObject({ code: "prompt_unreadable" });
  });
});

describe("prompt player", () => {
  it("plays prompts back to back in 20 ms G.711 frames, pads the tail and reports the end once", () => {
    let ended = 0;
    const first = promptFromPcm("a", generateTone({ frequencyHz: 500, durationMs: 50 }));
    const second = promptFromPcm("b", generateTone({ frequencyHz: 500, durationMs: 40 }));
    const player = new PromptPlayer([first, second], { onEnded: () => ended++ });
    const frames = [];
    for (let i = 0; i < 8; i++) frames.push(player.nextFrame("PCMA"));
    expect(frames.map((f) => (f === null ? null : f.kind === "g711" ? f.payload.length : -1))).toEqual([
      160,
      160,
      160,
      160,
      160,
      null,
      null,
      null,
    ]);
    const third = frames[2];
    expect(
      third?.kind === "g711" &&
        decodeG711("PCMA", third.payload)
          .slice(80)
          .every((s) => Math.abs(s) <= 8),
    ).toBe(true);
    expect(ended).toBe(1);
  });

  it("loops music on hold until stopped", () => {
    const player = new PromptPlayer(
      [promptFromPcm("m", generateTone({ frequencyHz: 300, durationMs: 40 }))],
      {
        loop: true,
      },
    );
    for (let i = 0; i < 10; i++) expect(player.nextFrame("PCMU")).not.toBeNull();
    player.stop();
    expect(player.nextFrame("PCMU")).toBeNull();
  });
});
