/**
 * The neutral shape of one leg of a call's audio, as the media bridge sees it: G.711 µ-law (PCMU) frames of
 * 20 ms (160 bytes at 8 kHz) in and out, nothing codec- or transport-specific. A WebRTC endpoint implements
 * it today; an RTP session can implement it too, so bridging two legs is copying frames, never transcoding.
 */
export interface AudioEndpoint {
  /** Calls `listener` with the payload of every received PCMU packet, in arrival order. Returns an unsubscribe. */
  onAudioFrame(listener: (pcmu: Buffer) => void): () => void;
  /** Sends one 20 ms PCMU frame (160 bytes); the endpoint stamps sequence number and timestamp. */
  sendAudioFrame(pcmu: Buffer): void;
  /** Calls `listener` once when the endpoint ends, for whatever reason (hangup, failure, timeout). */
  onClose(listener: (reason: EndpointCloseReason) => void): () => void;
  /** Releases sockets and timers; safe to call twice. */
  close(reason?: EndpointCloseReason): Promise<void>;
  readonly stats: AudioEndpointStats;
}

export interface AudioEndpointStats {
  /** PCMU packets received from the peer. */
  readonly rtpIn: number;
  /** PCMU packets handed to the transport while connected. */
  readonly rtpOut: number;
}

export type EndpointCloseReason = "hangup" | "failed" | "connect_timeout" | "shutdown";

/** µ-law samples per 20 ms frame at 8 kHz: also the RTP timestamp step between frames. */
export const PCMU_FRAME_BYTES = 160;
/** The static RTP payload type of PCMU (RFC 3551). */
export const PCMU_PAYLOAD_TYPE = 0;
