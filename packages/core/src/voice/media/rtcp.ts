/**
 * Basic RTCP (RFC 3550 §6.4, §6.6): sender reports, receiver reports and BYE, in compound packets. Other
 * packet types (SDES, APP, feedback) are kept as opaque bytes so a compound packet still parses.
 */
import { type MediaParseResult, mediaFail, mediaOk } from "./media-result.js";

export const RTCP_SR = 200;
export const RTCP_RR = 201;
export const RTCP_BYE = 203;

export interface RtcpReportBlock {
  readonly ssrc: number;
  /** Fraction of packets lost since the previous report, as a fixed-point number over 256 (0..255). */
  readonly fractionLost: number;
  /** Cumulative packets lost, a signed 24-bit number (duplicates can make it negative). */
  readonly cumulativeLost: number;
  readonly highestSequence: number;
  /** Interarrival jitter in timestamp units. */
  readonly jitter: number;
  readonly lastSenderReport: number;
  readonly delaySinceLastSenderReport: number;
}

export interface RtcpSenderReport {
  readonly type: "sr";
  readonly ssrc: number;
  readonly ntpSeconds: number;
  readonly ntpFraction: number;
  readonly rtpTimestamp: number;
  readonly packetCount: number;
  readonly octetCount: number;
  readonly reports: readonly RtcpReportBlock[];
}

export interface RtcpReceiverReport {
  readonly type: "rr";
  readonly ssrc: number;
  readonly reports: readonly RtcpReportBlock[];
}

export interface RtcpBye {
  readonly type: "bye";
  readonly ssrcs: readonly number[];
  /** ASCII reason; other characters become "?". */
  readonly reason: string | null;
}

export interface RtcpOther {
  readonly type: "other";
  readonly packetType: number;
  /** The whole packet including its header. */
  readonly bytes: Uint8Array;
}

export type RtcpPacket = RtcpSenderReport | RtcpReceiverReport | RtcpBye | RtcpOther;

const REPORT_BLOCK_BYTES = 24;

function readReportBlocks(
  view: DataView,
  offset: number,
  count: number,
  end: number,
): RtcpReportBlock[] | null {
  if (offset + count * REPORT_BLOCK_BYTES > end) return null;
  const blocks: RtcpReportBlock[] = [];
  for (let i = 0; i < count; i++) {
    const at = offset + i * REPORT_BLOCK_BYTES;
    const lostWord = view.getUint32(at + 4);
    const cumulative = lostWord & 0xffffff;
    blocks.push({
      ssrc: view.getUint32(at),
      fractionLost: lostWord >>> 24,
      cumulativeLost: cumulative & 0x800000 ? cumulative - 0x1000000 : cumulative,
      highestSequence: view.getUint32(at + 8),
      jitter: view.getUint32(at + 12),
      lastSenderReport: view.getUint32(at + 16),
      delaySinceLastSenderReport: view.getUint32(at + 20),
    });
  }
  return blocks;
}

function parseOne(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  end: number,
): MediaParseResult<RtcpPacket> {
  const first = view.getUint8(start);
  const count = first & 0x1f;
  const packetType = view.getUint8(start + 1);
  const body = start + 4;
  if (packetType === RTCP_SR || packetType === RTCP_RR) {
    const fixed = packetType === RTCP_SR ? 24 : 4;
    if (body + fixed > end) return mediaFail("rtcp_bad_report", "The report is shorter than its fixed part.");
    const reports = readReportBlocks(view, body + fixed, count, end);
    if (!reports) return mediaFail("rtcp_bad_report", `The report is too short for ${count} report blocks.`);
    const ssrc = view.getUint32(body);
    if (packetType === RTCP_RR) return mediaOk({ type: "rr", ssrc, reports });
    return mediaOk({
      type: "sr",
      ssrc,
      ntpSeconds: view.getUint32(body + 4),
      ntpFraction: view.getUint32(body + 8),
      rtpTimestamp: view.getUint32(body + 12),
      packetCount: view.getUint32(body + 16),
      octetCount: view.getUint32(body + 20),
      reports,
    });
  }
  if (packetType === RTCP_BYE) {
    if (body + count * 4 > end) return mediaFail("rtcp_bad_report", "The BYE is too short for its sources.");
    const ssrcs: number[] = [];
    for (let i = 0; i < count; i++) ssrcs.push(view.getUint32(body + i * 4));
    let reason: string | null = null;
    const reasonAt = body + count * 4;
    if (reasonAt < end) {
      const length = view.getUint8(reasonAt);
      if (reasonAt + 1 + length > end) return mediaFail("rtcp_bad_report", "The BYE reason is cut short.");
      reason = String.fromCharCode(...bytes.subarray(reasonAt + 1, reasonAt + 1 + length));
    }
    return mediaOk({ type: "bye", ssrcs, reason });
  }
  return mediaOk({ type: "other", packetType, bytes: bytes.slice(start, end) });
}

