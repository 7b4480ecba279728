import { type AgentStatus, agentStatus, MISSED_REASON, type Presence, sameStatus } from "./agent-state.js";
import { isOpen as isOpenAt } from "./business-hours.js";
import { type AgentRec, type Center, type InteractionRec, type QueueRec, scopedKey } from "./center-state.js";
import type { Deadline } from "./deadlines.js";
import { effectiveRequirements } from "./eligibility.js";
import type { RoutingEvent, TransitionReason } from "./events.js";
import { assertTransition, type InteractionState, TERMINAL_STATES } from "./interaction-lifecycle.js";
import type { Match } from "./policies.js";
import { effectivePriority, rankOf } from "./queue-order.js";
import type { Router } from "./router.js";
import { DEFAULTS, type OverflowAction } from "./types.js";

export interface EngineOptions {
  /** Waiting time worth one priority point; see `queue-order.ts`. */
  readonly priorityAgingMs?: number;
}

/**
 * The state changes every command and timer is made of. Each one keeps the center, the router and the
 * emitted events in step, so command handlers read as a sequence of domain steps.
 */
export class EngineKernel {
  readonly center: Center;
  readonly router: Router;
  readonly agingMs: number;
  now = 0;
  out: RoutingEvent[] = [];

  constructor(center: Center, router: Router, options: EngineOptions) {
    this.center = center;
    this.router = router;
    this.agingMs = options.priorityAgingMs ?? DEFAULTS.priorityAgingMs;
  }

  /** Fires every timer due up to `limit`, each at its own time and each followed by a settle. */
  advance(limit: number): void {
    for (;;) {
      const deadline = this.router.takeDue(limit);
      if (deadline === undefined) break;
      this.now = Math.max(this.now, deadline.at);
      this.#fire(deadline);
      this.settle();
    }
    this.now = Math.max(this.now, limit);
  }

  settle(): void {
    for (;;) {
      const match = this.router.nextMatch(this.now);
      if (match === undefined) return;
      this.offer(match);
    }
  }

  setState(i: InteractionRec, to: InteractionState, reason: TransitionReason): void {
    const from = i.state;
    assertTransition(i.interactionId, from, to);
    i.state = to;
    const queue = this.center.queueOf(i);
    if (from === "queued") queue.queued--;
    if (to === "queued") queue.queued++;
    this.out.push({
      type: "interaction_transitioned",
      at: this.now,
      tenantId: i.tenantId,
      interactionId: i.interactionId,
      queueId: i.queueId,
      channel: i.channel,
      from,
      to,
      reason,
      agentId: i.agentId,
      enqueuedAt: i.enqueuedAt,
    });
    if (TERMINAL_STATES.has(to)) {
      this.center.interactions.delete(i.key);
      this.router.interactionRemoved(i);
    }
  }

  /**
   * Call after changing the agent's fields, with its status from before: reports a changed derived status and
   * tells the router. (Not a callback taking the change: a closure per call was garbage on the hot path.)
   */
  agentChanged(agent: AgentRec, before: AgentStatus, profileChanged = false): void {
    agent.status = agentStatus({
      presence: agent.presence,
      hasOffer: agent.offer !== undefined,
      connected: agent.connected,
      load: agent.load,
    });
    if (!sameStatus(before, agent.status)) {
      this.out.push({
        type: "agent_state_changed",
        at: this.now,
        tenantId: agent.tenantId,
        agentId: agent.agentId,
        from: before,
        to: agent.status,
      });
    }
    this.router.agentChanged(agent, profileChanged);
  }

  setPresence(agent: AgentRec, presence: Presence): void {
    const before = agent.status;
    if (agent.presence.kind !== "ready" && presence.kind === "ready") agent.idleSince = this.now;
    agent.presence = presence;
    this.agentChanged(agent, before);
  }

