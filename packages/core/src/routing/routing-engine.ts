import { conflict, UserError } from "../errors/sentra-error.js";
import { MISSED_REASON, type Presence } from "./agent-state.js";
import { emptyLoad } from "./capacity.js";
import { Center, type InteractionRec, scopedKey } from "./center-state.js";
import type { AgentStateRequest, RoutingCommand, RoutingCommandType } from "./commands.js";
import { checkProfile, checkSkills, normaliseQueue } from "./config-validation.js";
import { effectiveRequirements } from "./eligibility.js";
import { EngineKernel, type EngineOptions } from "./engine-kernel.js";
import type { RoutingEvent } from "./events.js";
import { IndexedRouter } from "./indexed-router.js";
import { illegalTransition } from "./interaction-lifecycle.js";
import { compareWaiting, rankOf } from "./queue-order.js";
import { ReferenceRouter } from "./reference-router.js";
import { type EngineSnapshot, loadSnapshot, takeSnapshot } from "./snapshot.js";
import { DEFAULTS, type InteractionId, type QueueId, type TenantId } from "./types.js";
import {
  type AgentView,
  agentView,
  type InteractionView,
  interactionView,
  type PendingOffer,
} from "./views.js";

export interface RoutingEngineOptions extends EngineOptions {
  /** `reference` scans everything on every question: for tests and benchmarks only. */
  readonly router?: "indexed" | "reference";
}

/** A command's fields without its `type`, for the named methods. */
export type CommandInput<T extends RoutingCommandType> = Omit<Extract<RoutingCommand, { type: T }>, "type">;

/**
 * The automatic call distributor. Feed it commands (each stamped with its time); it returns what it decided as
 * events: offers with their explanation, timeouts, overflows, state changes. Time only moves through the
 * commands and `tick`, so it is deterministic: the same commands give the same events. After every call no
 * (agent, interaction) pair that could be matched is left unmatched, and no timer due by then is left pending.
 */
export class RoutingEngine {
  readonly #kernel: EngineKernel;
  readonly #seen = new Set<string>();

  constructor(options: RoutingEngineOptions = {}, center = new Center()) {
    const router = options.router === "reference" ? new ReferenceRouter(center) : new IndexedRouter(center);
    this.#kernel = new EngineKernel(center, router, options);
  }

  static restore(snapshot: EngineSnapshot, options: RoutingEngineOptions = {}): RoutingEngine {
    const center = new Center();
    loadSnapshot(center, snapshot);
    const engine = new RoutingEngine(options, center);
    engine.#kernel.now = snapshot.now;
    engine.#kernel.out = [...snapshot.undelivered];
    for (const id of snapshot.seenEventIds) engine.#seen.add(id);
    engine.#kernel.router.rebuild();
    return engine;
  }

  get now(): number {
    return this.#kernel.now;
  }

