/**
 * The browser half of the softphone: a WebRTC audio call to the Sentra server, signalled over the agent's
 * realtime WebSocket. No ICE servers: the server is reachable directly (ICE-lite, one host candidate), so the
 * browser never asks a STUN or TURN server anything.
 */

export type SoftphoneStatus = "offline" | "idle" | "ringing" | "connecting" | "in_call";

export interface PacketCounts {
  received: number;
  sent: number;
}

export interface SoftphoneSnapshot {
  status: SoftphoneStatus;
  callId: string | null;
  /** This browser's RTP counters of the current call (from getStats), refreshed every second. */
  browser: PacketCounts | null;
  /** The server's counters of the last call that ended. */
  lastCall: { reason: string; server: PacketCounts } | null;
  /** The last failure: a server error code or "microphone" / "connection". */
  error: { code: string; message: string } | null;
}

/** The subset of the browser WebSocket the client needs. */
export interface SignalSocket {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: (() => void) | null;
  onclose: (() => void) | null;
  onmessage: ((message: { data: unknown }) => void) | null;
}

type ServerMessage =
  | { type: "welcome" }
  | { type: "webrtc.offer" | "webrtc.answer"; callId: string; sdp: string }
  | { type: "webrtc.connected"; callId: string }
  | { type: "webrtc.ended"; callId: string; reason: string; stats: { rtpIn: number; rtpOut: number } }
  | { type: "error"; error: { code: string; message: string; details?: { callId?: string } } };

const OPEN = 1;
const GATHERING_LIMIT_MS = 3000;

