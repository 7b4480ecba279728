import { roleAllows } from "@sentra/core";
import type { Logger } from "pino";
import { Gauge, type Registry } from "prom-client";
import type { Actor } from "../../tenancy/actor.js";
import type {
  SoftphoneClientMessage,
  SoftphoneErrorCode,
  SoftphoneServerMessage,
} from "./softphone-protocol.js";
import { WebRtcEndpoint, type WebRtcEndpointOptions, WebRtcError } from "./webrtc-endpoint.js";

/** One agent's realtime connection, as the hub sees it. */
export interface SoftphoneOwner {
  readonly actor: Pick<Actor, "id" | "tenantId" | "role">;
  send(message: SoftphoneServerMessage): void;
}

interface Session {
  readonly callId: string;
  readonly endpoint: WebRtcEndpoint;
  /** Set while a server-made offer waits for the browser's answer. */
  awaitingAnswer?: { resolve: () => void; reject: (error: Error) => void };
}

export interface SoftphoneHubOptions {
  readonly endpoint: WebRtcEndpointOptions;
  readonly logger: Logger;
  /** Registers `sentra_softphone_endpoints` (open WebRTC endpoints) when given. */
  readonly registry?: Registry;
}

/**
 * The server half of the browser softphone: at most one WebRTC call per agent connection, created from the
 * signalling on the realtime WebSocket and closed on hangup, failure or when the socket goes. Calls are scoped
 * to the connection's tenant and agent; nothing here is reachable from another connection.
 */
export class SoftphoneHub {
  readonly #sessions = new Map<SoftphoneOwner, Session>();
  /** Connections that are open (attached and not yet released). */
  readonly #owners = new Set<SoftphoneOwner>();
  /** Connections that announced themselves as a softphone (`webrtc.ready`). */
  readonly #phones = new Set<SoftphoneOwner>();
  /** Connections whose call is being set up: holds the slot while werift negotiates, so a second offer is busy. */
  readonly #negotiating = new Map<SoftphoneOwner, string>();

  constructor(private readonly options: SoftphoneHubOptions) {
    if (options.registry) {
      const sessions = this.#sessions;
      new Gauge({
        name: "sentra_softphone_endpoints",
        help: "Open browser softphone (WebRTC) endpoints",
        registers: [options.registry],
        collect() {
          this.set(sessions.size);
        },
      });
    }
  }

  get endpointCount(): number {
    return this.#sessions.size;
  }

