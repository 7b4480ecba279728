import type { Logger } from "pino";
import type { Actor } from "../tenancy/actor.js";
import type { EventBus, PlatformEvent } from "./event-bus.js";
import { authorizeTopic, clientMessage, type ServerMessage } from "./realtime-protocol.js";

/** The part of a WebSocket the gateway needs; keeps the gateway testable without a socket. */
export interface RealtimeSocket {
  send(data: string): void;
  readonly readyState: number;
}

const OPEN = 1;

interface Connection {
  readonly actor: Actor;
  readonly socket: RealtimeSocket;
  readonly topics: Set<string>;
}

/**
 * Fans out bus events to the sockets of this process. One bus subscription serves every socket; events only
 * ever reach sockets of the event's own tenant.
 */
export class RealtimeGateway {
  readonly #byTenant = new Map<string, Set<Connection>>();
  readonly #unsubscribe: () => void;

  constructor(
    bus: EventBus,
    private readonly logger: Logger,
  ) {
    this.#unsubscribe = bus.subscribe((event) => this.#fanOut(event));
  }

  get connectionCount(): number {
    let count = 0;
    for (const set of this.#byTenant.values()) count += set.size;
    return count;
  }

  /** Registers a socket; returns the handlers its owner wires to the socket's message and close events. */
  connect(actor: Actor, socket: RealtimeSocket): { onMessage: (raw: string) => void; onClose: () => void } {
    const connection: Connection = { actor, socket, topics: new Set() };
    const peers = this.#byTenant.get(actor.tenantId) ?? new Set<Connection>();
    peers.add(connection);
    this.#byTenant.set(actor.tenantId, peers);
    this.#send(connection, {
      type: "welcome",
      actor: { id: actor.id, tenantId: actor.tenantId, role: actor.role, name: actor.name },
    });
    return {
      onMessage: (raw) => this.#handle(connection, raw),
      onClose: () => {
        peers.delete(connection);
        if (peers.size === 0) this.#byTenant.delete(actor.tenantId);
      },
    };
  }

  #handle(connection: Connection, raw: string): void {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      this.#send(connection, {
        type: "error",
        error: { code: "malformed_json", message: "Messages must be JSON." },
      });
      return;
    }
    const parsed = clientMessage.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = issue ? `${issue.path.join(".") || "message"}: ${issue.message}` : "Unknown message.";
      this.#send(connection, {
        type: "error",
        error: { code: "invalid_message", message, details: parsed.error.issues },
      });
      return;
    }
    const message = parsed.data;
    if (message.type === "ping") {
      this.#send(connection, { type: "pong" });
      return;
    }
    const decision = authorizeTopic(connection.actor, message.topic);
    if (!decision.ok) {
      this.#send(connection, { type: "error", error: { code: decision.code, message: decision.message } });
      return;
    }
    if (message.type === "subscribe") connection.topics.add(decision.topic);
    else connection.topics.delete(decision.topic);
    this.#send(connection, {
      type: message.type === "subscribe" ? "subscribed" : "unsubscribed",
      topic: decision.topic,
    });
  }

  #fanOut(event: PlatformEvent): void {
    const peers = this.#byTenant.get(event.tenantId);
    if (!peers) return;
    for (const connection of peers) {
      if (connection.topics.has(event.topic)) {
        this.#send(connection, { type: "event", topic: event.topic, event });
      }
    }
  }

  #send(connection: Connection, message: ServerMessage): void {
    if (connection.socket.readyState !== OPEN) return;
    try {
      connection.socket.send(JSON.stringify(message));
    } catch (error) {
      this.logger.warn({ err: error }, "realtime send failed");
    }
  }

  close(): void {
    this.#unsubscribe();
    this.#byTenant.clear();
  }
}
