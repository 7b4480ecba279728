/**
 * A source that mixes several sources into one frame per tick: conference (each leg hears the others),
 * whisper (the agent hears the caller and the supervisor) and barge-in. Inputs are usually `FrameRelay`s —
 * one relay per listener, since a relay hands each frame out once. A single G.711 input in the session's
 * codec passes through untouched.
 */
import { mixPcmFrames, scalePcmFrame } from "@sentra/core";
import { decodeG711, FRAME_SAMPLES, type G711Codec } from "./g711.js";
import type { MediaSource, OutboundFrame } from "./media-frames.js";

export class MixingSource implements MediaSource {
  readonly #inputs = new Map<MediaSource, number>();

  /** Adds an input at a linear gain (1 = as is); returns its removal. */
  add(input: MediaSource, gain = 1): () => void {
    this.#inputs.set(input, gain);
    return () => this.#inputs.delete(input);
  }

  get size(): number {
    return this.#inputs.size;
  }

  nextFrame(codec: G711Codec): OutboundFrame | null {
    const frames: OutboundFrame[] = [];
    const gains: number[] = [];
    for (const [input, gain] of this.#inputs) {
      const frame = input.nextFrame(codec);
      if (frame) {
        frames.push(frame);
        gains.push(gain);
      }
    }
    const [only] = frames;
    if (!only) return null;
    if (frames.length === 1 && gains[0] === 1) return only;
    const pcm = frames.map((frame, i) => {
      const samples = frame.kind === "pcm" ? frame.samples : decodeG711(frame.codec, frame.payload);
      return gains[i] === 1 ? samples : scalePcmFrame(samples, gains[i] ?? 1);
    });
    return { kind: "pcm", samples: mixPcmFrames(pcm, FRAME_SAMPLES) };
  }
}
