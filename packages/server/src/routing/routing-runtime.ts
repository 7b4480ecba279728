import { randomUUID } from "node:crypto";
import {
  type Clock,
  OperationalError,
  type RoutingCommand,
  RoutingEngine,
  type RoutingEvent,
} from "@sentra/core";
import type { Logger } from "pino";
import { type EventBus, newEvent } from "../realtime/event-bus.js";
import type { LoggedCommand, RoutingLog } from "./routing-log.js";
import { topicsOf } from "./routing-topics.js";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A command as callers give it: the runtime stamps the time. */
export type RoutingRequest = DistributiveOmit<RoutingCommand, "at" | "eventId">;

const MAX_TIMER_MS = 2_147_483_647;

/**
 * Hosts the pure routing engine in a server process: stamps commands with the clock, applies them, commits
 * them with the engine's decisions to the routing log, and only then publishes the decisions. One real timer
 * follows the engine's next deadline. On start it replays the command log, which rebuilds queues in their
 * original order with their original enqueue times; timers that fell due while the process was down fire at
 * once, so offers that were ringing when it stopped time out and are offered again.
 */
export class RoutingRuntime {
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  readonly #listeners = new Set<(events: readonly RoutingEvent[]) => void>();

  #engine = new RoutingEngine();
  #active = false;

  constructor(
    private readonly log: RoutingLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** The engine's state; empty while this process stands by for another that runs routing. */
  get engine(): RoutingEngine {
    return this.#engine;
  }

  get active(): boolean {
    return this.#active;
  }

  /** Rebuilds the engine from the command log and starts taking commands. */
  async activate(): Promise<void> {
    const engine = new RoutingEngine();
    let replayed = 0;
    const started = performance.now();
    for await (const page of this.log.readCommands()) {
      for (const command of page) engine.apply(command);
      replayed += page.length;
    }
    this.logger.info(
      { replayed, ms: Math.round(performance.now() - started) },
      "routing state rebuilt from the command log",
    );
    this.#engine = engine;
    this.#active = true;
    this.#fireTimers();
  }

  /** Live decisions, after they are committed; used by the KPI tracker. */
  onCommitted(listener: (events: readonly RoutingEvent[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Applies a command and resolves once it and its consequences are durable. An illegal command throws the
   * engine's UserError and changes nothing.
   */
  /** Throws the standby error unless this process runs routing; callers check before doing other work. */
  assertActive(): void {
    if (!this.#active) {
      throw new OperationalError(
        "routing_standby",
        "Routing runs in another Sentra process; this one takes over if that one stops. Try again shortly.",
      );
    }
  }

  async execute(request: RoutingRequest): Promise<RoutingEvent[]> {
    this.assertActive();
    const command = { ...request, at: this.#now() } as RoutingCommand;
    const events = this.#engine.apply(command);
    await this.#commit({ eventId: randomUUID(), command }, events);
    return events;
  }

  #now(): number {
    return Math.max(this.clock.now(), this.#engine.now);
  }

  async #commit(logged: LoggedCommand, events: RoutingEvent[]): Promise<void> {
    this.#schedule();
    await this.log.append([logged], events);
    for (const listener of this.#listeners) listener(events);
    for (const event of events) {
      for (const topic of topicsOf(event)) {
        await this.bus.publish(
          newEvent(event.tenantId, topic, `routing.${event.type}`, event, new Date(event.at)),
        );
      }
    }
  }

  #fireTimers(): void {
    if (this.#closed || !this.#active) return;
    const command: RoutingCommand = { type: "clock_ticked", at: this.#now(), tenantId: "" };
    const events = this.#engine.apply(command);
    if (events.length === 0) {
      this.#schedule();
      return;
    }
    // A tick that decided something is logged like any command, so replay reproduces it exactly.
    this.#commit({ eventId: randomUUID(), command }, events).catch((error) =>
      this.logger.fatal({ err: error }, "routing log write failed"),
    );
  }

  #schedule(): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    const deadline = this.#engine.nextDeadline();
    if (deadline === undefined) return;
    const delay = Math.min(Math.max(0, deadline - this.clock.now()), MAX_TIMER_MS);
    this.#timer = setTimeout(() => this.#fireTimers(), delay);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.log.drain();
  }
}
