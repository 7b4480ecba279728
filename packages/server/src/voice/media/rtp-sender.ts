/** The sending half of an RTP stream: random SSRC, sequence and timestamp origin (RFC 3550 §5.1), counters. */
import { randomInt } from "node:crypto";
import { type PlannedDtmfPacket, serializeRtpPacket, timestampAdd } from "@sentra/core";
import { type G711Codec, silentG711Frame } from "./g711.js";

export class RtpSender {
  readonly ssrc = randomInt(1, 0xffffffff);
  readonly #payloadType: number;
  #sequence = randomInt(0, 0x10000);
  #timestamp = randomInt(0, 0xffffffff);
  #first = true;
  packets = 0;
  octets = 0;

  constructor(payloadType: number) {
    this.#payloadType = payloadType;
  }

  get timestamp(): number {
    return this.#timestamp;
  }

  audio(payload: Uint8Array): Uint8Array {
    const marker = this.#first;
    this.#first = false;
    return this.#packet(this.#payloadType, marker, this.#timestamp, payload);
  }

  event(payloadType: number, planned: PlannedDtmfPacket, eventTimestamp: number): Uint8Array {
    return this.#packet(payloadType, planned.marker, eventTimestamp, planned.payload);
  }

  /** Moves the media clock on by one frame, whether or not a packet was sent. */
  advance(samples: number): void {
    this.#timestamp = timestampAdd(this.#timestamp, samples);
  }

  silence(codec: G711Codec): Uint8Array {
    return silentG711Frame(codec);
  }

  #packet(payloadType: number, marker: boolean, timestamp: number, payload: Uint8Array): Uint8Array {
    const bytes = serializeRtpPacket({
      marker,
      payloadType,
      sequenceNumber: this.#sequence,
      timestamp,
      ssrc: this.ssrc,
      csrcs: [],
      extension: null,
      payload,
      paddingLength: 0,
    });
    this.#sequence = (this.#sequence + 1) & 0xffff;
    this.packets++;
    this.octets += payload.length;
    return bytes;
  }
}