export class SoftphoneClient {
  #snapshot: SoftphoneSnapshot = {
    status: "offline",
    callId: null,
    browser: null,
    lastCall: null,
    error: null,
  };
  readonly #listeners = new Set<(snapshot: SoftphoneSnapshot) => void>();
  #socket: SignalSocket | null = null;
  #pc: RTCPeerConnection | null = null;
  #microphone: MediaStream | null = null;
  #statsTimer: ReturnType<typeof setInterval> | null = null;
  #pendingOffer: { callId: string; sdp: string } | null = null;

  constructor(
    private readonly openSocket: () => SignalSocket,
    private readonly audioOut: (stream: MediaStream | null) => void,
  ) {}

  get snapshot(): SoftphoneSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: (snapshot: SoftphoneSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Opens the signalling socket; the softphone is `idle` (ready) once it is up. */
  connect(): void {
    // A browser without WebRTC (or a test DOM) has no softphone; it stays offline.
    if (this.#socket || typeof RTCPeerConnection === "undefined") return;
    const socket = this.openSocket();
    this.#socket = socket;
    socket.onopen = () => {
      // Tell the server this socket can ring, so calls for the agent are offered here.
      this.#send({ type: "webrtc.ready" });
      this.#update({ status: "idle" });
    };
    socket.onmessage = (message) => void this.#receive(message.data);
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#endLocally();
      this.#update({ status: "offline", callId: null });
    };
  }

  /** Calls the server's echo test: the agent hears their own microphone. */
  async startTestCall(): Promise<void> {
    if (this.#snapshot.status !== "idle") return;
    const callId = `test-${Date.now().toString(36)}`;
    this.#update({ status: "connecting", callId, error: null, browser: null });
    try {
      const pc = await this.#newPeerConnection();
      await pc.setLocalDescription(await pc.createOffer());
      await gatheringDone(pc);
      this.#send({ type: "webrtc.offer", callId, purpose: "echo_test", sdp: pc.localDescription?.sdp ?? "" });
    } catch (error) {
      this.#failLocally(error);
    }
  }

  /** Answers a call the server offered (`ringing`). */
  async answer(): Promise<void> {
    const offer = this.#pendingOffer;
    if (!offer || this.#snapshot.status !== "ringing") return;
    this.#pendingOffer = null;
    this.#update({ status: "connecting" });
    try {
      const pc = await this.#newPeerConnection();
      await pc.setRemoteDescription({ type: "offer", sdp: offer.sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      await gatheringDone(pc);
      this.#send({ type: "webrtc.answer", callId: offer.callId, sdp: pc.localDescription?.sdp ?? "" });
    } catch (error) {
      this.#failLocally(error);
    }
  }

  hangup(): void {
    const { callId } = this.#snapshot;
    if (!callId) return;
    this.#send({ type: "webrtc.hangup", callId });
    this.#endLocally();
    this.#update({ status: this.#socket ? "idle" : "offline", callId: null });
  }

  /** Ends any call and closes the socket (the desk unmounts). */
  dispose(): void {
    this.hangup();
    const socket = this.#socket;
    this.#socket = null;
    socket?.close();
    this.#listeners.clear();
  }

  async #newPeerConnection(): Promise<RTCPeerConnection> {
    this.#microphone = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    const pc = new RTCPeerConnection({ iceServers: [] });
    this.#pc = pc;
    for (const track of this.#microphone.getAudioTracks()) pc.addTrack(track, this.#microphone);
    pc.ontrack = (event) => this.audioOut(event.streams[0] ?? new MediaStream([event.track]));
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === "failed") this.#failLocally(new Error("connection"));
    };
    this.#statsTimer = setInterval(() => void this.#refreshStats(pc), 1000);
    return pc;
  }

  async #refreshStats(pc: RTCPeerConnection): Promise<void> {
    const counts: PacketCounts = { received: 0, sent: 0 };
    const report = await pc.getStats();
    report.forEach(
      (stat: { type: string; kind?: string; packetsReceived?: number; packetsSent?: number }) => {
        if (stat.kind !== "audio") return;
        if (stat.type === "inbound-rtp") counts.received += stat.packetsReceived ?? 0;
        if (stat.type === "outbound-rtp") counts.sent += stat.packetsSent ?? 0;
      },
    );
    if (this.#pc === pc) this.#update({ browser: counts });
  }

  async #receive(data: unknown): Promise<void> {
    if (typeof data !== "string") return;
    let message: ServerMessage;
    try {
      message = JSON.parse(data) as ServerMessage;
    } catch {
      return;
    }
    const current = this.#snapshot.callId;
    switch (message.type) {
      case "webrtc.offer":
        if (this.#snapshot.status !== "idle") return;
        this.#pendingOffer = { callId: message.callId, sdp: message.sdp };
        this.#update({ status: "ringing", callId: message.callId, error: null });
        return;
      case "webrtc.answer":
        if (message.callId !== current || !this.#pc) return;
        await this.#pc
          .setRemoteDescription({ type: "answer", sdp: message.sdp })
          .catch((error) => this.#failLocally(error));
        return;
      case "webrtc.connected":
        if (message.callId === current) this.#update({ status: "in_call" });
        return;
      case "webrtc.ended":
        this.#update({
          lastCall: {
            reason: message.reason,
            server: { received: message.stats.rtpIn, sent: message.stats.rtpOut },
          },
        });
        if (message.callId !== current) return;
        this.#endLocally();
        this.#update({ status: "idle", callId: null });
        return;
      case "error":
        if (!current || message.error.details?.callId !== current) return;
        this.#endLocally();
        this.#update({ status: this.#socket ? "idle" : "offline", callId: null, error: message.error });
        return;
    }
  }

  #failLocally(error: unknown): void {
    const name = error instanceof Error ? error.name : "";
    const code = name === "NotAllowedError" || name === "NotFoundError" ? "microphone" : "connection";
    const message = error instanceof Error ? error.message : String(error);
    this.hangup();
    this.#update({ error: { code, message } });
  }

  #endLocally(): void {
    if (this.#statsTimer) clearInterval(this.#statsTimer);
    this.#statsTimer = null;
    this.#pc?.close();
    this.#pc = null;
    for (const track of this.#microphone?.getTracks() ?? []) track.stop();
    this.#microphone = null;
    this.#pendingOffer = null;
    this.audioOut(null);
  }

  #send(message: Record<string, unknown>): void {
    if (this.#socket?.readyState === OPEN) this.#socket.send(JSON.stringify(message));
  }

  #update(change: Partial<SoftphoneSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...change };
    for (const listener of this.#listeners) listener(this.#snapshot);
  }
}

/** Waits for ICE gathering to finish (host candidates only: quick), so the SDP carries every candidate. */
function gatheringDone(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, GATHERING_LIMIT_MS);
    pc.addEventListener("icegatheringstatechange", () => {
      if (pc.iceGatheringState !== "complete") return;
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The realtime WebSocket of this origin, adapted to SignalSocket. */
export function browserSignalSocket(): SignalSocket {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const ws = new WebSocket(`${scheme}://${window.location.host}/api/v1/realtime`);
  const adapter: SignalSocket = {
    get readyState() {
      return ws.readyState;
    },
    send: (data) => ws.send(data),
    close: () => ws.close(),
    onopen: null,
    onclose: null,
    onmessage: null,
  };
  ws.onopen = () => adapter.onopen?.();
  ws.onclose = () => adapter.onclose?.();
  ws.onmessage = (message) => adapter.onmessage?.({ data: message.data });
  return adapter;
}
