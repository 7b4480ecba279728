/**
 * Prompts and music on hold: WAV files read with `wavefile`, reduced to 8 kHz mono 16-bit, and converted
 * ONCE to both G.711 laws; players then send the cached bytes frame by frame without any per-call work.
 */
import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { OperationalError, UserError } from "@sentra/core";
import wavefile from "wavefile";
import { encodeG711, FRAME_SAMPLES, G711_SAMPLE_RATE, type G711Codec } from "./g711.js";
import type { MediaSource, OutboundFrame } from "./media-frames.js";

export interface Prompt {
  /** Path relative to the library root, e.g. "en/welcome.wav". */
  readonly id: string;
  readonly durationMs: number;
  readonly pcm: Int16Array;
  readonly g711: Readonly<Record<G711Codec, Uint8Array>>;
}

interface WavFormat {
  audioFormat: number;
  numChannels: number;
  sampleRate: number;
}

const WAVE_FORMAT_ALAW = 6;
const WAVE_FORMAT_MULAW = 7;

/** Decodes any PCM / A-law / µ-law WAV into 8 kHz mono 16-bit samples. Throws on a file that is not WAV. */
export function wavToTelephonePcm(bytes: Uint8Array): Int16Array {
  const wav = new wavefile.WaveFile(bytes);
  const format = wav.fmt as WavFormat;
  if (format.audioFormat === WAVE_FORMAT_MULAW) wav.fromMuLaw();
  else if (format.audioFormat === WAVE_FORMAT_ALAW) wav.fromALaw();
  if (wav.bitDepth !== "16") wav.toBitDepth("16");
  const channels = format.numChannels;
  if (channels > 1) {
    const interleaved = wav.getSamples(true, Int16Array) as unknown as Int16Array;
    const mono = new Int16Array(Math.floor(interleaved.length / channels));
    for (let i = 0; i < mono.length; i++) {
      let sum = 0;
      for (let c = 0; c < channels; c++) sum += interleaved[i * channels + c] ?? 0;
      mono[i] = Math.round(sum / channels);
    }
    wav.fromScratch(1, format.sampleRate, "16", mono);
  }
  if ((wav.fmt as WavFormat).sampleRate !== G711_SAMPLE_RATE) {
    wav.toSampleRate(G711_SAMPLE_RATE, { method: "sinc", LPF: true });
  }
  return wav.getSamples(false, Int16Array) as unknown as Int16Array;
}

export function promptFromPcm(id: string, pcm: Int16Array): Prompt {
  return {
    id,
    durationMs: Math.round((pcm.length * 1000) / G711_SAMPLE_RATE),
    pcm,
    g711: { PCMU: encodeG711("PCMU", pcm), PCMA: encodeG711("PCMA", pcm) },
  };
}

export class PromptLibrary {
  readonly root: string;
  readonly #cache = new Map<string, Promise<Prompt>>();

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Loads a prompt once; later calls (also concurrent ones) share the converted audio. */
  load(id: string): Promise<Prompt> {
    const cached = this.#cache.get(id);
    if (cached) return cached;
    const loading = this.#read(id);
    this.#cache.set(id, loading);
    loading.catch(() => this.#cache.delete(id));
    return loading;
  }

  get cachedCount(): number {
    return this.#cache.size;
  }

  async #read(id: string): Promise<Prompt> {
    const path = resolve(this.root, id);
    if (!path.startsWith(this.root + sep)) {
      throw new UserError(
        "invalid",
        "prompt_path_invalid",
        `The prompt "${id}" is outside the prompt folder.`,
      );
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw new UserError("not_found", "prompt_not_found", `There is no prompt "${id}".`);
    }
    try {
      return promptFromPcm(id, wavToTelephonePcm(bytes));
    } catch (error) {
      throw new OperationalError(
        "prompt_unreadable",
        `The prompt "${id}" is not a readable WAV file.`,
        undefined,
        {
          cause: error,
        },
      );
    }
  }
}

export interface PromptPlayerOptions {
  /** Start again after the last prompt (music on hold). */
  readonly loop?: boolean;
  /** Called once when the last frame has been handed out (never for a loop). */
  readonly onEnded?: () => void;
}

/** Plays prompts one after the other, 20 ms at a time, as G.711 straight from the cache. */
export class PromptPlayer implements MediaSource {
  readonly #prompts: readonly Prompt[];
  readonly #options: PromptPlayerOptions;
  #index = 0;
  #offset = 0;
  #ended = false;
  #stopped = false;

  constructor(prompts: readonly Prompt[], options: PromptPlayerOptions = {}) {
    this.#prompts = prompts.filter((p) => p.pcm.length > 0);
    this.#options = options;
  }

  nextFrame(codec: G711Codec): OutboundFrame | null {
    if (this.#stopped || this.#ended) return null;
    const prompt = this.#prompts[this.#index];
    if (!prompt) return this.#finish();
    const audio = prompt.g711[codec];
    const end = this.#offset + FRAME_SAMPLES;
    let payload: Uint8Array;
    if (end <= audio.length) payload = audio.subarray(this.#offset, end);
    else {
      payload = encodeG711(codec, new Int16Array(FRAME_SAMPLES)).slice();
      payload.set(audio.subarray(this.#offset));
    }
    this.#offset = end;
    if (this.#offset >= audio.length) {
      this.#offset = 0;
      this.#index++;
      if (this.#index >= this.#prompts.length && this.#options.loop) this.#index = 0;
    }
    return { kind: "g711", codec, payload };
  }

  /** Stops at once; the session sends silence from the next tick. */
  stop(): void {
    this.#stopped = true;
  }

  get finished(): boolean {
    return this.#ended || this.#stopped;
  }

  #finish(): null {
    if (!this.#ended) {
      this.#ended = true;
      this.#options.onEnded?.();
    }
    return null;
  }
}
