/**
 * One RTP stream on a UDP port pair (or one port with rtcp-mux), driven by the shared media scheduler.
 * Each tick it plays one frame from its jitter buffer into its sinks and sends one packet from its source
 * (or an RFC 4733 DTMF event packet while a digit is being sent). Incoming telephone events become key
 * presses through the core DTMF receiver. RTCP sender/receiver reports go out every few seconds and a BYE at
 * close. Bad datagrams are counted and dropped; nothing from the network can throw.
 */
import type { Socket } from "node:dgram";
import {
  type DtmfPress,
  DtmfReceiver,
  isDtmfDigit,
  JitterBuffer,
  type JitterBufferOptions,
  type LatencyHistogram,
  looksLikeRtcp,
  OperationalError,
  type PlannedDtmfPacket,
  parseRtcpPackets,
  parseRtpPacket,
  planDtmfPackets,
  RtpReceptionStats,
  UserError,
} from "@sentra/core";
import {
  codecForPayloadType,
  decodeG711,
  encodeG711,
  FRAME_SAMPLES,
  G711_PAYLOAD_TYPES,
  type G711Codec,
  silentG711Frame,
} from "./g711.js";
import { type InboundFrame, type MediaSink, type MediaSource, silentInboundFrame } from "./media-frames.js";
import {
  type MediaScheduler,
  type MediaSubscription,
  type MediaTick,
  monotonicMs,
} from "./media-scheduler.js";
import type { RtpPortAllocator } from "./port-allocator.js";
import { RtcpReporter } from "./rtcp-reporter.js";
import { RtpSender } from "./rtp-sender.js";
import { bindUdpSocket, closeUdpSocket, concatBytes } from "./udp-socket.js";

export interface RtpEndpoint {
  readonly address: string;
  readonly port: number;
  /** Default port + 1; ignored with rtcp-mux. */
  readonly rtcpPort?: number;
}

export interface RtpSessionOptions {
  readonly scheduler: MediaScheduler;
  readonly ports: RtpPortAllocator;
  readonly codec: G711Codec;
  /** Local address to bind; default 127.0.0.1. */
  readonly bindAddress?: string;
  /** RFC 4733 payload type, or null to neither send nor accept telephone events. Default 101. */
  readonly telephoneEventPayloadType?: number | null;
  readonly rtcpMux?: boolean;
  readonly remote?: RtpEndpoint;
  /** Send to wherever media comes from while no remote is set (symmetric RTP). Default true. */
  readonly latchRemote?: boolean;
  readonly jitter?: JitterBufferOptions;
  /** Send RTCP reports this often; default 5000 ms. */
  readonly rtcpIntervalMs?: number;
  /** Lateness of received packets is also recorded here (benchmarks aggregate many sessions). */
  readonly latenessHistogram?: Pick<LatencyHistogram, "record">;
}

export interface RtpSessionStats {
  readonly packetsSent: number;
  readonly octetsSent: number;
  readonly packetsReceived: number;
  readonly packetsExpected: number;
  readonly packetsLost: number;
  readonly malformedPackets: number;
  readonly latePackets: number;
  readonly duplicatePackets: number;
  readonly jitterMs: number;
  readonly lateP99Ms: number;
  readonly rtcpReceived: number;
  readonly dtmfReceived: number;
  /** How often the far end switched to a new SSRC (re-INVITE to another media source, transfer). */
  readonly sourceChanges: number;
}

type JitterItem = { readonly payload: Uint8Array; readonly codec: G711Codec } | null;

const BIND_ATTEMPTS = 20;

