/** What the SIP transports share: a peer address and the callback that receives raw messages. */
export type SipTransportKind = "UDP" | "TCP";

export interface SipPeer {
  readonly transport: SipTransportKind;
  readonly address: string;
  readonly port: number;
}

/** Raw message text as a latin1 byte string (one char per octet), as the core parser expects. */
export type SipDataHandler = (data: string, peer: SipPeer) => void;

export interface SipTransport {
  readonly kind: SipTransportKind;
  /** The local address and port actually bound (port 0 picks a free one). */
  readonly local: { readonly address: string; readonly port: number };
  send(data: string, peer: SipPeer): Promise<void>;
  close(): Promise<void>;
  /** Open sockets (for leak checks): 1 for UDP, listener + connections for TCP; 0 after close. */
  openHandles(): number;
}

export function peerKey(peer: SipPeer): string {
  return `${peer.transport}:${peer.address}:${peer.port}`;
}
