import { randomUUID } from "node:crypto";

/**
 * A domain event as it travels between server processes and out to realtime clients. `topic` says who may
 * see it: `tenant` (configuration changes), `wallboard`, `queue:<id>`, `agent:<userId>`.
 */
export interface PlatformEvent<T = unknown> {
  readonly id: string;
  readonly tenantId: string;
  readonly topic: string;
  readonly type: string;
  readonly at: string;
  readonly data: T;
}

export type EventHandler = (event: PlatformEvent) => void;

/**
 * Every domain event is published here. The in-process bus serves one server; the NATS JetStream bus lets
 * several server processes share events. Both deliver each event once to every subscriber of every process.
 */
export interface EventBus {
  readonly kind: "in-process" | "nats-jetstream";
  publish(event: PlatformEvent): Promise<void>;
  subscribe(handler: EventHandler): () => void;
  close(): Promise<void>;
}

export function newEvent<T>(
  tenantId: string,
  topic: string,
  type: string,
  data: T,
  at = new Date(),
): PlatformEvent<T> {
  return { id: randomUUID(), tenantId, topic, type, at: at.toISOString(), data };
}

/** Delivers to local subscribers; one slow or failing handler never stops the others. */
export class HandlerSet {
  readonly #handlers = new Set<EventHandler>();
  readonly #onHandlerError: (error: unknown) => void;

  constructor(onHandlerError: (error: unknown) => void) {
    this.#onHandlerError = onHandlerError;
  }

  add(handler: EventHandler): () => void {
    this.#handlers.add(handler);
    return () => this.#handlers.delete(handler);
  }

  deliver(event: PlatformEvent): void {
    for (const handler of this.#handlers) {
      try {
        handler(event);
      } catch (error) {
        this.#onHandlerError(error);
      }
    }
  }

  clear(): void {
    this.#handlers.clear();
  }
}

export class InProcessEventBus implements EventBus {
  readonly kind = "in-process";
  readonly #handlers: HandlerSet;

  constructor(onHandlerError: (error: unknown) => void = () => {}) {
    this.#handlers = new HandlerSet(onHandlerError);
  }

  async publish(event: PlatformEvent): Promise<void> {
    // Delivered on the next tick so publishers never run subscriber code inside their own transaction.
    queueMicrotask(() => this.#handlers.deliver(event));
  }

  subscribe(handler: EventHandler): () => void {
    return this.#handlers.add(handler);
  }

  async close(): Promise<void> {
    this.#handlers.clear();
  }
}