export class RtpSession {
  readonly localAddress: string;
  readonly localPort: number;
  readonly localRtcpPort: number;
  readonly codec: G711Codec;
  readonly #options: RtpSessionOptions;
  readonly #rtp: Socket;
  readonly #rtcp: Socket | null;
  readonly #sender: RtpSender;
  readonly #reporter: RtcpReporter;
  #jitter: JitterBuffer<JitterItem>;
  #reception: RtpReceptionStats;
  /** Counts from earlier sources (SSRCs) of this session, before the far end switched. */
  readonly #earlier = { received: 0, expected: 0, lost: 0, late: 0, duplicates: 0, sourceChanges: 0 };
  readonly #dtmf = new DtmfReceiver();
  readonly #sinks = new Set<MediaSink>();
  readonly #dtmfListeners = new Set<(press: DtmfPress) => void>();
  readonly #dtmfQueue: (PlannedDtmfPacket | "gap")[] = [];
  readonly #subscription: MediaSubscription;
  #remote: RtpEndpoint | null;
  #remoteSsrc: number | null = null;
  #source: MediaSource | null = null;
  #dtmfTimestamp: number | null = null;
  #carry: Uint8Array = new Uint8Array(0);
  #lastTickIndex: number | null = null;
  #carryCodec: G711Codec;
  #malformed = 0;
  #dtmfReceived = 0;
  #closed = false;

