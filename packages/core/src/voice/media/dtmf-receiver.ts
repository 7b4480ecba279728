/**
 * Turns incoming RFC 4733 packets into key presses: exactly one digit per event, however many redundant
 * updates and end packets arrive, in whatever order, and even when every end packet is lost.
 *
 * An event is identified by its RTP timestamp (all packets of one press share it). A digit is reported when
 * the end bit arrives, when a packet of a different event arrives, or when the event has been silent for
 * `silenceTimeoutMs` (the end packets were lost). Late packets of an already reported event are ignored.
 */
import { decodeTelephoneEvent, dtmfEventToDigit, type TelephoneEventDigit } from "./telephone-event.js";

export interface DtmfPress {
  readonly digit: TelephoneEventDigit;
  /** RTP timestamp of the event start. */
  readonly timestamp: number;
  /** Longest duration seen, in timestamp units. */
  readonly duration: number;
  /** True when the end bit was seen; false when the press was closed by a timeout or the next event. */
  readonly ended: boolean;
}

export interface DtmfReceiverOptions {
  /** Default 250 ms without packets closes an event whose end packets were lost. */
  readonly silenceTimeoutMs?: number;
  /** How many reported events to remember for ignoring their late packets; default 64. */
  readonly memory?: number;
}

interface OpenEvent {
  readonly timestamp: number;
  readonly digit: TelephoneEventDigit;
  duration: number;
  lastSeenMs: number;
}

export class DtmfReceiver {
  readonly #silenceTimeoutMs: number;
  readonly #memory: number;
  readonly #reported: number[] = [];
  readonly #reportedSet = new Set<number>();
  #open: OpenEvent | null = null;
  #malformed = 0;

  constructor(options: DtmfReceiverOptions = {}) {
    this.#silenceTimeoutMs = options.silenceTimeoutMs ?? 250;
    this.#memory = options.memory ?? 64;
  }

  /** Feeds one telephone-event RTP payload; returns the presses it completes (zero, one or two). */
  receive(timestamp: number, payload: Uint8Array, nowMs: number): DtmfPress[] {
    const decoded = decodeTelephoneEvent(payload);
    if (!decoded.ok) {
      this.#malformed++;
      return [];
    }
    const digit = dtmfEventToDigit(decoded.value.event);
    const ts = timestamp >>> 0;
    if (digit === null || this.#reportedSet.has(ts)) return [];
    const presses: DtmfPress[] = [];
    if (this.#open && this.#open.timestamp !== ts) presses.push(this.#close(false));
    const open = this.#open ?? { timestamp: ts, digit, duration: 0, lastSeenMs: nowMs };
    this.#open = open;
    open.duration = Math.max(open.duration, decoded.value.duration);
    open.lastSeenMs = nowMs;
    if (decoded.value.end) presses.push(this.#close(true));
    return presses;
  }

  /** Closes an event whose packets stopped without an end bit; call it on every media tick. */
  poll(nowMs: number): DtmfPress[] {
    if (this.#open && nowMs - this.#open.lastSeenMs >= this.#silenceTimeoutMs) return [this.#close(false)];
    return [];
  }

  /** Reports the open event, if any, at once (e.g. when the stream closes). */
  flush(): DtmfPress[] {
    return this.#open ? [this.#close(false)] : [];
  }

  get malformedPackets(): number {
    return this.#malformed;
  }

  #close(ended: boolean): DtmfPress {
    const open = this.#open as OpenEvent;
    this.#open = null;
    this.#reported.push(open.timestamp);
    this.#reportedSet.add(open.timestamp);
    if (this.#reported.length > this.#memory) this.#reportedSet.delete(this.#reported.shift() as number);
    return { digit: open.digit, timestamp: open.timestamp, duration: open.duration, ended };
  }
}