/** Parses a compound RTCP packet into its parts. */
export function parseRtcpPackets(bytes: Uint8Array): MediaParseResult<RtcpPacket[]> {
  if (bytes.length < 4)
    return mediaFail("rtcp_too_short", `An RTCP packet has at least 4 bytes; got ${bytes.length}.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const packets: RtcpPacket[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 4 > bytes.length)
      return mediaFail("rtcp_bad_length", "Trailing bytes after the last RTCP packet.");
    const version = view.getUint8(offset) >> 6;
    if (version !== 2) return mediaFail("rtcp_bad_version", `RTCP version must be 2; got ${version}.`);
    const end = offset + (view.getUint16(offset + 2) + 1) * 4;
    if (end > bytes.length)
      return mediaFail("rtcp_bad_length", "An RTCP length field points past the packet.");
    const parsed = parseOne(bytes, view, offset, end);
    if (!parsed.ok) return parsed;
    packets.push(parsed.value);
    offset = end;
  }
  return mediaOk(packets);
}

function asciiBytes(text: string): number[] {
  return Array.from(text.slice(0, 255), (ch) => {
    const code = ch.charCodeAt(0);
    return code < 128 ? code : 63;
  });
}

function packetBytes(packet: RtcpPacket): Uint8Array {
  if (packet.type === "other") return packet.bytes;
  let words: number[] = [];
  let count: number;
  let packetType: number;
  let tail: number[] = [];
  const blockWords = (reports: readonly RtcpReportBlock[]) =>
    reports
      .slice(0, 31)
      .flatMap((r) => [
        r.ssrc,
        ((r.fractionLost & 0xff) << 24) | (r.cumulativeLost & 0xffffff),
        r.highestSequence,
        r.jitter,
        r.lastSenderReport,
        r.delaySinceLastSenderReport,
      ]);
  if (packet.type === "sr") {
    packetType = RTCP_SR;
    count = Math.min(packet.reports.length, 31);
    words = [
      packet.ssrc,
      packet.ntpSeconds,
      packet.ntpFraction,
      packet.rtpTimestamp,
      packet.packetCount,
      packet.octetCount,
      ...blockWords(packet.reports),
    ];
  } else if (packet.type === "rr") {
    packetType = RTCP_RR;
    count = Math.min(packet.reports.length, 31);
    words = [packet.ssrc, ...blockWords(packet.reports)];
  } else {
    packetType = RTCP_BYE;
    count = Math.min(packet.ssrcs.length, 31);
    words = packet.ssrcs.slice(0, 31);
    if (packet.reason !== null) {
      const reason = asciiBytes(packet.reason);
      tail = [reason.length, ...reason];
      while (tail.length % 4 !== 0) tail.push(0);
    }
  }
  const length = 4 + words.length * 4 + tail.length;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint8(0, (2 << 6) | count);
  view.setUint8(1, packetType);
  view.setUint16(2, length / 4 - 1);
  words.forEach((word, i) => {
    view.setUint32(4 + i * 4, word >>> 0);
  });
  out.set(tail, 4 + words.length * 4);
  return out;
}

/** Serialises a compound RTCP packet. */
export function serializeRtcpPackets(packets: readonly RtcpPacket[]): Uint8Array {
  const parts = packets.map(packetBytes);
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
