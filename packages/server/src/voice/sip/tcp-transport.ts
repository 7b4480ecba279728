/**
 * SIP over TCP (RFC 3261 §18): messages framed by Content-Length (core `SipStreamFramer`), a size limit per
 * message, idle connections closed. A framing error closes the connection; it never crashes the process.
 */
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { SipStreamFramer } from "@sentra/core";
import type { Logger } from "pino";
import { peerKey, type SipDataHandler, type SipPeer, type SipTransport } from "./transport.js";

export interface TcpTransportOptions {
  readonly host: string;
  readonly port: number;
  readonly maxBytes: number;
  /** Close a connection after this long without traffic (default 5 minutes). */
  readonly idleMs?: number;
  readonly logger: Logger;
}

export class TcpTransport implements SipTransport {
  readonly kind = "TCP" as const;
  readonly #server: Server;
  readonly #connections = new Map<string, Socket>();
  readonly #options: TcpTransportOptions;
  readonly #onData: SipDataHandler;
  #open = true;

  private constructor(server: Server, options: TcpTransportOptions, onData: SipDataHandler) {
    this.#server = server;
    this.#options = options;
    this.#onData = onData;
  }

  static listen(options: TcpTransportOptions, onData: SipDataHandler): Promise<TcpTransport> {
    const server = createServer();
    const transport = new TcpTransport(server, options, onData);
    server.on("connection", (socket) => transport.#adopt(socket));
    server.on("error", (error) => options.logger.warn({ err: error }, "sip tcp server error"));
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host, () => {
        server.off("error", reject);
        resolve(transport);
      });
    });
  }

  get local() {
    const address = this.#server.address();
    return typeof address === "object" && address
      ? { address: address.address, port: address.port }
      : { address: "", port: 0 };
  }

  #adopt(socket: Socket): SipPeer {
    const peer: SipPeer = {
      transport: "TCP",
      address: socket.remoteAddress ?? "",
      port: socket.remotePort ?? 0,
    };
    const key = peerKey(peer);
    this.#connections.set(key, socket);
    const framer = new SipStreamFramer(this.#options.maxBytes);
    socket.setTimeout(this.#options.idleMs ?? 300_000);
    socket.on("timeout", () => socket.destroy());
    socket.on("error", (error) =>
      this.#options.logger.debug({ err: error, peer: key }, "sip tcp connection error"),
    );
    socket.on("close", () => {
      for (const [k, s] of this.#connections) if (s === socket) this.#connections.delete(k);
    });
    socket.on("data", (chunk: Buffer) => {
      const result = framer.push(chunk.toString("latin1"));
      for (const message of result.messages) this.#onData(message, peer);
      if (!result.ok) {
        this.#options.logger.warn(
          { peer: key, error: result.error },
          "sip tcp framing error, connection closed",
        );
        socket.destroy();
      }
    });
    return peer;
  }

  async send(data: string, peer: SipPeer): Promise<void> {
    if (!this.#open) throw new Error("TCP transport closed");
    let socket = this.#connections.get(peerKey(peer));
    if (!socket || socket.destroyed) {
      const fresh = createConnection({ host: peer.address, port: peer.port });
      await new Promise<void>((resolve, reject) => {
        fresh.once("connect", resolve);
        fresh.once("error", reject);
      });
      this.#adoptOutgoing(fresh, peer);
      socket = fresh;
    }
    const target = socket;
    await new Promise<void>((resolve, reject) =>
      target.write(Buffer.from(data, "latin1"), (error) => (error ? reject(error) : resolve())),
    );
  }

  #adoptOutgoing(socket: Socket, peer: SipPeer): void {
    // Responses come back on the connection we opened; index it by the peer we dialled.
    const adopted = this.#adopt(socket);
    if (peerKey(adopted) !== peerKey(peer)) {
      this.#connections.delete(peerKey(adopted));
      this.#connections.set(peerKey(peer), socket);
    }
  }

  async close(): Promise<void> {
    if (!this.#open) return;
    this.#open = false;
    for (const socket of this.#connections.values()) socket.destroy();
    this.#connections.clear();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  openHandles(): number {
    return (this.#open ? 1 : 0) + this.#connections.size;
  }
}