  offer(match: Match): void {
    const { interaction: i, agent } = match;
    const queue = this.center.queueOf(i);
    i.agentId = agent.agentId;
    this.setState(i, "offered", "offered");
    i.offeredAt = this.now;
    i.expiresAt = this.now + (queue.config.offerTimeoutMs ?? DEFAULTS.offerTimeoutMs);
    i.explanation = {
      rule: match.rule,
      policy: match.policy,
      score: match.score,
      candidates: match.candidates,
      candidateCount: match.candidateCount,
      relaxationStep: i.step,
      requirements: i.requirements.skills,
      anySkill: i.requirements.anyAgent,
      waitedMs: this.now - i.enqueuedAt,
      effectivePriority: effectivePriority(i.rank, this.now, this.agingMs),
    };
    queue.rrLast = agent.agentId;
    const before = agent.status;
    agent.offer = i;
    agent.load[i.channel]++;
    agent.idleSince = this.now;
    this.agentChanged(agent, before);
    this.router.interactionChanged(i);
    this.out.push({
      type: "offer_made",
      at: this.now,
      tenantId: i.tenantId,
      interactionId: i.interactionId,
      queueId: i.queueId,
      agentId: agent.agentId,
      expiresAt: i.expiresAt,
      explanation: i.explanation,
    });
  }

  /** Takes a ringing offer back; the interaction returns to its old place in line unless `to` ends it. */
  withdrawOffer(
    i: InteractionRec,
    reason: "rejected" | "offer_timeout" | "abandoned" | "agent_unavailable" | "failed",
    to: InteractionState = "queued",
    presence?: Presence,
  ): AgentRec {
    const agent = this.center.agent(i.tenantId, i.agentId!);
    this.out.push({
      type: "offer_withdrawn",
      at: this.now,
      tenantId: i.tenantId,
      interactionId: i.interactionId,
      queueId: i.queueId,
      agentId: agent.agentId,
      reason,
    });
    this.setState(i, to, reason);
    i.agentId = undefined;
    i.offeredAt = undefined;
    i.expiresAt = undefined;
    i.explanation = undefined;
    // One status change, so wallboards see reserved → not_ready(missed), not a blink of available between.
    const before = agent.status;
    agent.offer = undefined;
    agent.load[i.channel]--;
    if (presence !== undefined) agent.presence = presence;
    this.agentChanged(agent, before);
    if (to === "queued") this.router.interactionChanged(i);
    return agent;
  }

  /** Frees the slot an interaction held on its agent (after connect or wrap-up ends). */
  releaseAgent(i: InteractionRec, wasConnected: boolean): void {
    const agent = this.center.agent(i.tenantId, i.agentId!);
    const before = agent.status;
    if (wasConnected) agent.connected--;
    agent.load[i.channel]--;
    agent.idleSince = this.now;
    this.agentChanged(agent, before);
  }

  /** Puts an interaction in line in `queue`, fresh: new entry time, no relaxation. Applies hours and size. */
  enterQueue(i: InteractionRec, queue: QueueRec, reason: TransitionReason, checkLimits = true): void {
    const config = queue.config;
    if (checkLimits) {
      const closed = config.calendar !== undefined && !isOpenAt(config.calendar, this.now);
      const full = config.maxSize !== undefined && queue.queued >= config.maxSize;
      if (closed || full) {
        const action = (closed ? config.closedAction : undefined) ?? config.overflow ?? CLOSE;
        this.overflow(i, queue, action, closed ? "queue_closed" : "queue_full");
        return;
      }
    }
    i.queueId = config.queueId;
    i.queue = queue;
    i.enqueuedAt = this.now;
    i.step = 0;
    i.rank = rankOf(config.priority ?? 0, i.priority, this.now, this.agingMs);
    i.requirements = effectiveRequirements(config, i.skills, i.language, 0);
    i.agentId = undefined;
    i.connectedAt = undefined;
    this.setState(i, "queued", reason);
    this.router.interactionChanged(i);
  }

  overflow(
    i: InteractionRec,
    from: QueueRec,
    action: OverflowAction,
    reason: "max_wait" | "queue_full" | "queue_closed",
  ): void {
    this.out.push({
      type: "overflowed",
      at: this.now,
      tenantId: i.tenantId,
      interactionId: i.interactionId,
      fromQueueId: from.config.queueId,
      reason,
      action,
    });
    i.overflowHops++;
    const targetId = action.type === "close" ? undefined : action.queueId;
    const target =
      targetId === undefined ? undefined : this.center.queues.get(scopedKey(i.tenantId, targetId));
    // A target queue that does not take the contact's channel counts as missing: the contact is closed.
    const fits = target?.config.channels.includes(i.channel) === true;
    if (
      action.type === "queue" &&
      target !== undefined &&
      fits &&
      i.overflowHops <= DEFAULTS.maxOverflowHops
    ) {
      if (i.state === "queued") this.setState(i, "transferred", "overflow");
      this.enterQueue(i, target, "overflow");
      return;
    }
    const ending: InteractionState = reason === "max_wait" ? "timed_out" : "closed";
    if (action.type === "callback" && i.overflowHops <= DEFAULTS.maxOverflowHops) {
      const queue = target ?? from;
      this.setState(i, ending, "callback_requested");
      this.createCallback(i, queue);
      return;
    }
    this.setState(i, ending, reason);
  }

