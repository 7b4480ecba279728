/**
 * RFC 4733 telephone-event payload (DTMF named events 0-16) and the sender's packet plan: one start packet
 * with the marker bit, updates every packet interval with a growing duration, and the final packet (end bit)
 * sent three times, all with the same RTP timestamp — the event's start.
 */
import { type MediaParseResult, mediaFail, mediaOk } from "./media-result.js";

export type TelephoneEventDigit =
  | "0"
  | "1"
  | "2"
  | "3"
  | "4"
  | "5"
  | "6"
  | "7"
  | "8"
  | "9"
  | "*"
  | "#"
  | "A"
  | "B"
  | "C"
  | "D";

const DIGITS: readonly TelephoneEventDigit[] = [
  "0",
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
  "*",
  "#",
  "A",
  "B",
  "C",
  "D",
];
/** Event 16 is "flash" (hook flash); it is decoded but is not a digit. */
export const TELEPHONE_EVENT_FLASH = 16;

export interface TelephoneEvent {
  /** 0..255; 0-9, 10 = *, 11 = #, 12-15 = A-D, 16 = flash. */
  readonly event: number;
  readonly end: boolean;
  /** Power level in -dBm0, 0..63. */
  readonly volume: number;
  /** Duration so far in timestamp units, 0..65535. */
  readonly duration: number;
}

export function dtmfDigitToEvent(digit: TelephoneEventDigit): number {
  return DIGITS.indexOf(digit);
}

export function dtmfEventToDigit(event: number): TelephoneEventDigit | null {
  return DIGITS[event] ?? null;
}

export function isDtmfDigit(value: string): value is TelephoneEventDigit {
  return (DIGITS as readonly string[]).includes(value);
}

export function encodeTelephoneEvent(event: TelephoneEvent): Uint8Array {
  const out = new Uint8Array(4);
  out[0] = event.event & 0xff;
  out[1] = (event.end ? 0x80 : 0) | (event.volume & 0x3f);
  out[2] = (event.duration >> 8) & 0xff;
  out[3] = event.duration & 0xff;
  return out;
}

/** Decodes the first event of a payload (redundant RFC 2198 blocks are not used for DTMF here). */
export function decodeTelephoneEvent(payload: Uint8Array): MediaParseResult<TelephoneEvent> {
  if (payload.length < 4) {
    return mediaFail(
      "telephone_event_too_short",
      `A telephone-event payload has 4 bytes; got ${payload.length}.`,
    );
  }
  const [event = 0, flags = 0, high = 0, low = 0] = payload;
  return mediaOk({ event, end: (flags & 0x80) !== 0, volume: flags & 0x3f, duration: (high << 8) | low });
}

export interface DtmfPacketPlanOptions {
  /** Tone length; default 100 ms. */
  readonly durationMs?: number;
  /** Default 8000 Hz. */
  readonly clockRate?: number;
  /** Default 20 ms, one packet per media tick. */
  readonly packetMs?: number;
  /** Default 10 (-10 dBm0). */
  readonly volume?: number;
  /** How often the end packet is repeated; default 3 (RFC 4733 §2.5.1.4). */
  readonly endRepeats?: number;
}

export interface PlannedDtmfPacket {
  readonly marker: boolean;
  readonly payload: Uint8Array;
}

/** The packets one key press becomes, in order; the caller gives them all the same RTP timestamp. */
export function planDtmfPackets(
  digit: TelephoneEventDigit,
  options: DtmfPacketPlanOptions = {},
): PlannedDtmfPacket[] {
  const clockRate = options.clockRate ?? 8000;
  const packetMs = options.packetMs ?? 20;
  const durationMs = Math.max(packetMs, options.durationMs ?? 100);
  const volume = options.volume ?? 10;
  const step = Math.round((clockRate * packetMs) / 1000);
  const total = Math.min(0xffff, Math.round((clockRate * durationMs) / 1000));
  const event = dtmfDigitToEvent(digit);
  const packets: PlannedDtmfPacket[] = [];
  for (let duration = step; duration < total; duration += step) {
    packets.push({
      marker: packets.length === 0,
      payload: encodeTelephoneEvent({ event, end: false, volume, duration }),
    });
  }
  const endPayload = encodeTelephoneEvent({ event, end: true, volume, duration: total });
  for (let i = 0; i < (options.endRepeats ?? 3); i++) {
    packets.push({ marker: packets.length === 0, payload: endPayload });
  }
  return packets;
}
