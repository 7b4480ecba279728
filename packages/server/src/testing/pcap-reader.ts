/**
 * Test support: reads the UDP datagrams out of a classic libpcap file (Ethernet, Linux cooked or raw IP
 * link types; IPv4), so recorded RTP — e.g. sipp's /usr/share/sip-tester/*.pcap — can be replayed at a
 * session over loopback.
 */
import { readFile } from "node:fs/promises";

export interface PcapUdpDatagram {
  /** Capture time in ms since the first packet of the file. */
  readonly atMs: number;
  readonly sourcePort: number;
  readonly destinationPort: number;
  readonly payload: Buffer;
}

const LINKTYPE_ETHERNET = 1;
const LINKTYPE_RAW = 101;
const LINKTYPE_LINUX_SLL = 113;

export async function readPcapUdp(path: string): Promise<PcapUdpDatagram[]> {
  const file = await readFile(path);
  const magic = file.readUInt32LE(0);
  const littleEndian = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  const nanos = magic === 0xa1b23c4d || magic === 0x4d3cb2a1;
  if (!littleEndian && magic !== 0xd4c3b2a1 && magic !== 0x4d3cb2a1)
    throw new Error(`${path} is not a pcap file`);
  const u32 = (at: number) => (littleEndian ? file.readUInt32LE(at) : file.readUInt32BE(at));
  const linkType = u32(20);
  const datagrams: PcapUdpDatagram[] = [];
  let first: number | null = null;
  for (let at = 24; at + 16 <= file.length; ) {
    const seconds = u32(at);
    const fraction = u32(at + 4);
    const captured = u32(at + 8);
    const frame = file.subarray(at + 16, at + 16 + captured);
    at += 16 + captured;
    const timeMs = seconds * 1000 + (nanos ? fraction / 1e6 : fraction / 1e3);
    first ??= timeMs;
    let ip =
      linkType === LINKTYPE_ETHERNET
        ? 14
        : linkType === LINKTYPE_LINUX_SLL
          ? 16
          : linkType === LINKTYPE_RAW
            ? 0
            : -1;
    if (ip < 0) throw new Error(`unsupported pcap link type ${linkType}`);
    if (linkType === LINKTYPE_ETHERNET) {
      let etherType = frame.readUInt16BE(12);
      if (etherType === 0x8100) {
        etherType = frame.readUInt16BE(16);
        ip += 4;
      }
      if (etherType !== 0x0800) continue;
    }
    if (frame.length < ip + 20 || frame[ip] === undefined || (frame[ip] as number) >> 4 !== 4) continue;
    const headerBytes = ((frame[ip] as number) & 0x0f) * 4;
    if (frame[ip + 9] !== 17) continue;
    const udp = ip + headerBytes;
    const udpLength = frame.readUInt16BE(udp + 4);
    datagrams.push({
      atMs: timeMs - first,
      sourcePort: frame.readUInt16BE(udp),
      destinationPort: frame.readUInt16BE(udp + 2),
      payload: Buffer.from(frame.subarray(udp + 8, udp + udpLength)),
    });
  }
  return datagrams;
}
