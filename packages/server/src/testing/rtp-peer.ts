/**
 * Test support for media tests: a raw UDP peer (sends datagrams on a schedule, like sipp's pcap play) and
 * helpers to wait and to count live handles so tests can prove nothing leaked.
 */
import { createSocket, type Socket } from "node:dgram";

export class RawUdpPeer {
  readonly socket: Socket;

  private constructor(socket: Socket) {
    this.socket = socket;
  }

  static async open(): Promise<RawUdpPeer> {
    const socket = createSocket("udp4");
    await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
    return new RawUdpPeer(socket);
  }

  /** Sends each payload at its recorded offset (ms from the first), to the given local port. */
  async play(datagrams: readonly { atMs: number; payload: Uint8Array }[], port: number): Promise<void> {
    const start = performance.now();
    for (const datagram of datagrams) {
      const wait = datagram.atMs - (performance.now() - start);
      if (wait > 0) await sleep(wait);
      this.socket.send(datagram.payload, port, "127.0.0.1");
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Live handles of the kinds a media test could leak (UDP sockets, timers). */
export function liveHandles(): { udp: number; timers: number } {
  const kinds = process.getActiveResourcesInfo();
  return {
    udp: kinds.filter((k) => k === "UDPWrap").length,
    timers: kinds.filter((k) => k === "Timeout").length,
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error("condition not met in time");
    await sleep(20);
  }
}
