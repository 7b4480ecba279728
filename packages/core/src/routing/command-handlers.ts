import { conflict, UserError } from "../errors/sentra-error.js";
import { MISSED_REASON, type Presence } from "./agent-state.js";
import { emptyLoad } from "./capacity.js";
import { type InteractionRec, scopedKey } from "./center-state.js";
import type { AgentStateRequest, RoutingCommand } from "./commands.js";
import { checkProfile, checkSkills, normaliseQueue } from "./config-validation.js";
import { effectiveRequirements } from "./eligibility.js";
import type { EngineKernel } from "./engine-kernel.js";
import { illegalTransition } from "./interaction-lifecycle.js";
import { rankOf } from "./queue-order.js";
import { DEFAULTS, type InteractionId, type TenantId } from "./types.js";

/**
 * What each command does, step by step. Every handler validates before it changes anything, so a refused
 * command (a thrown `UserError`) leaves the center as it was.
 */
export function handleCommand(k: EngineKernel, command: RoutingCommand): void {
  const center = k.center;
  switch (command.type) {
    case "clock_ticked":
      return;
    case "queue_upserted": {
      const config = normaliseQueue(command.tenantId, command.queue);
      const key = scopedKey(config.tenantId, config.queueId);
      const existing = center.queues.get(key);
      if (existing === undefined) {
        const queue = { key, config, queued: 0, rrLast: undefined, routerSlot: undefined };
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
      const presence = presenceFor(k, command.tenantId, command.state ?? "available");
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
          routerSlot: undefined,
        };
        center.agents.set(key, agent);
      }
      const profile = command.profile;
      const before = agent.status;
      agent.profile = profile;
      k.agentChanged(agent, before, true);
      setPresence(k, agent.tenantId, agent.agentId, presence);
      return;
    }
    case "agent_state_set":
      setPresence(k, command.tenantId, command.agentId, presenceFor(k, command.tenantId, command.state));
      return;
    default:
      handleInteraction(k, command);
  }
}

function handleInteraction(k: EngineKernel, command: RoutingCommand): void {
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
        routerSlot: undefined,
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
      const i = offeredTo(k, command.tenantId, command.interactionId, command.agentId);
      const agent = center.agent(command.tenantId, command.agentId);
      k.setState(i, "connected", "accepted");
      i.connectedAt = k.now;
      i.expiresAt = undefined;
      const before = agent.status;
      agent.offer = undefined;
      agent.connected++;
      k.agentChanged(agent, before);
      k.router.interactionChanged(i);
      return;
    }
    case "offer_rejected": {
      const i = offeredTo(k, command.tenantId, command.interactionId, command.agentId);
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
      const agent = center.agent(i.tenantId, i.agentId!);
      const before = agent.status;
      agent.connected--;
      k.agentChanged(agent, before);
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

function offeredTo(
  k: EngineKernel,
  tenantId: TenantId,
  interactionId: InteractionId,
  agentId: string,
): InteractionRec {
  const i = k.center.interaction(tenantId, interactionId);
  if (i.state !== "offered" || i.agentId !== agentId) {
    throw conflict(
      "no_pending_offer",
      `Interaction ${interactionId} is not being offered to agent ${agentId}.`,
    );
  }
  return i;
}

function presenceFor(k: EngineKernel, tenantId: TenantId, request: AgentStateRequest): Presence {
  if (request === "available") return { kind: "ready" };
  if (request === "offline") return { kind: "offline" };
  const allowed = k.center.notReadyReasons.get(tenantId);
  if (allowed !== undefined && request.notReady !== MISSED_REASON && !allowed.has(request.notReady)) {
    throw new UserError(
      "invalid",
      "unknown_not_ready_reason",
      `Not-ready reason ${request.notReady} is not defined.`,
    );
  }
  return { kind: "not_ready", reason: request.notReady };
}

function setPresence(k: EngineKernel, tenantId: TenantId, agentId: string, presence: Presence): void {
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