  createCallback(original: InteractionRec, queue: QueueRec): void {
    const interactionId = `${original.interactionId}:callback`;
    const callback = this.newInteraction(original, interactionId, queue);
    if (callback === undefined) return;
    if (!queue.config.channels.includes("callback")) {
      this.setState(callback, "closed", "queue_closed");
      return;
    }
    // A callback is work owed, not a caller on hold: size limits and hours guard live waits, not this.
    this.enterQueue(callback, queue, "enqueued", false);
  }

  newInteraction(from: InteractionRec, interactionId: string, queue: QueueRec): InteractionRec | undefined {
    const key = scopedKey(from.tenantId, interactionId);
    if (this.center.interactions.has(key)) return undefined;
    const rec: InteractionRec = {
      ...from,
      key,
      interactionId,
      channel: "callback",
      direction: "outbound",
      seq: ++this.center.seq,
      arrivedAt: this.now,
      state: "created",
      queueId: queue.config.queueId,
      queue,
      blocks: [],
      affinity: undefined,
      agentId: undefined,
      routerSlot: undefined,
    };
    this.center.interactions.set(key, rec);
    this.emitCreated(rec);
    return rec;
  }

  emitCreated(i: InteractionRec): void {
    this.out.push({
      type: "interaction_created",
      at: this.now,
      tenantId: i.tenantId,
      interactionId: i.interactionId,
      queueId: i.queueId,
      channel: i.channel,
      direction: i.direction,
      customerId: i.customerId,
      priority: i.priority,
    });
  }

  closeWrapUp(
    i: InteractionRec,
    disposition: string | undefined,
    notes: string | undefined,
    automatic: boolean,
  ): void {
    const agentId = i.agentId!;
    this.setState(i, "closed", automatic ? "wrap_up_expired" : "wrap_up_closed");
    this.out.push({
      type: "wrap_up_closed",
      at: this.now,
      tenantId: i.tenantId,
      interactionId: i.interactionId,
      queueId: i.queueId,
      agentId,
      disposition,
      notes,
      automatic,
    });
    this.releaseAgent(i, false);
  }

  #fire(deadline: Deadline): void {
    const i = deadline.interaction ?? this.center.interactions.get(deadline.key)!;
    const queue = this.center.queueOf(i);
    switch (deadline.kind) {
      case "offer_timeout": {
        this.withdrawOffer(i, "offer_timeout", "queued", { kind: "not_ready", reason: MISSED_REASON });
        return;
      }
      case "wrap_up_limit":
        this.closeWrapUp(i, undefined, undefined, true);
        return;
      case "reject_cooldown":
        i.blocks = i.blocks.filter((b) => b.until > this.now);
        break;
      case "affinity_expiry":
        this.out.push({
          type: "affinity_expired",
          at: this.now,
          tenantId: i.tenantId,
          interactionId: i.interactionId,
          queueId: i.queueId,
          agentId: i.affinity!.agentId,
        });
        i.affinity = undefined;
        break;
      case "relaxation":
        i.step++;
        i.requirements = effectiveRequirements(queue.config, i.skills, i.language, i.step);
        this.out.push({
          type: "relaxed",
          at: this.now,
          tenantId: i.tenantId,
          interactionId: i.interactionId,
          queueId: i.queueId,
          step: i.step,
        });
        break;
      case "max_wait":
        this.overflow(i, queue, queue.config.overflow ?? CLOSE, "max_wait");
        return;
    }
    this.router.interactionChanged(i);
  }
}

const CLOSE: OverflowAction = { type: "close", message: "We cannot take your contact right now." };
