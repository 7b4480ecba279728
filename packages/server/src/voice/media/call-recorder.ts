/**
 * Records a call to a stereo WAV file (8 kHz, 16-bit PCM): the caller on the left channel, the agent on the
 * right. The recorder ticks on the shared media clock and takes one frame per channel per tick (silence when
 * a leg sent nothing), so both channels stay aligned in time. While paused (card numbers, …) it writes
 * silence and notes the pause in the metadata written beside the file (`<file>.json`). Audio is streamed
 * to disk once a second, so long calls do not grow memory; the RIFF header is completed at stop.
 */
import { type FileHandle, open, writeFile } from "node:fs/promises";
import { OperationalError } from "@sentra/core";
import { FRAME_SAMPLES, G711_SAMPLE_RATE } from "./g711.js";
import type { InboundFrame, MediaSink } from "./media-frames.js";
import type { MediaScheduler, MediaSubscription, MediaTick } from "./media-scheduler.js";

export interface RecordingPause {
  readonly fromMs: number;
  readonly toMs: number;
}

export interface RecordingSummary {
  readonly path: string;
  readonly channels: readonly ["caller", "agent"];
  readonly sampleRate: number;
  readonly durationMs: number;
  readonly pauses: readonly RecordingPause[];
}

const HEADER_BYTES = 44;
const FLUSH_TICKS = 50;
const MAX_QUEUED_FRAMES = 5;

class ChannelQueue implements MediaSink {
  readonly frames: Int16Array[] = [];

  onFrame(frame: InboundFrame): void {
    this.frames.push(frame.samples);
    if (this.frames.length > MAX_QUEUED_FRAMES) this.frames.shift();
  }
}

export class CallRecorder {
  readonly path: string;
  readonly caller: MediaSink;
  readonly agent: MediaSink;
  readonly #callerQueue = new ChannelQueue();
  readonly #agentQueue = new ChannelQueue();
  readonly #file: FileHandle;
  readonly #subscription: MediaSubscription;
  readonly #pauses: { fromMs: number; toMs: number | null }[] = [];
  #pending: Buffer[] = [];
  #writing: Promise<unknown> = Promise.resolve();
  #ticks = 0;
  #dataBytes = 0;
  #summary: Promise<RecordingSummary> | null = null;
  #writeError: unknown = null;
  #lastTickIndex: number | null = null;

  private constructor(path: string, file: FileHandle, scheduler: MediaScheduler) {
    this.path = path;
    this.#file = file;
    this.caller = this.#callerQueue;
    this.agent = this.#agentQueue;
    this.#subscription = scheduler.add({ onTick: (tick) => this.#onTick(tick) });
  }

  static async start(path: string, scheduler: MediaScheduler): Promise<CallRecorder> {
    const file = await open(path, "w");
    await file.write(wavHeader(0), 0, HEADER_BYTES, 0);
    return new CallRecorder(path, file, scheduler);
  }

  get paused(): boolean {
    return this.#pauses.at(-1)?.toMs === null;
  }

  /** Silence from now on, until `resume`; noted in the metadata. */
  pause(): void {
    if (!this.paused) this.#pauses.push({ fromMs: this.#elapsedMs(), toMs: null });
  }

  resume(): void {
    const last = this.#pauses.at(-1);
    if (last && last.toMs === null) last.toMs = this.#elapsedMs();
  }

  get elapsedMs(): number {
    return this.#elapsedMs();
  }

  /** Finishes the file: last audio written, header sizes filled in, metadata beside it. Idempotent. */
  stop(): Promise<RecordingSummary> {
    this.#summary ??= this.#finish();
    return this.#summary;
  }

  #elapsedMs(): number {
    return (this.#ticks * FRAME_SAMPLES * 1000) / G711_SAMPLE_RATE;
  }

  #onTick(tick: MediaTick): void {
    // Slots the scheduler skipped after a stall are written as silence, so the file keeps wall-clock time.
    const skipped = this.#lastTickIndex === null ? 0 : Math.min(250, tick.index - this.#lastTickIndex - 1);
    this.#lastTickIndex = tick.index;
    for (let i = 0; i < skipped; i++) {
      this.#pending.push(Buffer.alloc(FRAME_SAMPLES * 4));
      this.#ticks++;
    }
    const left = this.#callerQueue.frames.shift();
    const right = this.#agentQueue.frames.shift();
    const frame = Buffer.alloc(FRAME_SAMPLES * 4);
    if (!this.paused) {
      for (let i = 0; i < FRAME_SAMPLES; i++) {
        frame.writeInt16LE(left?.[i] ?? 0, i * 4);
        frame.writeInt16LE(right?.[i] ?? 0, i * 4 + 2);
      }
    }
    this.#pending.push(frame);
    this.#ticks++;
    if (this.#pending.length >= FLUSH_TICKS) this.#flush();
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    const chunk = Buffer.concat(this.#pending);
    this.#pending = [];
    const position = HEADER_BYTES + this.#dataBytes;
    this.#dataBytes += chunk.length;
    this.#writing = this.#writing
      .then(() => this.#file.write(chunk, 0, chunk.length, position))
      .catch((error: unknown) => {
        this.#writeError ??= error;
      });
  }

  async #finish(): Promise<RecordingSummary> {
    this.#subscription.remove();
    this.resume();
    this.#flush();
    try {
      await this.#writing;
      if (this.#writeError) {
        throw new OperationalError(
          "recording_write_failed",
          "The recording could not be written to disk.",
          undefined,
          {
            cause: this.#writeError,
          },
        );
      }
      await this.#file.write(wavHeader(this.#dataBytes), 0, HEADER_BYTES, 0);
    } finally {
      await this.#file.close();
    }
    const summary: RecordingSummary = {
      path: this.path,
      channels: ["caller", "agent"],
      sampleRate: G711_SAMPLE_RATE,
      durationMs: this.#elapsedMs(),
      pauses: this.#pauses.map((p) => ({ fromMs: p.fromMs, toMs: p.toMs ?? this.#elapsedMs() })),
    };
    await writeFile(`${this.path}.json`, `${JSON.stringify(summary, null, 2)}\n`);
    return summary;
  }
}

/** The canonical 44-byte RIFF/WAVE header for 2-channel 16-bit PCM at 8 kHz. */
function wavHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  const channels = 2;
  const blockAlign = channels * 2;
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(G711_SAMPLE_RATE, 24);
  header.writeUInt32LE(G711_SAMPLE_RATE * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(dataBytes, 40);
  return header;
}
