import { randomUUID } from "node:crypto";
import type { AgentStateBody, NewInteractionBody, QueueSettings } from "@sentra/core";
import {
  type AgentStateRequest,
  type AgentView,
  forbidden,
  type InteractionView,
  notFound,
  type RoutingEvent,
  roleAllows,
  UserError,
} from "@sentra/core";
import type { Kysely } from "kysely";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { type RoutingConfigService, toQueueConfig } from "./routing-config-service.js";
import type { RoutingRuntime } from "./routing-runtime.js";

export type OfferMade = Extract<RoutingEvent, { type: "offer_made" }>;
type TransitionEvent = Extract<RoutingEvent, { type: "interaction_transitioned" }>;

const recordOf = (event: TransitionEvent): InteractionRecord => ({
  tenantId: event.tenantId,
  interactionId: event.interactionId,
  channel: event.channel,
  state: event.to,
  queueId: event.queueId,
  enqueuedAt: event.enqueuedAt,
  relaxationStep: 0,
  agentId: event.agentId,
  preferredAgentId: undefined,
  customerId: undefined,
  live: false,
});

export interface InteractionRecord extends InteractionView {
  readonly live: boolean;
}

const toRequest = (body: AgentStateBody): AgentStateRequest =>
  body.state === "not_ready" ? { notReady: body.reason } : body.state;

/**
 * What people and integrations do with live work: agents change state and answer offers, integrations create
 * interactions, supervisors force states and move work. Every call names the tenant through the actor; the
 * engine's own checks (offer belongs to this agent, transition is legal) do the rest.
 */
