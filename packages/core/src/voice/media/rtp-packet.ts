/**
 * RTP fixed header (RFC 3550 §5.1) with CSRC list, header extension (§5.3.1) and padding. Works on bytes
 * only (Uint8Array), so the same code serves UDP sockets, pcap files and tests.
 */
import { type MediaParseResult, mediaFail, mediaOk } from "./media-result.js";

export const RTP_VERSION = 2;
export const RTP_FIXED_HEADER_BYTES = 12;

export interface RtpHeaderExtension {
  /** The 16-bit profile-defined value ("defined by profile"), e.g. 0xBEDE for RFC 8285 one-byte headers. */
  readonly profile: number;
  /** Extension body; its length is a multiple of 4 bytes. */
  readonly data: Uint8Array;
}

export interface RtpPacket {
  readonly marker: boolean;
  /** 0..127 */
  readonly payloadType: number;
  /** 0..65535, wraps. */
  readonly sequenceNumber: number;
  /** 0..2^32-1, wraps; in units of the payload's clock rate. */
  readonly timestamp: number;
  readonly ssrc: number;
  /** At most 15 contributing sources. */
  readonly csrcs: readonly number[];
  readonly extension: RtpHeaderExtension | null;
  readonly payload: Uint8Array;
  /** Padding bytes after the payload including the count byte itself; 0 means no padding (P bit clear). */
  readonly paddingLength: number;
}

/** True when the second byte looks like an RTCP packet type (RFC 5761 §4), for rtcp-mux demultiplexing. */
export function looksLikeRtcp(bytes: Uint8Array): boolean {
  const second = bytes[1];
  return bytes.length >= 8 && second !== undefined && second >= 192 && second <= 223;
}

export function parseRtpPacket(bytes: Uint8Array): MediaParseResult<RtpPacket> {
  if (bytes.length < RTP_FIXED_HEADER_BYTES) {
    return mediaFail("rtp_too_short", `An RTP packet has at least 12 bytes; got ${bytes.length}.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = view.getUint8(0);
  const version = first >> 6;
  if (version !== RTP_VERSION) return mediaFail("rtp_bad_version", `RTP version must be 2; got ${version}.`);
  const hasPadding = (first & 0x20) !== 0;
  const hasExtension = (first & 0x10) !== 0;
  const csrcCount = first & 0x0f;
  const second = view.getUint8(1);
  let offset = RTP_FIXED_HEADER_BYTES;
  if (bytes.length < offset + csrcCount * 4) {
    return mediaFail("rtp_bad_csrc", `The packet is too short for its ${csrcCount} CSRC entries.`);
  }
  const csrcs: number[] = [];
  for (let i = 0; i < csrcCount; i++) csrcs.push(view.getUint32(offset + i * 4));
  offset += csrcCount * 4;
  let extension: RtpHeaderExtension | null = null;
  if (hasExtension) {
    if (bytes.length < offset + 4)
      return mediaFail("rtp_bad_extension", "The header extension is cut short.");
    const profile = view.getUint16(offset);
    const words = view.getUint16(offset + 2);
    const end = offset + 4 + words * 4;
    if (bytes.length < end)
      return mediaFail("rtp_bad_extension", "The header extension is longer than the packet.");
    extension = { profile, data: bytes.slice(offset + 4, end) };
    offset = end;
  }
  let paddingLength = 0;
  if (hasPadding) {
    paddingLength = view.getUint8(bytes.length - 1);
    if (paddingLength === 0 || offset + paddingLength > bytes.length) {
      return mediaFail("rtp_bad_padding", `The padding count ${paddingLength} does not fit the packet.`);
    }
  }
  return mediaOk({
    marker: (second & 0x80) !== 0,
    payloadType: second & 0x7f,
    sequenceNumber: view.getUint16(2),
    timestamp: view.getUint32(4),
    ssrc: view.getUint32(8),
    csrcs,
    extension,
    payload: bytes.slice(offset, bytes.length - paddingLength),
    paddingLength,
  });
}

/** Serialises a packet; fields are masked to their widths, so any input yields a well-formed packet. */
export function serializeRtpPacket(packet: RtpPacket): Uint8Array {
  const csrcs = packet.csrcs.slice(0, 15);
  const extensionBytes = packet.extension ? 4 + Math.ceil(packet.extension.data.length / 4) * 4 : 0;
  const padding = packet.paddingLength & 0xff;
  const headerBytes = RTP_FIXED_HEADER_BYTES + csrcs.length * 4 + extensionBytes;
  const out = new Uint8Array(headerBytes + packet.payload.length + padding);
  const view = new DataView(out.buffer);
  view.setUint8(
    0,
    (RTP_VERSION << 6) | (padding > 0 ? 0x20 : 0) | (packet.extension ? 0x10 : 0) | csrcs.length,
  );
  view.setUint8(1, (packet.marker ? 0x80 : 0) | (packet.payloadType & 0x7f));
  view.setUint16(2, packet.sequenceNumber & 0xffff);
  view.setUint32(4, packet.timestamp >>> 0);
  view.setUint32(8, packet.ssrc >>> 0);
  let offset = RTP_FIXED_HEADER_BYTES;
  for (const csrc of csrcs) {
    view.setUint32(offset, csrc >>> 0);
    offset += 4;
  }
  if (packet.extension) {
    view.setUint16(offset, packet.extension.profile & 0xffff);
    view.setUint16(offset + 2, (extensionBytes - 4) / 4);
    out.set(packet.extension.data, offset + 4);
    offset += extensionBytes;
  }
  out.set(packet.payload, offset);
  if (padding > 0) out[out.length - 1] = padding;
  return out;
}
