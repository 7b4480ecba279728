/**
 * One answered inbound call: runs the tenant's IVR flow on the caller's media, then waits in the routing
 * engine's queue with music on hold and position announcements. Every IVR decision is made by the pure
 * interpreter (`startIvr`/`stepIvr`); this class only carries its commands out and feeds it what happened.
 */
import {
  type Clock,
  expectedWaitSeconds,
  holdAnnouncement,
  type IvrCommand,
  type IvrEvent,
  type IvrFlow,
  type IvrStep,
  newInteractionBody,
  startIvr,
  stepIvr,
} from "@sentra/core";
import type { Logger } from "pino";
import type { RoutingWorkService } from "../../routing/routing-work-service.js";
import { systemActorFor } from "../../tenancy/system-actor.js";
import type { IvrLookupExecutor } from "../ivr/ivr-lookup-executor.js";
import type { AudioEndpoint } from "../webrtc/audio-endpoint.js";
import { type AgentBridge, type AgentCallDelivery, bridgeCallerToAgent } from "./agent-leg.js";
import type { CallMedia } from "./call-media.js";
import type { VoiceCallStore } from "./voice-call-store.js";

export interface InboundCallDeps {
  readonly media: CallMedia;
  readonly store: VoiceCallStore;
  readonly routing: Pick<RoutingWorkService, "createInteraction" | "abandon" | "interaction">;
  /** Place in line (1 = next) and the queue's recent answers per second. */
  readonly queuePosition: (
    tenantId: string,
    queueId: string,
    interactionId: string,
  ) => { position: number; answersPerSecond: number };
  readonly lookups: Pick<IvrLookupExecutor, "execute">;
  readonly customerByPhone: (tenantId: string, phone: string) => Promise<string | null>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How often a queued caller hears their position between stretches of music. */
  readonly announceEveryMs: number;
  /** Ends the SIP side (BYE) when the call ends from our side. */
  readonly hangUp: () => Promise<void>;
  /** Rings the agent the routing engine gave the call to. */
  readonly delivery: AgentCallDelivery;
}

export interface InboundCallInfo {
  readonly tenantId: string;
  /** The voice_calls row. */
  readonly callId: string;
  readonly flow: IvrFlow;
  readonly callerNumber: string | undefined;
  readonly dialedNumber: string;
}

export type CallPhase = "ivr" | "queued" | "connected" | "ended";

export class InboundCall {
  #phase: CallPhase = "ivr";
  #step!: IvrStep;
  #digitTimer: NodeJS.Timeout | null = null;
  #announceTimer: NodeJS.Timeout | null = null;
  #bargeIn: { playId: number } | null = null;
  #interactionId: string | null = null;
  #queueId: string | null = null;
  #agent: { endpoint: AudioEndpoint; bridge: AgentBridge } | null = null;
  #ringing: string | null = null;
  #callerGone = false;
  readonly #ended: Promise<void>;
  #resolveEnded!: () => void;