  private constructor(options: RtpSessionOptions, rtp: Socket, rtcp: Socket | null, port: number) {
    this.#options = options;
    this.codec = options.codec;
    this.#carryCodec = options.codec;
    this.localAddress = options.bindAddress ?? "127.0.0.1";
    this.localPort = port;
    this.localRtcpPort = rtcp ? port + 1 : port;
    this.#rtp = rtp;
    this.#rtcp = rtcp;
    this.#remote = options.remote ?? null;
    this.#jitter = new JitterBuffer(options.jitter);
    this.#reception = new RtpReceptionStats(8000);
    this.#sender = new RtpSender(G711_PAYLOAD_TYPES[options.codec]);
    this.#reporter = new RtcpReporter(this.#sender, () => this.#reception, options.rtcpIntervalMs ?? 5000);
    rtp.on("message", (bytes, from) => this.#onRtp(bytes, from.address, from.port));
    rtp.on("error", () => this.#malformed++);
    rtcp?.on("message", (bytes) => this.#onRtcp(bytes));
    rtcp?.on("error", () => this.#malformed++);
    this.#subscription = options.scheduler.add({ onTick: (tick) => this.#onTick(tick) });
  }

  /** Binds a port pair from the allocator; fails with `rtp_ports_exhausted` when none can be bound. */
  static async open(options: RtpSessionOptions): Promise<RtpSession> {
    const address = options.bindAddress ?? "127.0.0.1";
    for (let attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
      const port = options.ports.reserve();
      if (port === null) break;
      const rtp = await bindUdpSocket(address, port);
      const rtcp = rtp && !options.rtcpMux ? await bindUdpSocket(address, port + 1) : null;
      if (rtp && (options.rtcpMux || rtcp)) return new RtpSession(options, rtp, rtcp, port);
      rtp?.close();
      options.ports.release(port);
    }
    throw new OperationalError(
      "rtp_ports_exhausted",
      "No free RTP port could be bound in the configured range.",
    );
  }

  get remote(): RtpEndpoint | null {
    return this.#remote;
  }

  setRemote(endpoint: RtpEndpoint): void {
    this.#remote = endpoint;
  }

  /** What to send from the next tick on; null sends silence. */
  setSource(source: MediaSource | null): void {
    this.#source = source;
  }

  get source(): MediaSource | null {
    return this.#source;
  }

  addSink(sink: MediaSink): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }

  onDtmf(listener: (press: DtmfPress) => void): () => void {
    this.#dtmfListeners.add(listener);
    return () => this.#dtmfListeners.delete(listener);
  }

  /** Queues digits to send as RFC 4733 events (audio pauses while an event is sent). */
  sendDtmf(digits: string, options: { durationMs?: number; gapMs?: number } = {}): void {
    if (this.#options.telephoneEventPayloadType === null) {
      throw new UserError("invalid", "dtmf_not_negotiated", "This call did not negotiate telephone events.");
    }
    const bad = [...digits].find((d) => !isDtmfDigit(d));
    if (bad !== undefined)
      throw new UserError("invalid", "dtmf_invalid_digit", `"${bad}" is not a DTMF digit.`);
    const gapTicks = Math.max(1, Math.round((options.gapMs ?? 60) / 20));
    for (const digit of digits) {
      if (!isDtmfDigit(digit)) continue;
      this.#dtmfQueue.push(...planDtmfPackets(digit, { durationMs: options.durationMs ?? 100 }));
      for (let i = 0; i < gapTicks; i++) this.#dtmfQueue.push("gap");
    }
  }

  get sendingDtmf(): boolean {
    return this.#dtmfQueue.length > 0;
  }

  stats(): RtpSessionStats {
    const jitter = this.#jitter.stats;
    return {
      packetsSent: this.#sender.packets,
      octetsSent: this.#sender.octets,
      packetsReceived: this.#earlier.received + this.#reception.received,
      packetsExpected: this.#earlier.expected + this.#reception.expected,
      packetsLost: this.#earlier.lost + Math.max(0, this.#reception.lost),
      malformedPackets: this.#malformed,
      latePackets: this.#earlier.late + jitter.late,
      duplicatePackets: this.#earlier.duplicates + jitter.duplicates,
      sourceChanges: this.#earlier.sourceChanges,
      jitterMs: this.#reception.jitterMs,
      lateP99Ms: this.#reception.lateness.percentile(99),
      rtcpReceived: this.#reporter.received,
      dtmfReceived: this.#dtmfReceived,
    };
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Stops the stream: RTCP BYE, sockets closed, port released, off the scheduler. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#subscription.remove();
    for (const press of this.#dtmf.flush()) this.#emitDtmf(press);
    const remote = this.#remote;
    if (remote) this.#sendRtcp(this.#reporter.bye(monotonicMs()), remote);
    this.#sinks.clear();
    this.#dtmfListeners.clear();
    await Promise.all([
      closeUdpSocket(this.#rtp),
      this.#rtcp ? closeUdpSocket(this.#rtcp) : Promise.resolve(),
    ]);
    this.#options.ports.release(this.localPort);
  }

  #onTick(tick: MediaTick): void {
    // Ticks the scheduler skipped after a stall still move the media clock, so the far end sees a gap
    // in time (not ever-growing latency); no packets are invented for them.
    const skipped = this.#lastTickIndex === null ? 0 : tick.index - this.#lastTickIndex - 1;
    this.#lastTickIndex = tick.index;
    if (skipped > 0) this.#sender.advance(skipped * FRAME_SAMPLES);
    this.#playOneFrame();
    for (const press of this.#dtmf.poll(tick.nowMs)) this.#emitDtmf(press);
    const remote = this.#remote;
    this.#sendOneFrame(remote);
    if (remote && this.#reporter.due(tick.nowMs))
      this.#sendRtcp(this.#reporter.report(this.#remoteSsrc, tick.nowMs), remote);
  }

  /**
   * One 20 ms frame for the sinks. Packets of other lengths (ptime 10, 30, 60 ms) are cut or joined into
   * 160-sample frames through a small carry buffer; the jitter buffer is popped as often as that needs.
   */
  #playOneFrame(): void {
    let kind: "lost" | "silence" = "silence";
    for (let pops = 0; this.#carry.length < FRAME_SAMPLES && pops < 8; pops++) {
      const popped = this.#jitter.pop();
      if (popped.kind === "frame") {
        const item = popped.item ?? { payload: silentG711Frame(this.#carryCodec), codec: this.#carryCodec };
        if (item.codec !== this.#carryCodec && this.#carry.length > 0) this.#carry = new Uint8Array(0);
        this.#carryCodec = item.codec;
        this.#carry = this.#carry.length === 0 ? item.payload : concatBytes(this.#carry, item.payload);
        continue;
      }
      if (popped.kind === "lost") kind = "lost";
      break;
    }
    let frame: InboundFrame;
    if (this.#carry.length >= FRAME_SAMPLES) {
      const payload = this.#carry.subarray(0, FRAME_SAMPLES);
      this.#carry = this.#carry.subarray(FRAME_SAMPLES);
      if (this.#sinks.size === 0) return;
      const codec = this.#carryCodec;
      frame = { kind: "audio", samples: decodeG711(codec, payload), payload, codec };
    } else {
      frame = silentInboundFrame(this.codec, kind);
    }
    for (const sink of this.#sinks) sink.onFrame(frame);
  }

  #sendOneFrame(remote: RtpEndpoint | null): void {
    const event = this.#dtmfQueue.shift();
    const telephoneEvent = this.#options.telephoneEventPayloadType ?? 101;
    let packet: Uint8Array;
    if (event !== undefined && event !== "gap") {
      if (event.marker || this.#dtmfTimestamp === null) this.#dtmfTimestamp = this.#sender.timestamp;
      packet = this.#sender.event(telephoneEvent, event, this.#dtmfTimestamp);
    } else {
      this.#dtmfTimestamp = null;
      packet = this.#sender.audio(this.#audioPayload());
    }
    if (remote) this.#rtp.send(packet, remote.port, remote.address);
    this.#sender.advance(FRAME_SAMPLES);
  }

  #audioPayload(): Uint8Array {
    const frame = this.#source?.nextFrame(this.codec) ?? null;
    if (frame === null) return this.#sender.silence(this.codec);
    if (frame.kind === "g711" && frame.codec === this.codec) return frame.payload;
    const samples = frame.kind === "pcm" ? frame.samples : decodeG711(frame.codec, frame.payload);
    return encodeG711(this.codec, samples);
  }

  #onRtp(bytes: Buffer, address: string, port: number): void {
    if (this.#closed) return;
    if (this.#options.rtcpMux && looksLikeRtcp(bytes)) {
      this.#onRtcp(bytes);
      return;
    }
    const parsed = parseRtpPacket(bytes);
    if (!parsed.ok) {
      this.#malformed++;
      return;
    }
    const packet = parsed.value;
    if (this.#remote === null && this.#options.latchRemote !== false) this.#remote = { address, port };
    if (this.#remoteSsrc !== null && packet.ssrc !== this.#remoteSsrc) this.#startNewSource();
    this.#remoteSsrc = packet.ssrc;
    const now = monotonicMs();
    const telephoneEvent = this.#options.telephoneEventPayloadType ?? 101;
    if (this.#options.telephoneEventPayloadType !== null && packet.payloadType === telephoneEvent) {
      this.#reception.record(packet.sequenceNumber, packet.timestamp, now);
      this.#jitter.push(packet.sequenceNumber, null);
      for (const press of this.#dtmf.receive(packet.timestamp, packet.payload, now)) this.#emitDtmf(press);
      return;
    }
    const codec = codecForPayloadType(packet.payloadType);
    if (codec === null || packet.payload.length === 0) {
      this.#malformed++;
      return;
    }
    this.#reception.record(packet.sequenceNumber, packet.timestamp, now);
    this.#options.latenessHistogram?.record(this.#reception.lastLatenessMs);
    this.#jitter.push(packet.sequenceNumber, { payload: packet.payload, codec });
  }

  /** A new SSRC is a new sequence space: start a fresh jitter buffer and statistics, keep the totals. */
  #startNewSource(): void {
    const jitter = this.#jitter.stats;
    this.#earlier.received += this.#reception.received;
    this.#earlier.expected += this.#reception.expected;
    this.#earlier.lost += Math.max(0, this.#reception.lost);
    this.#earlier.late += jitter.late;
    this.#earlier.duplicates += jitter.duplicates;
    this.#earlier.sourceChanges++;
    this.#jitter = new JitterBuffer(this.#options.jitter);
    this.#reception = new RtpReceptionStats(8000);
  }

  #onRtcp(bytes: Buffer): void {
    if (this.#closed) return;
    const parsed = parseRtcpPackets(bytes);
    if (!parsed.ok) {
      this.#malformed++;
      return;
    }
    this.#reporter.receive(parsed.value, monotonicMs());
  }

  #sendRtcp(bytes: Uint8Array, remote: RtpEndpoint): void {
    const socket = this.#rtcp ?? this.#rtp;
    const port = this.#options.rtcpMux ? remote.port : (remote.rtcpPort ?? remote.port + 1);
    socket.send(bytes, port, remote.address);
  }

  #emitDtmf(press: DtmfPress): void {
    this.#dtmfReceived++;
    for (const listener of this.#dtmfListeners) listener(press);
  }
}
