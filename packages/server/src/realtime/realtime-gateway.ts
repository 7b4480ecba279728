import type { Logger } from "pino";
import type { Actor } from "../tenancy/actor.js";
import type { SoftphoneHub, SoftphoneOwner } from "../voice/webrtc/softphone-hub.js";
import { isSoftphoneMessage, type SoftphoneClientMessage } from "../voice/webrtc/softphone-protocol.js";
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
  /** This connection as the softphone sees it: one call at most, scoped to the actor. */
  readonly softphone: SoftphoneOwner;
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
    /** Signalling of the browser softphone (`webrtc.*` messages); without it they are refused. */
    readonly softphone?: SoftphoneHub,
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
    const connection: Connection = {
      actor,
      socket,
      topics: new Set(),
      softphone: { actor, send: (message) => this.#send(connection, message) },
    };
    this.softphone?.attach(connection.softphone);
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
        this.softphone
          ?.release(connection.softphone)
          .catch((error) => this.logger.warn({ err: error }, "softphone release failed"));
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
    if (isSoftphoneMessage(message)) {
      this.#signal(connection, message);
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

  #signal(connection: Connection, message: SoftphoneClientMessage): void {
    if (!this.softphone) {
      this.#send(connection, {
        type: "error",
        error: {
          code: "softphone_unavailable",
          message: "This server has no softphone.",
          details: { callId: message.callId },
        },
      });
      return;
    }
    this.softphone
      .handle(connection.softphone, message)
      .catch((error) => this.logger.error({ err: error }, "softphone signalling failed"));
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

  async close(): Promise<void> {
    this.#unsubscribe();
    this.#byTenant.clear();
    await this.softphone?.close();
  }
}
