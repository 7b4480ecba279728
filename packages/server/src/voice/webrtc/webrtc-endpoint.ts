import {
  type MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  type RTCRtpSender,
  RtpHeader,
  RtpPacket,
} from "werift";
import {
  type AudioEndpoint,
  type AudioEndpointStats,
  type EndpointCloseReason,
  PCMU_FRAME_BYTES,
  PCMU_PAYLOAD_TYPE,
} from "./audio-endpoint.js";
import { checkBrowserSdp, isMdnsCandidate } from "./browser-sdp.js";

export interface WebRtcEndpointOptions {
  /**
   * The one address the endpoint binds and advertises as its only (host) candidate. 127.0.0.1 in tests and
   * on a single host; the server's LAN address when agents' browsers run elsewhere.
   */
  readonly host: string;
  /** Optional UDP port range, e.g. to match a firewall rule. */
  readonly portRange?: readonly [number, number];
  /** The endpoint closes itself with reason `connect_timeout` if media is not connected by then. */
  readonly connectTimeoutMs?: number;
}

export type WebRtcErrorCode = "invalid_sdp" | "negotiation_failed" | "closed";

/** A failure the caller can show: a stable code and a human message. */
export class WebRtcError extends Error {
  constructor(
    readonly code: WebRtcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WebRtcError";
  }
}

const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;

/**
 * One browser's audio leg, terminated on the server with werift: ICE-lite (the server never sends checks or
 * asks a STUN server; it answers the browser's checks on its single host candidate), DTLS-SRTP, PCMU only,
 * so frames pass to an RTP leg without transcoding.
 */
export class WebRtcEndpoint implements AudioEndpoint {
  readonly #pc: RTCPeerConnection;
  readonly #frameListeners = new Set<(pcmu: Buffer) => void>();
  readonly #closeListeners = new Set<(reason: EndpointCloseReason) => void>();
  readonly #connectedListeners = new Set<() => void>();
  readonly #stats = { rtpIn: 0, rtpOut: 0 };
  #sender: RTCRtpSender | undefined;
  #connected = false;
  #closed = false;
  #sequence = Math.floor(Math.random() * 0xffff);
  #timestamp = Math.floor(Math.random() * 0xffffffff);
  #connectTimer: ReturnType<typeof setTimeout> | undefined;

