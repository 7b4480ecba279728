/**
 * What flows through a media session each 20 ms tick. A source gives the frame to send (PCM, or G.711 already
 * encoded — prompts are converted once and sent as they are); sinks get each received frame, decoded, one
 * per tick, with silence where nothing arrived, so recorders and bridges stay in step with the clock.
 */
import { type G711Codec, SILENT_PCM_FRAME } from "./g711.js";

export type OutboundFrame =
  | { readonly kind: "pcm"; readonly samples: Int16Array }
  | { readonly kind: "g711"; readonly codec: G711Codec; readonly payload: Uint8Array };

export interface MediaSource {
  /** The next 20 ms to send, or null for silence. Called once per tick. */
  nextFrame(codec: G711Codec): OutboundFrame | null;
}

export interface InboundFrame {
  /** "audio": a packet played; "lost": a gap in the sequence; "silence": nothing to play (yet). */
  readonly kind: "audio" | "lost" | "silence";
  /** 160 decoded samples; silence for "lost" and "silence". Shared: never write to it. */
  readonly samples: Int16Array;
  /** The received G.711 payload for "audio" frames, so a bridge can forward it without transcoding. */
  readonly payload: Uint8Array | null;
  readonly codec: G711Codec;
}

export interface MediaSink {
  onFrame(frame: InboundFrame): void;
}

/** Sends silence. */
export const silenceSource: MediaSource = { nextFrame: () => null };

export const silentInboundFrame = (codec: G711Codec, kind: "lost" | "silence"): InboundFrame => ({
  kind,
  samples: SILENT_PCM_FRAME,
  payload: null,
  codec,
});

/**
 * Both ends of a one-way audio path: a sink on one session and the source of another (a bridge, a whisper).
 * Holds at most `depth` frames; when the reader falls behind, the oldest frames go.
 */
export class FrameRelay implements MediaSink, MediaSource {
  readonly #queue: InboundFrame[] = [];
  readonly #depth: number;
  dropped = 0;

  constructor(depth = 3) {
    this.#depth = depth;
  }

  onFrame(frame: InboundFrame): void {
    this.#queue.push(frame);
    while (this.#queue.length > this.#depth) {
      this.#queue.shift();
      this.dropped++;
    }
  }

  nextFrame(codec: G711Codec): OutboundFrame | null {
    const frame = this.#queue.shift();
    if (frame?.kind !== "audio") return null;
    if (frame.payload && frame.codec === codec) return { kind: "g711", codec, payload: frame.payload };
    return { kind: "pcm", samples: frame.samples };
  }
}

/** Plays PCM frames once (tests, tones, beeps); then silence. */
export class PcmFramesSource implements MediaSource {
  readonly #frames: readonly Int16Array[];
  #at = 0;

  constructor(frames: readonly Int16Array[]) {
    this.#frames = frames;
  }

  nextFrame(): OutboundFrame | null {
    const samples = this.#frames[this.#at];
    if (!samples) return null;
    this.#at++;
    return { kind: "pcm", samples };
  }

  get finished(): boolean {
    return this.#at >= this.#frames.length;
  }
}
