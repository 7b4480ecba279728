/** Small UDP helpers for RTP sessions: exclusive binding that reports a taken port as null, quiet close. */
import { createSocket, type Socket } from "node:dgram";

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Binds a UDP socket exclusively; null when the port is taken. */
export function bindUdpSocket(address: string, port: number): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = createSocket({ type: address.includes(":") ? "udp6" : "udp4", reuseAddr: false });
    const onError = () => {
      socket.close();
      resolve(null);
    };
    socket.once("error", onError);
    socket.bind({ port, address, exclusive: true }, () => {
      socket.off("error", onError);
      resolve(socket);
    });
  });
}

export function closeUdpSocket(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    try {
      socket.close(() => resolve());
    } catch {
      resolve();
    }
  });
}