export class RoutingWorkService {
  readonly #configuredTenants = new Set<string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly runtime: RoutingRuntime,
    private readonly config: RoutingConfigService,
    private readonly audit: AuditLog,
  ) {}

  /** Pushes stored configuration into the engine; run at start and whenever configuration changes. */
  async reconcile(): Promise<void> {
    for (const tenantId of await this.config.tenantIds()) {
      await this.#configureTenant(tenantId, true);
      for (const queue of await this.config.listQueues(tenantId))
        await this.applyQueue(tenantId, queue.id, queue.settings);
    }
  }

  async applyQueue(tenantId: string, queueId: string, settings: QueueSettings): Promise<void> {
    await this.runtime.execute({
      type: "queue_upserted",
      tenantId,
      queue: toQueueConfig(tenantId, queueId, settings),
    });
  }

  async #configureTenant(tenantId: string, force = false): Promise<void> {
    if (!force && this.#configuredTenants.has(tenantId)) return;
    const settings = await this.config.settings(tenantId);
    await this.runtime.execute({
      type: "tenant_configured",
      tenantId,
      notReadyReasons: settings.notReadyReasons,
    });
    this.#configuredTenants.add(tenantId);
  }

  async settingsChanged(tenantId: string): Promise<void> {
    await this.#configureTenant(tenantId, true);
  }

  /** Agents change their own state; supervisors may force anyone's. */
  async setAgentState(
    actor: Actor,
    agentId: string,
    body: AgentStateBody,
    origin: Origin,
  ): Promise<AgentView> {
    this.runtime.assertActive();
    const forcing = agentId !== actor.id;
    if (forcing && !roleAllows(actor.role, "routing:supervise")) {
      throw forbidden("Only supervisors may change another agent's state.");
    }
    await this.#configureTenant(actor.tenantId);
    const request = toRequest(body);
    const known = this.#agentOrUndefined(actor.tenantId, agentId);
    if ((known === undefined || known.status.kind === "offline") && request !== "offline") {
      const profile = await this.config.agentProfile(actor.tenantId, agentId);
      await this.runtime.execute({
        type: "agent_logged_in",
        tenantId: actor.tenantId,
        profile,
        state: request,
      });
    } else if (known !== undefined) {
      await this.runtime.execute({
        type: "agent_state_set",
        tenantId: actor.tenantId,
        agentId,
        state: request,
      });
    } else {
      await this.config.agentProfile(actor.tenantId, agentId);
    }
    if (forcing) {
      await this.audit.record({
        tenantId: actor.tenantId,
        actor,
        action: "agent.state_forced",
        target: { type: "user", id: agentId },
        details: { state: body },
        origin,
      });
    }
    return this.agent(actor, agentId);
  }

  /** A profile change reaches a logged-in agent at once, keeping what they chose (ready or not ready). */
  async profileChanged(tenantId: string, agentId: string): Promise<void> {
    const known = this.#agentOrUndefined(tenantId, agentId);
    if (known === undefined || known.status.kind === "offline") return;
    const state: AgentStateRequest =
      known.status.kind === "not_ready" ? { notReady: known.status.reason } : "available";
    const profile = await this.config.agentProfile(tenantId, agentId);
    await this.runtime.execute({ type: "agent_logged_in", tenantId, profile, state });
  }

  agent(actor: Actor, agentId: string): AgentView {
    const view = this.#agentOrUndefined(actor.tenantId, agentId);
    if (view) return view;
    return {
      tenantId: actor.tenantId,
      agentId,
      status: { kind: "offline" },
      label: "offline",
      load: {},
      offeredInteractionId: undefined,
      idleSince: 0,
    } as AgentView;
  }

  #agentOrUndefined(tenantId: string, agentId: string): AgentView | undefined {
    try {
      return this.runtime.engine.agent(tenantId, agentId);
    } catch {
      return undefined;
    }
  }

  async createInteraction(
    actor: Actor,
    body: NewInteractionBody,
  ): Promise<{ interaction: InteractionRecord; events: RoutingEvent[] }> {
    this.runtime.assertActive();
    await this.config.getQueue(actor, body.queueId);
    if (body.preferredAgentId) await this.config.agentProfile(actor.tenantId, body.preferredAgentId);
    await this.#configureTenant(actor.tenantId);
    const interactionId = randomUUID();
    const events = await this.runtime.execute({
      type: "interaction_enqueued",
      tenantId: actor.tenantId,
      interaction: {
        interactionId,
        channel: body.channel,
        direction: body.direction,
        queueId: body.queueId,
        ...(body.customerId ? { customerId: body.customerId } : {}),
        ...(body.language ? { language: body.language } : {}),
        ...(body.skills ? { skills: body.skills } : {}),
        ...(body.priority !== undefined ? { priority: body.priority } : {}),
        ...(body.preferredAgentId ? { preferredAgentId: body.preferredAgentId } : {}),
      },
    });
    return { interaction: await this.interaction(actor, interactionId), events };
  }

  /** A live interaction from the engine, or the last state the event log recorded for a finished one. */
  async interaction(actor: Actor, interactionId: string): Promise<InteractionRecord> {
    const live = this.runtime.engine.interaction(actor.tenantId, interactionId);
    if (live) return { ...live, live: true };
    const last = await this.db
      .selectFrom("routing_events")
      .select("event")
      .where("tenant_id", "=", actor.tenantId)
      .where("interaction_id", "=", interactionId)
      .where("type", "=", "interaction_transitioned")
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!last) throw notFound("interaction", interactionId);
    return recordOf(last.event as TransitionEvent);
  }

  /** The interaction after a command: live from the engine, else from the transition the command just made. */
  async #after(
    actor: Actor,
    interactionId: string,
    events: readonly RoutingEvent[],
  ): Promise<InteractionRecord> {
    const live = this.runtime.engine.interaction(actor.tenantId, interactionId);
    if (live) return { ...live, live: true };
    const last = events.findLast(
      (e): e is TransitionEvent => e.type === "interaction_transitioned" && e.interactionId === interactionId,
    );
    return last ? recordOf(last) : this.interaction(actor, interactionId);
  }

  /** The agent named in an agent action is the caller, unless a supervisor acts for them. */
  #actingAgent(actor: Actor, interaction: InteractionRecord): string {
    if (interaction.agentId === actor.id) return actor.id;
    if (roleAllows(actor.role, "routing:supervise") && interaction.agentId) return interaction.agentId;
    throw forbidden("This interaction is not offered to or handled by you.");
  }

  async accept(actor: Actor, interactionId: string): Promise<InteractionRecord> {
    this.runtime.assertActive();
    const interaction = await this.interaction(actor, interactionId);
    const agentId = this.#actingAgent(actor, interaction);
    const events = await this.runtime.execute({
      type: "offer_accepted",
      tenantId: actor.tenantId,
      interactionId,
      agentId,
    });
    return this.#after(actor, interactionId, events);
  }

  async reject(actor: Actor, interactionId: string): Promise<InteractionRecord> {
    this.runtime.assertActive();
    const interaction = await this.interaction(actor, interactionId);
    const agentId = this.#actingAgent(actor, interaction);
    const events = await this.runtime.execute({
      type: "offer_rejected",
      tenantId: actor.tenantId,
      interactionId,
      agentId,
    });
    return this.#after(actor, interactionId, events);
  }

  async complete(actor: Actor, interactionId: string): Promise<InteractionRecord> {
    this.runtime.assertActive();
    const interaction = await this.interaction(actor, interactionId);
    if (actor.kind === "user" && actor.role === "agent") this.#actingAgent(actor, interaction);
    const events = await this.runtime.execute({
      type: "interaction_completed",
      tenantId: actor.tenantId,
      interactionId,
    });
    return this.#after(actor, interactionId, events);
  }

  async closeWrapUp(
    actor: Actor,
    interactionId: string,
    disposition: string | undefined,
    notes: string | undefined,
  ): Promise<InteractionRecord> {
    this.runtime.assertActive();
    const interaction = await this.interaction(actor, interactionId);
    this.#actingAgent(actor, interaction);
    if (disposition) {
      const { dispositions } = await this.config.settings(actor.tenantId);
      if (!dispositions.includes(disposition)) {
        throw new UserError(
          "invalid",
          "unknown_disposition",
          `Disposition "${disposition}" is not defined; use one of ${dispositions.join(", ")}.`,
        );
      }
    }
    const events = await this.runtime.execute({
      type: "wrap_up_closed",
      tenantId: actor.tenantId,
      interactionId,
      ...(disposition ? { disposition } : {}),
      ...(notes ? { notes } : {}),
    });
    return this.#after(actor, interactionId, events);
  }

  async abandon(actor: Actor, interactionId: string): Promise<InteractionRecord> {
    this.runtime.assertActive();
    await this.interaction(actor, interactionId);
    const events = await this.runtime.execute({
      type: "interaction_abandoned",
      tenantId: actor.tenantId,
      interactionId,
    });
    return this.#after(actor, interactionId, events);
  }

  async transfer(
    actor: Actor,
    interactionId: string,
    to: { queueId?: string | undefined; agentId?: string | undefined },
    origin: Origin,
  ): Promise<InteractionRecord> {
    this.runtime.assertActive();
    const interaction = await this.interaction(actor, interactionId);
    if (!roleAllows(actor.role, "routing:supervise")) this.#actingAgent(actor, interaction);
    if (to.queueId) await this.config.getQueue(actor, to.queueId);
    if (to.agentId) await this.config.agentProfile(actor.tenantId, to.agentId);
    const target = to.agentId
      ? { agentId: to.agentId, ...(to.queueId ? { queueId: to.queueId } : {}) }
      : { queueId: to.queueId! };
    const events = await this.runtime.execute({
      type: "interaction_transferred",
      tenantId: actor.tenantId,
      interactionId,
      to: target,
    });
    await this.audit.record({
      tenantId: actor.tenantId,
      actor,
      action: "interaction.transferred",
      target: { type: "interaction", id: interactionId },
      details: { to },
      origin,
    });
    return this.#after(actor, interactionId, events);
  }

  async explanation(actor: Actor, interactionId: string): Promise<OfferMade[]> {
    await this.interaction(actor, interactionId);
    const rows = await this.db
      .selectFrom("routing_events")
      .select("event")
      .where("tenant_id", "=", actor.tenantId)
      .where("interaction_id", "=", interactionId)
      .where("type", "=", "offer_made")
      .orderBy("seq")
      .execute();
    return rows.map((r) => r.event as OfferMade);
  }

  /** Every person of the tenant who can take work, with their live state (offline when never logged in). */
  async liveAgents(actor: Actor): Promise<(AgentView & { displayName: string })[]> {
    const people = await this.db
      .selectFrom("users")
      .select(["id", "display_name"])
      .where("tenant_id", "=", actor.tenantId)
      .where("role", "in", ["agent", "supervisor"])
      .where("disabled", "=", false)
      .orderBy("display_name")
      .execute();
    return people.map((p) => ({ ...this.agent(actor, p.id), displayName: p.display_name }));
  }

  waiting(actor: Actor, queueId: string): string[] {
    return this.runtime.engine.waitingOrder(actor.tenantId, queueId);
  }
}