  private constructor(options: WebRtcEndpointOptions) {
    this.#pc = new RTCPeerConnection({
      // No STUN or TURN: werift's defaults would ask stun.l.google.com.
      iceServers: [],
      iceLite: true,
      // Gather no interface addresses but the configured one: binds and advertises only `host`.
      iceUseIpv4: false,
      iceUseIpv6: false,
      iceUseTcp: false,
      iceAdditionalHostAddresses: [options.host],
      iceInterfaceAddresses: options.host.includes(":") ? { udp6: options.host } : { udp4: options.host },
      ...(options.portRange ? { icePortRange: [options.portRange[0], options.portRange[1]] } : {}),
      codecs: {
        audio: [
          new RTCRtpCodecParameters({
            mimeType: "audio/PCMU",
            clockRate: 8000,
            channels: 1,
            payloadType: PCMU_PAYLOAD_TYPE,
          }),
        ],
        video: [],
      },
      headerExtensions: { audio: [], video: [] },
    });
    this.#pc.onTrack.subscribe((track) => this.#receiveFrom(track));
    this.#pc.connectionStateChange.subscribe((state) => {
      if (state === "connected") {
        this.#connected = true;
        clearTimeout(this.#connectTimer);
        this.#connectTimer = undefined;
        for (const listener of this.#connectedListeners) listener();
        this.#connectedListeners.clear();
      }
      if (state === "failed") void this.close("failed");
    });
    this.#connectTimer = setTimeout(
      () => void this.close("connect_timeout"),
      options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    );
  }

  /** Answers a browser's offer. Throws WebRtcError `invalid_sdp` for an offer it cannot use. */
  static async answer(
    offerSdp: string,
    options: WebRtcEndpointOptions,
  ): Promise<{ endpoint: WebRtcEndpoint; sdp: string }> {
    const checked = checkBrowserSdp(offerSdp);
    if (!checked.ok) throw new WebRtcError("invalid_sdp", checked.message);
    const endpoint = new WebRtcEndpoint(options);
    try {
      await endpoint.#pc.setRemoteDescription({ type: "offer", sdp: checked.sdp });
      const transceiver = endpoint.#pc.getTransceivers().find((candidate) => candidate.kind === "audio");
      if (!transceiver) throw new WebRtcError("invalid_sdp", "The offer has no usable audio section.");
      transceiver.setDirection("sendrecv");
      endpoint.#sender = transceiver.sender;
      const answer = await endpoint.#pc.createAnswer();
      await endpoint.#pc.setLocalDescription(answer);
      return { endpoint, sdp: endpoint.#localSdp() };
    } catch (error) {
      await endpoint.close("failed");
      throw endpoint.#asWebRtcError(error);
    }
  }

  /** Makes an offer for a call the server places to the browser; finish with `acceptAnswer`. */
  static async offer(options: WebRtcEndpointOptions): Promise<{ endpoint: WebRtcEndpoint; sdp: string }> {
    const endpoint = new WebRtcEndpoint(options);
    try {
      const transceiver = endpoint.#pc.addTransceiver("audio", { direction: "sendrecv" });
      endpoint.#sender = transceiver.sender;
      await endpoint.#pc.setLocalDescription(await endpoint.#pc.createOffer());
      return { endpoint, sdp: endpoint.#localSdp() };
    } catch (error) {
      await endpoint.close("failed");
      throw endpoint.#asWebRtcError(error);
    }
  }

  /** Applies the browser's answer to an offer from `offer`. */
  async acceptAnswer(answerSdp: string): Promise<void> {
    if (this.#closed) throw new WebRtcError("closed", "The call has already ended.");
    const checked = checkBrowserSdp(answerSdp);
    if (!checked.ok) throw new WebRtcError("invalid_sdp", checked.message);
    try {
      await this.#pc.setRemoteDescription({ type: "answer", sdp: checked.sdp });
    } catch (error) {
      throw this.#asWebRtcError(error);
    }
  }

  /** A trickled browser candidate. mDNS (`.local`) candidates are ignored: ICE-lite does not need them. */
  async addRemoteCandidate(
    candidate: string,
    sdpMid: string | null,
    sdpMLineIndex: number | null,
  ): Promise<void> {
    if (this.#closed || isMdnsCandidate(candidate)) return;
    await this.#pc
      .addIceCandidate({
        candidate,
        ...(sdpMid === null ? {} : { sdpMid }),
        ...(sdpMLineIndex === null ? {} : { sdpMLineIndex }),
      })
      .catch(() => undefined);
  }

  get connected(): boolean {
    return this.#connected && !this.#closed;
  }

  get closed(): boolean {
    return this.#closed;
  }

  get stats(): AudioEndpointStats {
    return { ...this.#stats };
  }

  onAudioFrame(listener: (pcmu: Buffer) => void): () => void {
    this.#frameListeners.add(listener);
    return () => this.#frameListeners.delete(listener);
  }

  /** Calls `listener` once when ICE and DTLS are up and media can flow. */
  onConnected(listener: () => void): void {
    if (this.connected) listener();
    else if (!this.#closed) this.#connectedListeners.add(listener);
  }

  onClose(listener: (reason: EndpointCloseReason) => void): () => void {
    this.#closeListeners.add(listener);
    return () => this.#closeListeners.delete(listener);
  }

  sendAudioFrame(pcmu: Buffer): void {
    const sender = this.#sender;
    if (!sender || !this.#connected || this.#closed) return;
    this.#sequence = (this.#sequence + 1) & 0xffff;
    this.#timestamp = (this.#timestamp + PCMU_FRAME_BYTES) >>> 0;
    const header = new RtpHeader({
      payloadType: PCMU_PAYLOAD_TYPE,
      sequenceNumber: this.#sequence,
      timestamp: this.#timestamp,
      marker: false,
    });
    this.#stats.rtpOut += 1;
    sender.sendRtp(new RtpPacket(header, pcmu)).catch(() => undefined);
  }

  async close(reason: EndpointCloseReason = "hangup"): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#connectTimer);
    this.#connectTimer = undefined;
    this.#frameListeners.clear();
    this.#connectedListeners.clear();
    await this.#pc.close().catch(() => undefined);
    for (const listener of this.#closeListeners) listener(reason);
    this.#closeListeners.clear();
  }

  #receiveFrom(track: MediaStreamTrack): void {
    track.onReceiveRtp.subscribe((rtp) => {
      if (this.#closed || rtp.header.payloadType !== PCMU_PAYLOAD_TYPE) return;
      this.#stats.rtpIn += 1;
      for (const listener of this.#frameListeners) listener(rtp.payload);
    });
  }

  #localSdp(): string {
    const sdp = this.#pc.localDescription?.sdp;
    if (!sdp) throw new WebRtcError("negotiation_failed", "No local description was produced.");
    return sdp;
  }

  #asWebRtcError(error: unknown): WebRtcError {
    if (error instanceof WebRtcError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new WebRtcError("invalid_sdp", `The session description could not be applied: ${detail}`);
  }
}
