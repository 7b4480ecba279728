import { conflict } from "../errors/sentra-error.js";
import { Center, scopedKey } from "./center-state.js";
import { handleCommand } from "./command-handlers.js";
import type { RoutingCommand, RoutingCommandType } from "./commands.js";
import { EngineKernel, type EngineOptions } from "./engine-kernel.js";
import type { RoutingEvent } from "./events.js";
import { IndexedRouter } from "./indexed-router.js";
import { compareWaiting } from "./queue-order.js";
import { ReferenceRouter } from "./reference-router.js";
import { type EngineSnapshot, loadSnapshot, takeSnapshot } from "./snapshot.js";
import type { InteractionId, QueueId, TenantId } from "./types.js";
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
    handleCommand(k, command);
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
  /** `upsertQueue` that refuses an existing queue id. */
  addQueue(input: CommandInput<"queue_upserted">): RoutingEvent[] {
    if (this.#kernel.center.queues.has(scopedKey(input.tenantId, input.queue.queueId))) {
      throw conflict("queue_exists", `Queue ${input.queue.queueId} exists.`);
    }
    return this.upsertQueue(input);
  }
  /** `upsertQueue` that refuses an unknown queue id; waiting contacts keep their place and wait time. */
  updateQueue(input: CommandInput<"queue_upserted">): RoutingEvent[] {
    this.#kernel.center.queue(input.tenantId, input.queue.queueId);
    return this.upsertQueue(input);
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
}
