/**
 * RTCP for one session: a sender report (with a reception block for the peer) every interval, LSR/DLSR from
 * the peer's last sender report (RFC 3550 §6.4.1), and SR + BYE at close.
 */
import type { RtcpPacket, RtcpSenderReport, RtpReceptionStats } from "@sentra/core";
import { serializeRtcpPackets } from "@sentra/core";
import type { RtpSender } from "./rtp-sender.js";

const NTP_EPOCH_OFFSET_SECONDS = 2_208_988_800;

export class RtcpReporter {
  readonly #sender: RtpSender;
  readonly #reception: () => RtpReceptionStats;
  readonly #intervalMs: number;
  #nextDueMs: number | null = null;
  #lastSr: { middle: number; arrivalMs: number } | null = null;
  received = 0;
  byeReceived = false;

  constructor(sender: RtpSender, reception: () => RtpReceptionStats, intervalMs: number) {
    this.#sender = sender;
    this.#reception = reception;
    this.#intervalMs = intervalMs;
  }

  due(nowMs: number): boolean {
    if (this.#nextDueMs === null) this.#nextDueMs = nowMs + this.#intervalMs;
    if (nowMs < this.#nextDueMs) return false;
    this.#nextDueMs = nowMs + this.#intervalMs;
    return true;
  }

  report(remoteSsrc: number | null, nowMs: number): Uint8Array {
    return serializeRtcpPackets([this.#senderReport(remoteSsrc, nowMs)]);
  }

  bye(nowMs: number): Uint8Array {
    return serializeRtcpPackets([
      this.#senderReport(null, nowMs),
      { type: "bye", ssrcs: [this.#sender.ssrc], reason: "call ended" },
    ]);
  }

  receive(packets: readonly RtcpPacket[], nowMs: number): void {
    this.received++;
    for (const packet of packets) {
      if (packet.type === "sr") {
        const middle = ((packet.ntpSeconds & 0xffff) << 16) | (packet.ntpFraction >>> 16);
        this.#lastSr = { middle: middle >>> 0, arrivalMs: nowMs };
      }
      if (packet.type === "bye") this.byeReceived = true;
    }
  }

  #senderReport(remoteSsrc: number | null, nowMs: number): RtcpSenderReport {
    const wallMs = Date.now();
    const seconds = Math.floor(wallMs / 1000);
    const lsr = this.#lastSr;
    const reports =
      remoteSsrc === null
        ? []
        : [
            this.#reception().reportBlock(
              remoteSsrc,
              lsr?.middle ?? 0,
              lsr ? Math.round(((nowMs - lsr.arrivalMs) / 1000) * 65536) >>> 0 : 0,
            ),
          ];
    return {
      type: "sr",
      ssrc: this.#sender.ssrc,
      ntpSeconds: (seconds + NTP_EPOCH_OFFSET_SECONDS) >>> 0,
      ntpFraction: Math.floor(((wallMs % 1000) / 1000) * 0x100000000) >>> 0,
      rtpTimestamp: this.#sender.timestamp,
      packetCount: this.#sender.packets >>> 0,
      octetCount: this.#sender.octets >>> 0,
      reports,
    };
  }
}
