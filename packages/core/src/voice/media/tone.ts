/** Tone generation and measurement on 16-bit PCM: test signals, beeps, and checking what arrived. */

export interface ToneOptions {
  readonly frequencyHz: number;
  readonly durationMs: number;
  /** Default 8000 Hz. */
  readonly sampleRate?: number;
  /** Peak amplitude, default 8000 (about -12 dBFS). */
  readonly amplitude?: number;
}

export function generateTone(options: ToneOptions): Int16Array {
  const rate = options.sampleRate ?? 8000;
  const amplitude = options.amplitude ?? 8000;
  const out = new Int16Array(Math.round((rate * options.durationMs) / 1000));
  const step = (2 * Math.PI * options.frequencyHz) / rate;
  for (let i = 0; i < out.length; i++) out[i] = Math.round(amplitude * Math.sin(step * i));
  return out;
}

/** Root mean square of the samples (0 for an empty frame). */
export function pcmRms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length);
}

/**
 * Relative power at one frequency (Goertzel), normalised so a full-length sine of amplitude A gives about
 * A²/4 and other frequencies give much less.
 */
export function tonePower(samples: Int16Array, frequencyHz: number, sampleRate = 8000): number {
  if (samples.length === 0) return 0;
  const coefficient = 2 * Math.cos((2 * Math.PI * frequencyHz) / sampleRate);
  let previous = 0;
  let beforePrevious = 0;
  for (const sample of samples) {
    const current = sample + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const power =
    previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  return power / (samples.length * samples.length);
}

/** Splits PCM into frames of `frameSamples`; the last frame is padded with silence. */
export function splitPcmFrames(samples: Int16Array, frameSamples = 160): Int16Array[] {
  const frames: Int16Array[] = [];
  for (let at = 0; at < samples.length; at += frameSamples) {
    const frame = new Int16Array(frameSamples);
    frame.set(samples.subarray(at, Math.min(samples.length, at + frameSamples)));
    frames.push(frame);
  }
  return frames;
}
