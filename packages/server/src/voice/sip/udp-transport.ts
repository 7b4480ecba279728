/** SIP over UDP (RFC 3261 §18): one datagram, one message; oversized datagrams are dropped. */
import { createSocket, type Socket } from "node:dgram";
import type { Logger } from "pino";
import type { SipDataHandler, SipPeer, SipTransport } from "./transport.js";

export interface UdpTransportOptions {
  readonly host: string;
  readonly port: number;
  readonly maxBytes: number;
  readonly logger: Logger;
}

export class UdpTransport implements SipTransport {
  readonly kind = "UDP" as const;
  readonly #socket: Socket;
  readonly #logger: Logger;
  #open = true;

  private constructor(socket: Socket, logger: Logger) {
    this.#socket = socket;
    this.#logger = logger;
  }

  static listen(options: UdpTransportOptions, onData: SipDataHandler): Promise<UdpTransport> {
    const type = options.host.includes(":") ? "udp6" : "udp4";
    const socket = createSocket({ type, recvBufferSize: 1 << 20 });
    return new Promise((resolve, reject) => {
      socket.once("error", reject);
      socket.bind(options.port, options.host, () => {
        socket.off("error", reject);
        const transport = new UdpTransport(socket, options.logger);
        socket.on("error", (error) => options.logger.warn({ err: error }, "sip udp socket error"));
        socket.on("message", (buffer, info) => {
          if (buffer.length > options.maxBytes) {
            options.logger.warn(
              { from: info.address, bytes: buffer.length },
              "sip udp datagram too large, dropped",
            );
            return;
          }
          onData(buffer.toString("latin1"), { transport: "UDP", address: info.address, port: info.port });
        });
        resolve(transport);
      });
    });
  }

  get local() {
    const { address, port } = this.#socket.address();
    return { address, port };
  }

  send(data: string, peer: SipPeer): Promise<void> {
    if (!this.#open) return Promise.reject(new Error("UDP transport closed"));
    return new Promise((resolve, reject) => {
      this.#socket.send(Buffer.from(data, "latin1"), peer.port, peer.address, (error) =>
        error ? reject(error) : resolve(),
      );
    });
  }

  close(): Promise<void> {
    if (!this.#open) return Promise.resolve();
    this.#open = false;
    return new Promise((resolve) => this.#socket.close(() => resolve()));
  }

  openHandles(): number {
    return this.#open ? 1 : 0;
  }

  get logger(): Logger {
    return this.#logger;
  }
}
