/**
 * Mixing 16-bit PCM frames for conferences, whisper and barge-in: samples are summed in 32 bits and
 * clipped to the 16-bit range, never wrapped.
 */

function clip(value: number): number {
  return Math.min(32767, Math.max(-32768, value));
}

/** Sums frames sample by sample with clipping; shorter frames count as silence past their end. */
export function mixPcmFrames(frames: readonly Int16Array[], length = frames[0]?.length ?? 0): Int16Array {
  const out = new Int16Array(length);
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (const frame of frames) sum += frame[i] ?? 0;
    out[i] = clip(sum);
  }
  return out;
}

/**
 * For a conference: what each participant hears — the sum of everyone else (mix-minus), so nobody hears
 * their own voice back. Result `i` belongs to participant `i`.
 */
export function mixMinusOne(frames: readonly Int16Array[], length = frames[0]?.length ?? 0): Int16Array[] {
  const total = new Int32Array(length);
  for (const frame of frames) {
    for (let i = 0; i < length; i++) total[i] = (total[i] ?? 0) + (frame[i] ?? 0);
  }
  return frames.map((frame) => {
    const out = new Int16Array(length);
    for (let i = 0; i < length; i++) out[i] = clip((total[i] ?? 0) - (frame[i] ?? 0));
    return out;
  });
}

/** Scales a frame by a linear gain with clipping (e.g. 0.5 to lower a whisper). */
export function scalePcmFrame(frame: Int16Array, gain: number): Int16Array {
  const out = new Int16Array(frame.length);
  for (let i = 0; i < frame.length; i++) out[i] = clip(Math.round((frame[i] ?? 0) * gain));
  return out;
}