  constructor(
    private readonly deps: InboundCallDeps,
    readonly info: InboundCallInfo,
  ) {
    this.#ended = new Promise((resolve) => {
      this.#resolveEnded = resolve;
    });
  }

  get phase(): CallPhase {
    return this.#phase;
  }

  /** RTP counters of the caller's leg (tests, diagnostics). */
  mediaStats(): ReturnType<CallMedia["session"]["stats"]> {
    return this.deps.media.session.stats();
  }

  get interactionId(): string | null {
    return this.#interactionId;
  }

  /** Settles once the call is over and everything it held is released. */
  get ended(): Promise<void> {
    return this.#ended;
  }

  start(): void {
    this.#step = startIvr(
      this.info.flow,
      {
        dialedNumber: this.info.dialedNumber,
        ...(this.info.callerNumber ? { callerNumber: this.info.callerNumber } : {}),
      },
      this.deps.clock,
    );
    this.#carryOut(this.#step.commands);
  }

  /** A key the caller pressed (RFC 4733 or SIP INFO). */
  dtmf(digit: string): void {
    if (this.#phase !== "ivr" || !/^[0-9*#]$/.test(digit)) return;
    const barged = this.#bargeIn;
    this.#feed({ type: "dtmf", digit: digit as Extract<IvrEvent, { type: "dtmf" }>["digit"] });
    if (barged && this.#bargeIn === barged) {
      this.#bargeIn = null;
      this.deps.media.stop();
      this.#feed({ type: "promptFinished", playId: barged.playId });
    }
  }

  /**
   * The routing engine gave the call to an agent who accepted it: ring their phone and, once answered, join
   * the two. Until then the caller keeps hearing music. If the phone does not answer, the call stays with the
   * agent, who sees it in the desktop and can transfer it.
   */
  async connectAgent(agentId: string): Promise<void> {
    // The same transition is published once per topic (agent, queue, wallboard): ring once.
    if (this.#phase !== "queued" || this.#ringing === agentId) return;
    this.#ringing = agentId;
    const endpoint = await this.deps.delivery.ring({
      tenantId: this.info.tenantId,
      agentId,
      callId: this.info.callId,
    });
    this.#ringing = null;
    if (!endpoint) {
      this.deps.logger.warn({ agentId, callId: this.info.callId }, "agent's phone did not answer the call");
      return;
    }
    if (this.#phase !== "queued") {
      await endpoint.close("hangup");
      return;
    }
    this.#phase = "connected";
    if (this.#announceTimer) clearTimeout(this.#announceTimer);
    this.#announceTimer = null;
    this.deps.media.stop();
    this.#agent = { endpoint, bridge: bridgeCallerToAgent(this.deps.media.session, endpoint) };
    endpoint.onClose(() => void this.hangUp("agent_hung_up", "agent"));
    await this.deps.store
      .connected(this.info.tenantId, this.info.callId)
      .catch((error: unknown) => this.deps.logger.error({ err: error }, "call connect not recorded"));
  }

  /** RTP counters of the agent's leg, while connected. */
  agentStats(): { rtpIn: number; rtpOut: number } | null {
    return this.#agent ? { ...this.#agent.endpoint.stats } : null;
  }

  /** The caller hung up (BYE) or the dialog died (no ACK). */
  async callerHungUp(reason = "caller_hung_up"): Promise<void> {
    // BYE and the dialog's end both report the same hangup.
    if (this.#phase === "ended" || this.#callerGone) return;
    this.#callerGone = true;
    if (this.#phase === "ivr") this.#feed({ type: "callerHungUp" });
    const interactionId = this.#interactionId;
    const actor = systemActorFor(this.info.tenantId, "voice channel");
    const waiting =
      interactionId !== null &&
      this.#phase === "queued" &&
      (await this.deps.routing
        .interaction(actor, interactionId)
        .then((i) => i.state === "queued" || i.state === "offered")
        .catch(() => false));
    // A caller who leaves while waiting abandons; once an agent has the call, the agent wraps it up.
    if (interactionId !== null && waiting) {
      await this.deps.routing
        .abandon(actor, interactionId)
        .catch((error: unknown) =>
          this.deps.logger.warn({ err: error, interactionId: this.#interactionId }, "abandon failed"),
        );
    }
    await this.#finish(reason, "caller");
  }

  /** Ends the call from our side (shutdown, flow hangup): BYE to the caller. */
  async hangUp(reason: string, by: "agent" | "system" = "system"): Promise<void> {
    if (this.#phase === "ended") return;
    // Finish first: our BYE ends the dialog, and that must not read as the caller hanging up.
    const finished = this.#finish(reason, by);
    await this.deps.hangUp().catch(() => undefined);
    await finished;
  }

  #feed(event: IvrEvent): void {
    if (this.#phase !== "ivr") return;
    this.#step = stepIvr(this.#step.state, event, this.deps.clock);
    this.#carryOut(this.#step.commands);
  }

  #carryOut(commands: readonly IvrCommand[]): void {
    for (const command of commands) {
      if (this.#phase !== "ivr") return;
      switch (command.type) {
        case "play": {
          this.#bargeIn = command.bargeIn ? { playId: command.playId } : null;
          const playId = command.playId;
          void this.deps.media.play(command.items, command.language, () => {
            if (this.#bargeIn?.playId === playId) this.#bargeIn = null;
            this.#feed({ type: "promptFinished", playId });
          });
          break;
        }
        case "startDigitTimer":
          this.#clearDigitTimer();
          this.#digitTimer = setTimeout(() => {
            this.#digitTimer = null;
            this.#feed({ type: "timeout" });
          }, command.ms);
          break;
        case "cancelTimer":
          this.#clearDigitTimer();
          break;
        case "httpLookup":
          void this.deps.lookups.execute(command.request).then((event) => this.#feed(event));
          break;
        case "transferToQueue":
          void this.#enqueue(command).catch((error: unknown) => {
            this.deps.logger.error({ err: error, callId: this.info.callId }, "call could not be queued");
            void this.hangUp("queue_failed");
          });
          return;
        case "createCallback":
          void this.#createCallback(command);
          break;
        case "startVoicemail":
          // Voicemail boxes are not built yet: the caller is told goodbye rather than recorded into nowhere.
          this.deps.logger.warn({ callId: this.info.callId }, "voicemail requested; not available yet");
          void this.hangUp("voicemail_unavailable");
          return;
        case "hangup":
          void this.hangUp(`ivr_${command.cause}`);
          return;
      }
    }
  }

  async #enqueue(command: Extract<IvrCommand, { type: "transferToQueue" }>): Promise<void> {
    this.#phase = "queued";
    this.#clearDigitTimer();
    const { tenantId } = this.info;
    const customerId = this.info.callerNumber
      ? await this.deps.customerByPhone(tenantId, this.info.callerNumber)
      : null;
    const { interaction } = await this.deps.routing.createInteraction(
      systemActorFor(tenantId, "voice channel"),
      newInteractionBody.parse({
        channel: "voice",
        queueId: command.queueId,
        direction: "inbound",
        language: command.language,
        ...(customerId ? { customerId } : {}),
        ...(command.skills.length > 0 ? { skills: command.skills } : {}),
        ...(command.priority !== 0 ? { priority: command.priority } : {}),
        subject: `Call from ${this.info.callerNumber ?? "an anonymous caller"}`,
      }),
    );
    this.#interactionId = interaction.interactionId;
    this.#queueId = command.queueId;
    await this.deps.store.queued(tenantId, this.info.callId, {
      interactionId: interaction.interactionId,
      customerId,
      language: command.language,
      variables: command.variables,
    });
    if (this.#phase !== "queued") return;
    await this.deps.media.hold();
    this.#scheduleAnnouncement(command.language);
  }

  #scheduleAnnouncement(language: "id" | "en"): void {
    this.#announceTimer = setTimeout(() => {
      this.#announceTimer = null;
      if (this.#phase !== "queued" || !this.#interactionId || !this.#queueId) return;
      const { position, answersPerSecond } = this.deps.queuePosition(
        this.info.tenantId,
        this.#queueId,
        this.#interactionId,
      );
      const items = holdAnnouncement({
        position,
        expectedWaitSeconds: expectedWaitSeconds(position, answersPerSecond),
      });
      void this.deps.media.play(items, language, () => {
        if (this.#phase === "queued") void this.deps.media.hold();
      });
      this.#scheduleAnnouncement(language);
    }, this.deps.announceEveryMs);
  }

  async #createCallback(command: Extract<IvrCommand, { type: "createCallback" }>): Promise<void> {
    try {
      await this.deps.routing.createInteraction(
        systemActorFor(this.info.tenantId, "voice channel"),
        newInteractionBody.parse({
          channel: "callback",
          queueId: command.queueId,
          direction: "outbound",
          language: command.language,
          subject: `Callback to ${command.number}`,
        }),
      );
    } catch (error) {
      this.deps.logger.error({ err: error, callId: this.info.callId }, "callback could not be created");
    }
  }

  #clearDigitTimer(): void {
    if (this.#digitTimer) clearTimeout(this.#digitTimer);
    this.#digitTimer = null;
  }

  async #finish(reason: string, by: "caller" | "agent" | "system"): Promise<void> {
    if (this.#phase === "ended") return;
    this.#phase = "ended";
    this.#clearDigitTimer();
    if (this.#announceTimer) clearTimeout(this.#announceTimer);
    this.#announceTimer = null;
    const agent = this.#agent;
    this.#agent = null;
    agent?.bridge.unbridge();
    await agent?.endpoint.close("hangup");
    this.deps.media.stop();
    await this.deps.media.session.close();
    await this.deps.store
      .ended(this.info.tenantId, this.info.callId, reason, by, this.#step?.state.variables)
      .catch((error: unknown) => this.deps.logger.error({ err: error }, "call end not recorded"));
    this.#resolveEnded();
  }
}