  async handle(owner: SoftphoneOwner, message: SoftphoneClientMessage): Promise<void> {
    const { callId } = message;
    if (!roleAllows(owner.actor.role, "routing:work")) {
      this.#fail(owner, callId, "softphone_forbidden", "Only agents who take work may use the softphone.");
      return;
    }
    if (message.type === "webrtc.ready") {
      this.#phones.add(owner);
      return;
    }
    const session = this.#sessions.get(owner);
    if (message.type === "webrtc.offer") {
      const active = session?.callId ?? this.#negotiating.get(owner);
      if (active !== undefined) {
        this.#fail(owner, callId, "softphone_busy", `Call ${active} is still active; hang it up first.`);
        return;
      }
      await this.#answer(owner, callId, message.sdp);
      return;
    }
    if (!session || session.callId !== callId) {
      this.#fail(
        owner,
        callId,
        "unknown_call",
        `There is no active softphone call "${callId}" on this connection.`,
      );
      return;
    }
    switch (message.type) {
      case "webrtc.answer":
        await this.#acceptAnswer(owner, session, message.sdp);
        return;
      case "webrtc.candidate":
        await session.endpoint.addRemoteCandidate(message.candidate, message.sdpMid, message.sdpMLineIndex);
        return;
      case "webrtc.stats":
        owner.send({ type: "webrtc.stats", callId, stats: session.endpoint.stats });
        return;
      case "webrtc.hangup":
        await session.endpoint.close("hangup");
        return;
    }
  }

  /**
   * Offers a call to the browser on `owner`'s connection (a call the B2BUA delivers to the agent). Resolves with
   * the endpoint once the browser has answered; media connects shortly after (`connected`).
   */
  async offerCall(owner: SoftphoneOwner, callId: string, ringTimeoutMs = 30_000): Promise<WebRtcEndpoint> {
    if (this.#sessions.has(owner) || this.#negotiating.has(owner) || !this.#owners.has(owner))
      throw new WebRtcError("negotiation_failed", "The agent's softphone is busy or gone.");
    this.#negotiating.set(owner, callId);
    const { endpoint, sdp } = await WebRtcEndpoint.offer(this.options.endpoint).finally(() =>
      this.#negotiating.delete(owner),
    );
    if (!this.#owners.has(owner)) {
      await endpoint.close("hangup");
      throw new WebRtcError("closed", "The agent's connection closed while the call was being set up.");
    }
    const session: Session = { callId, endpoint };
    this.#track(owner, session);
    const answered = new Promise<void>((resolve, reject) => {
      session.awaitingAnswer = { resolve, reject };
    });
    const timer = setTimeout(() => void endpoint.close("connect_timeout"), ringTimeoutMs);
    owner.send({ type: "webrtc.offer", callId, sdp });
    try {
      await answered;
      return endpoint;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The owners (connections) of an agent; the B2BUA picks one to offer a call to. */
  ownersOf(tenantId: string, agentId: string): SoftphoneOwner[] {
    const mine = [...this.#owners].filter(
      (owner) => owner.actor.tenantId === tenantId && owner.actor.id === agentId,
    );
    // Connections that said they can ring (the desktop's softphone) come before the agent's other sockets.
    return [...mine.filter((o) => this.#phones.has(o)), ...mine.filter((o) => !this.#phones.has(o))];
  }

  /** Makes the connection known for `ownersOf`; the gateway calls it on connect. */
  attach(owner: SoftphoneOwner): void {
    this.#owners.add(owner);
  }

  /** The connection closed: its call, if any, ends. */
  async release(owner: SoftphoneOwner): Promise<void> {
    this.#owners.delete(owner);
    this.#phones.delete(owner);
    await this.#sessions.get(owner)?.endpoint.close("hangup");
  }

  async close(): Promise<void> {
    this.#owners.clear();
    this.#phones.clear();
    await Promise.all([...this.#sessions.values()].map((session) => session.endpoint.close("shutdown")));
  }

  async #answer(owner: SoftphoneOwner, callId: string, offer: string): Promise<void> {
    this.#negotiating.set(owner, callId);
    try {
      const { endpoint, sdp } = await WebRtcEndpoint.answer(offer, this.options.endpoint);
      if (!this.#owners.has(owner)) {
        await endpoint.close("hangup");
        return;
      }
      // Echo test: the agent hears their own microphone, proving both directions end to end.
      endpoint.onAudioFrame((pcmu) => endpoint.sendAudioFrame(pcmu));
      this.#track(owner, { callId, endpoint });
      owner.send({ type: "webrtc.answer", callId, sdp });
    } catch (error) {
      this.#failWith(owner, callId, error);
    } finally {
      this.#negotiating.delete(owner);
    }
  }

  async #acceptAnswer(owner: SoftphoneOwner, session: Session, answer: string): Promise<void> {
    const pending = session.awaitingAnswer;
    if (!pending) {
      this.#fail(owner, session.callId, "negotiation_failed", "This call is not waiting for an answer.");
      return;
    }
    try {
      await session.endpoint.acceptAnswer(answer);
      session.awaitingAnswer = undefined;
      pending.resolve();
    } catch (error) {
      this.#failWith(owner, session.callId, error);
    }
  }

  #track(owner: SoftphoneOwner, session: Session): void {
    this.#sessions.set(owner, session);
    const { endpoint, callId } = session;
    endpoint.onConnected(() => owner.send({ type: "webrtc.connected", callId }));
    endpoint.onClose((reason) => {
      if (this.#sessions.get(owner) === session) this.#sessions.delete(owner);
      session.awaitingAnswer?.reject(
        new WebRtcError("closed", `The call ended before it was answered (${reason}).`),
      );
      owner.send({ type: "webrtc.ended", callId, reason, stats: endpoint.stats });
      this.options.logger.debug({ callId, reason, stats: endpoint.stats }, "softphone call ended");
    });
  }

  #failWith(owner: SoftphoneOwner, callId: string, error: unknown): void {
    if (error instanceof WebRtcError) {
      const code = error.code === "closed" ? "negotiation_failed" : error.code;
      this.#fail(owner, callId, code, error.message);
      return;
    }
    this.options.logger.error({ err: error, callId }, "softphone negotiation failed");
    this.#fail(owner, callId, "negotiation_failed", "The call could not be set up.");
  }

  #fail(owner: SoftphoneOwner, callId: string, code: SoftphoneErrorCode, message: string): void {
    owner.send({ type: "error", error: { code, message, details: { callId } } });
  }
}