  /**
   * Applies one command. Throws a `UserError` for an illegal request (nothing changes then, but timers that
   * fired before it are kept and returned by the next call). A command whose `eventId` was seen is a no-op.
   */
  apply(command: RoutingCommand): RoutingEvent[] {
    if (command.eventId !== undefined && this.#seen.has(command.eventId)) return [];
    const k = this.#kernel;
    k.advance(command.at);
    this.#handle(command);
    k.settle();
    k.advance(k.now);
    if (command.eventId !== undefined) this.#seen.add(command.eventId);
    const out = k.out;
    k.out = [];
    return out;
  }

  replay(commands: Iterable<RoutingCommand>): RoutingEvent[] {
    const out: RoutingEvent[] = [];
    for (const command of commands) for (const event of this.apply(command)) out.push(event);
    return out;
  }

  upsertQueue(input: CommandInput<"queue_upserted">): RoutingEvent[] {
    return this.apply({ type: "queue_upserted", ...input });
  }
  configureTenant(input: CommandInput<"tenant_configured">): RoutingEvent[] {
    return this.apply({ type: "tenant_configured", ...input });
  }
  agentLogin(input: CommandInput<"agent_logged_in">): RoutingEvent[] {
    return this.apply({ type: "agent_logged_in", ...input });
  }
  setAgentState(input: CommandInput<"agent_state_set">): RoutingEvent[] {
    return this.apply({ type: "agent_state_set", ...input });
  }
  enqueue(input: CommandInput<"interaction_enqueued">): RoutingEvent[] {
    return this.apply({ type: "interaction_enqueued", ...input });
  }
  accept(input: CommandInput<"offer_accepted">): RoutingEvent[] {
    return this.apply({ type: "offer_accepted", ...input });
  }
  reject(input: CommandInput<"offer_rejected">): RoutingEvent[] {
    return this.apply({ type: "offer_rejected", ...input });
  }
  complete(input: CommandInput<"interaction_completed">): RoutingEvent[] {
    return this.apply({ type: "interaction_completed", ...input });
  }
  closeWrapUp(input: CommandInput<"wrap_up_closed">): RoutingEvent[] {
    return this.apply({ type: "wrap_up_closed", ...input });
  }
  abandon(input: CommandInput<"interaction_abandoned">): RoutingEvent[] {
    return this.apply({ type: "interaction_abandoned", ...input });
  }
  fail(input: CommandInput<"interaction_failed">): RoutingEvent[] {
    return this.apply({ type: "interaction_failed", ...input });
  }
  transfer(input: CommandInput<"interaction_transferred">): RoutingEvent[] {
    return this.apply({ type: "interaction_transferred", ...input });
  }
  /** Fires the timers due by `now`. Tenant-less: timers of every tenant fire. */
  tick(now: number): RoutingEvent[] {
    return this.apply({ type: "clock_ticked", at: now, tenantId: "" });
  }

  /** When `tick` must next be called; an adapter keeps one real timer for it. */
  nextDeadline(): number | undefined {
    return this.#kernel.router.nextDeadline();
  }

  agent(tenantId: TenantId, agentId: string): AgentView {
    return agentView(this.#kernel.center.agent(tenantId, agentId));
  }

  interaction(tenantId: TenantId, interactionId: InteractionId): InteractionView | undefined {
    const rec = this.#kernel.center.interactions.get(scopedKey(tenantId, interactionId));
    return rec === undefined ? undefined : interactionView(rec);
  }

  /** Queued interactions of a queue in line order (offered ones are out of line until they return). */
  waitingOrder(tenantId: TenantId, queueId: QueueId): InteractionId[] {
    const queued = [...this.#kernel.center.interactions.values()].filter(
      (i) => i.tenantId === tenantId && i.queueId === queueId && i.state === "queued",
    );
    return queued.sort(compareWaiting).map((i) => i.interactionId);
  }

  /** Every live interaction, for an adapter that mirrors the engine (order: arrival). */
  liveInteractions(): InteractionView[] {
    return [...this.#kernel.center.interactions.values()].sort((a, b) => a.seq - b.seq).map(interactionView);
  }

  /**
   * A health check: an eligible (agent, interaction) pair the engine left unmatched, found by the reference
   * scan. Always undefined unless there is a bug; property tests and diagnostics call it.
   */
  findUnmatchedPair(): { interactionId: InteractionId; agentId: string } | undefined {
    const match = new ReferenceRouter(this.#kernel.center).nextMatch(this.#kernel.now);
    return match && { interactionId: match.interaction.interactionId, agentId: match.agent.agentId };
  }

  pendingOffers(): PendingOffer[] {
    const offers: PendingOffer[] = [];
    for (const i of this.#kernel.center.interactions.values()) {
      if (i.state !== "offered") continue;
      offers.push({
        tenantId: i.tenantId,
        interactionId: i.interactionId,
        queueId: i.queueId,
        agentId: i.agentId!,
        expiresAt: i.expiresAt!,
        explanation: i.explanation!,
      });
    }
    return offers;
  }

  snapshot(): EngineSnapshot {
    return takeSnapshot(this.#kernel.center, this.#kernel.now, this.#seen, this.#kernel.out);
  }

  #handle(command: RoutingCommand): void {
    const k = this.#kernel;
    const center = k.center;
    switch (command.type) {
      case "clock_ticked":
        return;
      case "queue_upserted": {
        const config = normaliseQueue(command.tenantId, command.queue);
        const key = scopedKey(config.tenantId, config.queueId);
        const existing = center.queues.get(key);
        if (existing === undefined) {
          const queue = { key, config, queued: 0, rrLast: undefined };
          center.queues.set(key, queue);
          k.router.queueChanged(queue);
          return;
        }
        existing.config = config;
        k.router.queueChanged(existing);
        for (const i of center.interactions.values()) {
          if (i.tenantId !== config.tenantId || i.queueId !== config.queueId) continue;
          i.step = Math.min(i.step, config.relaxation?.length ?? 0);
          i.rank = rankOf(config.priority ?? 0, i.priority, i.enqueuedAt, k.agingMs);
          i.requirements = effectiveRequirements(config, i.skills, i.language, i.step);
          k.router.interactionChanged(i);
        }
        return;
      }
      case "tenant_configured":
        center.notReadyReasons.set(command.tenantId, new Set(command.notReadyReasons));
        return;
      case "agent_logged_in": {
        checkProfile(command.tenantId, command.profile);
        const presence = this.#presence(command.tenantId, command.state ?? "available");
        const key = scopedKey(command.tenantId, command.profile.agentId);
        let agent = center.agents.get(key);
        if (agent === undefined) {
          agent = {
            key,
            tenantId: command.tenantId,
            agentId: command.profile.agentId,
            profile: command.profile,
            presence: { kind: "offline" },
            load: emptyLoad(),
            connected: 0,
            offer: undefined,
            idleSince: k.now,
            status: { kind: "offline" },
          };
          center.agents.set(key, agent);
        }
        const profile = command.profile;
        k.changeAgent(agent, (a) => (a.profile = profile), true);
        this.#setPresence(agent.tenantId, agent.agentId, presence);
        return;
      }
      case "agent_state_set":
        this.#setPresence(command.tenantId, command.agentId, this.#presence(command.tenantId, command.state));
        return;
      default:
        this.#handleInteraction(command);
    }
  }

  #handleInteraction(command: RoutingCommand): void {
    const k = this.#kernel;
    const center = k.center;
    switch (command.type) {
      case "interaction_enqueued": {
        const spec = command.interaction;
        const queue = center.queue(command.tenantId, spec.queueId);
        const key = scopedKey(command.tenantId, spec.interactionId);
        if (center.interactions.has(key))
          throw conflict("interaction_exists", `Interaction ${spec.interactionId} exists.`);
        if (!queue.config.channels.includes(spec.channel)) {
          throw new UserError(
            "invalid",
            "channel_not_accepted",
            `Queue ${spec.queueId} does not take ${spec.channel}.`,
          );
        }
        checkSkills(spec.skills ?? [], "interaction");
        const window = spec.affinityTimeoutMs ?? queue.config.affinityTimeoutMs ?? DEFAULTS.affinityTimeoutMs;
        const rec: InteractionRec = {
          key,
          tenantId: command.tenantId,
          interactionId: spec.interactionId,
          channel: spec.channel,
          direction: spec.direction ?? "inbound",
          customerId: spec.customerId,
          language: spec.language,
          skills: spec.skills ?? [],
          priority: spec.priority ?? 0,
          seq: ++center.seq,
          arrivedAt: k.now,
          state: "created",
          queueId: spec.queueId,
          queue,
          enqueuedAt: k.now,
          rank: 0,
          step: 0,
          requirements: effectiveRequirements(queue.config, [], undefined, 0),
          affinity: undefined,
          blocks: [],
          agentId: undefined,
          offeredAt: undefined,
          expiresAt: undefined,
          explanation: undefined,
          connectedAt: undefined,
          wrapUpEndsAt: undefined,
          overflowHops: 0,
        };
        center.interactions.set(key, rec);
        k.emitCreated(rec);
        if (spec.preferredAgentId !== undefined && window > 0) {
          rec.affinity = { agentId: spec.preferredAgentId, until: k.now + window };
        }
        k.enterQueue(rec, queue, "enqueued");
        return;
      }
      case "offer_accepted": {
        const i = this.#offeredTo(command.tenantId, command.interactionId, command.agentId);
        const agent = center.agent(command.tenantId, command.agentId);
        k.setState(i, "connected", "accepted");
        i.connectedAt = k.now;
        i.expiresAt = undefined;
        k.changeAgent(agent, (a) => {
          a.offer = undefined;
          a.connected++;
        });
        k.router.interactionChanged(i);
        return;
      }
      case "offer_rejected": {
        const i = this.#offeredTo(command.tenantId, command.interactionId, command.agentId);
        const cooldown = center.queueOf(i).config.rejectCooldownMs ?? DEFAULTS.rejectCooldownMs;
        if (cooldown > 0) i.blocks.push({ agentId: command.agentId, until: k.now + cooldown });
        k.withdrawOffer(i, "rejected");
        return;
      }
      case "interaction_completed": {
        const i = center.interaction(command.tenantId, command.interactionId);
        const limit = center.queueOf(i).config.wrapUpLimitMs ?? DEFAULTS.wrapUpLimitMs;
        k.setState(i, "wrap_up", "completed");
        i.wrapUpEndsAt = k.now + limit;
        k.changeAgent(center.agent(i.tenantId, i.agentId!), (a) => a.connected--);
        if (limit === 0) k.closeWrapUp(i, undefined, undefined, true);
        else k.router.interactionChanged(i);
        return;
      }
      case "wrap_up_closed": {
        const i = center.interaction(command.tenantId, command.interactionId);
        // Only wrap-up closes this way, even where `closed` is reachable otherwise (a queue turning a contact away).
        if (i.state !== "wrap_up") throw illegalTransition(i.interactionId, i.state, "closed");
        k.closeWrapUp(i, command.disposition, command.notes, false);
        return;
      }
      case "interaction_abandoned":
      case "interaction_failed": {
        const i = center.interaction(command.tenantId, command.interactionId);
        const to = command.type === "interaction_abandoned" ? "abandoned" : "failed";
        const from = i.state;
        if (from === "offered") {
          k.withdrawOffer(i, to === "abandoned" ? "abandoned" : "failed", to);
          return;
        }
        k.setState(i, to, to);
        if (from === "connected") k.releaseAgent(i, true);
        return;
      }
      case "interaction_transferred": {
        const i = center.interaction(command.tenantId, command.interactionId);
        const to = command.to;
        const queue = center.queue(command.tenantId, to.queueId ?? i.queueId);
        if (!queue.config.channels.includes(i.channel)) {
          throw new UserError(
            "invalid",
            "channel_not_accepted",
            `Queue ${queue.config.queueId} does not take ${i.channel}.`,
          );
        }
        if ("agentId" in to) center.agent(command.tenantId, to.agentId);
        const from = i.state;
        k.setState(i, "transferred", "transfer");
        if (from === "connected") k.releaseAgent(i, true);
        i.blocks = [];
        i.affinity =
          "agentId" in to
            ? {
                agentId: to.agentId,
                until: k.now + (queue.config.affinityTimeoutMs || DEFAULTS.transferAffinityMs),
              }
            : undefined;
        k.enterQueue(i, queue, "transfer", !("agentId" in to));
        return;
      }
      default:
        return;
    }
  }

  #offeredTo(tenantId: TenantId, interactionId: InteractionId, agentId: string): InteractionRec {
    const i = this.#kernel.center.interaction(tenantId, interactionId);
    if (i.state !== "offered" || i.agentId !== agentId) {
      throw conflict(
        "no_pending_offer",
        `Interaction ${interactionId} is not being offered to agent ${agentId}.`,
      );
    }
    return i;
  }

  #presence(tenantId: TenantId, request: AgentStateRequest): Presence {
    if (request === "available") return { kind: "ready" };
    if (request === "offline") return { kind: "offline" };
    const allowed = this.#kernel.center.notReadyReasons.get(tenantId);
    if (allowed !== undefined && request.notReady !== MISSED_REASON && !allowed.has(request.notReady)) {
      throw new UserError(
        "invalid",
        "unknown_not_ready_reason",
        `Not-ready reason ${request.notReady} is not defined.`,
      );
    }
    return { kind: "not_ready", reason: request.notReady };
  }

  #setPresence(tenantId: TenantId, agentId: string, presence: Presence): void {
    const k = this.#kernel;
    const agent = k.center.agent(tenantId, agentId);
    // Wrap-up may run on after logout (its timer closes it); a live conversation may not be abandoned.
    if (presence.kind === "offline" && agent.connected > 0) {
      throw conflict("agent_has_work", `Agent ${agentId} still has connected interactions.`);
    }
    if (presence.kind !== "ready" && agent.offer !== undefined) {
      k.withdrawOffer(agent.offer, "agent_unavailable", "queued", presence);
    } else {
      k.setPresence(agent, presence);
    }
  }
}
