/**
 * The agent's side of a call: ringing the agent's endpoint once the routing engine has given them the call,
 * and joining it to the caller's RTP session. Today the endpoint is the browser softphone (WebRTC, PCMU);
 * a desk phone registered over SIP is another implementation of the same seam.
 */
import type { Logger } from "pino";
import { decodeG711, encodeG711 } from "../media/g711.js";
import type { MediaSource } from "../media/media-frames.js";
import type { RtpSession } from "../media/rtp-session.js";
import type { AudioEndpoint, EndpointCloseReason } from "../webrtc/audio-endpoint.js";
import type { SoftphoneHub } from "../webrtc/softphone-hub.js";

export interface AgentCallDelivery {
  /** Rings the agent; resolves with their answered audio, or null when they have no phone or do not answer. */
  ring(call: { tenantId: string; agentId: string; callId: string }): Promise<AudioEndpoint | null>;
}

/** Rings the agent's browser softphone (the first of their open desktop connections). */
export function softphoneDelivery(
  hub: SoftphoneHub,
  ringTimeoutMs: number,
  logger: Logger,
): AgentCallDelivery {
  return {
    async ring({ tenantId, agentId, callId }) {
      const [owner] = hub.ownersOf(tenantId, agentId);
      if (!owner) return null;
      try {
        return await hub.offerCall(owner, callId, ringTimeoutMs);
      } catch (error) {
        logger.info({ err: error, agentId, callId }, "agent's softphone did not take the call");
        return null;
      }
    },
  };
}

/** Frames waiting to go to the caller; more than this is a backlog worth dropping (latency over completeness). */
const MAX_QUEUED_FRAMES = 10;

export interface AgentBridge {
  unbridge(): void;
}

/**
 * Joins the caller's RTP session and the agent's endpoint: each hears the other. The endpoint speaks PCMU;
 * a PCMU caller's frames pass through untouched, a PCMA caller's are transcoded through 16-bit PCM.
 */
export function bridgeCallerToAgent(caller: RtpSession, agent: AudioEndpoint): AgentBridge {
  const toCaller: Buffer[] = [];
  const removeSink = caller.addSink({
    onFrame(frame) {
      if (frame.kind !== "audio") return;
      const pcmu =
        frame.codec === "PCMU" && frame.payload ? frame.payload : encodeG711("PCMU", frame.samples);
      agent.sendAudioFrame(Buffer.from(pcmu));
    },
  });
  const stopListening = agent.onAudioFrame((pcmu) => {
    toCaller.push(pcmu);
    if (toCaller.length > MAX_QUEUED_FRAMES) toCaller.splice(0, toCaller.length - MAX_QUEUED_FRAMES);
  });
  const source: MediaSource = {
    nextFrame(codec) {
      const pcmu = toCaller.shift();
      if (!pcmu) return null;
      if (codec === "PCMU") return { kind: "g711", codec, payload: pcmu };
      return { kind: "pcm", samples: decodeG711("PCMU", pcmu) };
    },
  };
  caller.setSource(source);
  return {
    unbridge() {
      removeSink();
      stopListening();
      if (caller.source === source) caller.setSource(null);
    },
  };
}

/**
 * A call leg on an RTP session (an agent's desk phone), seen as an AudioEndpoint so the caller's bridge does not
 * care which kind of phone answered. PCMU both ways, like the browser softphone.
 */
export class RtpLegEndpoint implements AudioEndpoint {
  readonly #closeListeners = new Set<(reason: EndpointCloseReason) => void>();
  readonly #outgoing: Buffer[] = [];
  #closed = false;

  constructor(
    readonly session: RtpSession,
    private readonly sendBye: () => Promise<void>,
  ) {
    session.setSource({
      nextFrame: (codec) => {
        const pcmu = this.#outgoing.shift();
        if (!pcmu) return null;
        return codec === "PCMU"
          ? { kind: "g711", codec, payload: pcmu }
          : { kind: "pcm", samples: decodeG711("PCMU", pcmu) };
      },
    });
  }

  get stats(): { rtpIn: number; rtpOut: number } {
    const s = this.session.stats();
    return { rtpIn: s.packetsReceived, rtpOut: s.packetsSent };
  }

  onAudioFrame(listener: (pcmu: Buffer) => void): () => void {
    return this.session.addSink({
      onFrame(frame) {
        if (frame.kind !== "audio") return;
        listener(
          Buffer.from(
            frame.codec === "PCMU" && frame.payload ? frame.payload : encodeG711("PCMU", frame.samples),
          ),
        );
      },
    });
  }

  sendAudioFrame(pcmu: Buffer): void {
    this.#outgoing.push(pcmu);
    if (this.#outgoing.length > MAX_QUEUED_FRAMES)
      this.#outgoing.splice(0, this.#outgoing.length - MAX_QUEUED_FRAMES);
  }

  onClose(listener: (reason: EndpointCloseReason) => void): () => void {
    this.#closeListeners.add(listener);
    return () => this.#closeListeners.delete(listener);
  }

  /** Our side ends the leg: BYE to the phone. */
  async close(reason: EndpointCloseReason = "hangup"): Promise<void> {
    if (this.#closed) return;
    await this.#end(reason, true);
  }

  /** The phone hung up (its BYE was answered). */
  async remoteHungUp(): Promise<void> {
    if (this.#closed) return;
    await this.#end("hangup", false);
  }

  async #end(reason: EndpointCloseReason, bye: boolean): Promise<void> {
    this.#closed = true;
    await this.session.close();
    if (bye) await this.sendBye().catch(() => undefined);
    for (const listener of this.#closeListeners) listener(reason);
  }
}

/** Delivers calls to the agent's registered desk phone when there is one, else to their browser softphone. */
export function firstAvailable(...deliveries: AgentCallDelivery[]): AgentCallDelivery {
  return {
    async ring(call) {
      for (const delivery of deliveries) {
        const endpoint = await delivery.ring(call);
        if (endpoint) return endpoint;
      }
      return null;
    },
  };
}
