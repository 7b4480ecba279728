import { createSocket, type Socket } from "node:dgram";
import {
  classes,
  MediaStreamTrack,
  Message,
  methods,
  parseMessage,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
} from "werift";

/**
 * A stand-in for the agent's browser in Node tests: a full (non-lite) werift peer that offers PCMU. A full
 * ICE agent asks a STUN server for its public address, and werift falls back to stun.l.google.com when none
 * is given, so the peer is pointed at a STUN responder of its own on loopback.
 */
export class BrowserLikePeer {
  readonly pc: RTCPeerConnection;
  readonly track = new MediaStreamTrack({ kind: "audio" });
  received = 0;
  #sequence = 0;
  #timestamp = 0;

  private constructor(stunPort: number) {
    this.pc = new RTCPeerConnection({
      iceServers: [{ urls: `stun:127.0.0.1:${stunPort}` }],
      iceUseIpv4: false,
      iceUseIpv6: false,
      iceAdditionalHostAddresses: ["127.0.0.1"],
      iceInterfaceAddresses: { udp4: "127.0.0.1" },
      codecs: {
        audio: [
          new RTCRtpCodecParameters({ mimeType: "audio/PCMU", clockRate: 8000, channels: 1, payloadType: 0 }),
        ],
        video: [],
      },
      headerExtensions: { audio: [], video: [] },
    });
    this.pc.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe(() => {
        this.received += 1;
      });
    });
  }

  static async create(stun: LoopbackStun): Promise<BrowserLikePeer> {
    return new BrowserLikePeer(stun.port);
  }

  async offer(): Promise<string> {
    this.pc.addTransceiver(this.track, { direction: "sendrecv" });
    await this.pc.setLocalDescription(await this.pc.createOffer());
    return this.pc.localDescription?.sdp ?? "";
  }

  /** Answers an offer the server made; returns the answer SDP. */
  async answer(offer: string): Promise<string> {
    await this.pc.setRemoteDescription({ type: "offer", sdp: offer });
    const transceiver = this.pc.getTransceivers().find((candidate) => candidate.kind === "audio");
    if (!transceiver) throw new Error("the offer has no audio");
    transceiver.setDirection("sendrecv");
    await transceiver.sender.replaceTrack(this.track);
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    return this.pc.localDescription?.sdp ?? "";
  }

  async accept(answer: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: "answer", sdp: answer });
  }

  sendFrame(payload: Buffer): void {
    this.#sequence = (this.#sequence + 1) & 0xffff;
    this.#timestamp += payload.length;
    this.track.writeRtp(
      new RtpPacket(
        new RtpHeader({ payloadType: 0, sequenceNumber: this.#sequence, timestamp: this.#timestamp }),
        payload,
      ),
    );
  }

  async close(): Promise<void> {
    await this.pc.close();
  }
}

/** A minimal STUN binding responder on 127.0.0.1 (answers with the sender's address), for test peers only. */
export class LoopbackStun {
  requests = 0;
  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {}

  static async start(): Promise<LoopbackStun> {
    const socket = createSocket("udp4");
    await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
    const stun = new LoopbackStun(socket, socket.address().port);
    socket.on("message", (data, remote) => {
      const request = parseMessage(data);
      if (!request || request.messageMethod !== methods.BINDING) return;
      stun.requests += 1;
      const response = new Message(methods.BINDING, classes.RESPONSE, request.transactionId);
      response.setAttribute("XOR-MAPPED-ADDRESS", [remote.address, remote.port]).addFingerprint();
      socket.send(response.bytes, remote.port, remote.address);
    });
    return stun;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }
}
