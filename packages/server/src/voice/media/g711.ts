/**
 * G.711 µ-law (PCMU, payload type 0) and A-law (PCMA, payload type 8) via `alawmulaw`: 8 kHz, one byte per
 * sample, 160 bytes per 20 ms frame.
 */
import alawmulaw from "alawmulaw";

export type G711Codec = "PCMU" | "PCMA";

export const G711_PAYLOAD_TYPES: Readonly<Record<G711Codec, number>> = { PCMU: 0, PCMA: 8 };
export const G711_SAMPLE_RATE = 8000;
/** Samples (and bytes) in one 20 ms frame. */
export const FRAME_SAMPLES = 160;
export const FRAME_MS = 20;

/** One silent 20 ms PCM frame; shared, never write to it. */
export const SILENT_PCM_FRAME: Int16Array = new Int16Array(FRAME_SAMPLES);

export function encodeG711(codec: G711Codec, samples: Int16Array): Uint8Array {
  return codec === "PCMU" ? alawmulaw.mulaw.encode(samples) : alawmulaw.alaw.encode(samples);
}

export function decodeG711(codec: G711Codec, payload: Uint8Array): Int16Array {
  return codec === "PCMU" ? alawmulaw.mulaw.decode(payload) : alawmulaw.alaw.decode(payload);
}

export function codecForPayloadType(payloadType: number): G711Codec | null {
  return payloadType === 0 ? "PCMU" : payloadType === 8 ? "PCMA" : null;
}

const silentPayloads: Record<G711Codec, Uint8Array> = {
  PCMU: encodeG711("PCMU", SILENT_PCM_FRAME),
  PCMA: encodeG711("PCMA", SILENT_PCM_FRAME),
};

/** One silent 20 ms G.711 payload; shared, never write to it. */
export function silentG711Frame(codec: G711Codec): Uint8Array {
  return silentPayloads[codec];
}
