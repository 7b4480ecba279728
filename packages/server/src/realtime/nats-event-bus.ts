import { OperationalError } from "@sentra/core";
import {
  type ConsumerMessages,
  connect,
  DeliverPolicy,
  type JetStreamClient,
  JSONCodec,
  type NatsConnection,
  nanos,
  RetentionPolicy,
  StorageType,
} from "nats";
import type { Logger } from "pino";
import { type EventBus, type EventHandler, HandlerSet, type PlatformEvent } from "./event-bus.js";

const STREAM = "SENTRA_EVENTS";
const SUBJECT_ROOT = "sentra.events";
const codec = JSONCodec<PlatformEvent>();

/**
 * Events go through a JetStream stream so every server process sees every event, in order. Each process reads
 * the stream with its own ordered consumer starting at "new": realtime clients want what happens from now on,
 * and the stream's 24 h retention lets a later reporting consumer replay the day.
 */
export class NatsEventBus implements EventBus {
  readonly kind = "nats-jetstream";
  readonly #handlers: HandlerSet;

  private constructor(
    private readonly connection: NatsConnection,
    private readonly jetstream: JetStreamClient,
    private readonly messages: ConsumerMessages,
    logger: Logger,
  ) {
    this.#handlers = new HandlerSet((error) => logger.error({ err: error }, "event handler failed"));
    void this.#pump(logger);
  }

  static async connect(url: string, logger: Logger): Promise<NatsEventBus> {
    let connection: NatsConnection;
    try {
      connection = await connect({ servers: url, name: "sentra-server", timeout: 5_000 });
    } catch (error) {
      throw new OperationalError("nats_unreachable", `Cannot connect to NATS at ${url}.`, undefined, {
        cause: error,
      });
    }
    const manager = await connection.jetstreamManager();
    const existing = await manager.streams.info(STREAM).catch(() => undefined);
    if (!existing) {
      await manager.streams.add({
        name: STREAM,
        subjects: [`${SUBJECT_ROOT}.>`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        max_age: nanos(24 * 60 * 60 * 1000),
        duplicate_window: nanos(2 * 60 * 1000),
      });
    }
    const jetstream = connection.jetstream();
    // No subject filter: the stream holds only Sentra events, and multi-subject filters need NATS ≥ 2.10.
    const consumer = await jetstream.consumers.get(STREAM, { deliver_policy: DeliverPolicy.New });
    const messages = await consumer.consume();
    return new NatsEventBus(connection, jetstream, messages, logger);
  }

  async #pump(logger: Logger): Promise<void> {
    try {
      for await (const message of this.messages) {
        let event: PlatformEvent;
        try {
          event = codec.decode(message.data);
        } catch (error) {
          logger.warn({ err: error, subject: message.subject }, "dropped an undecodable event");
          continue;
        }
        this.#handlers.deliver(event);
      }
    } catch (error) {
      logger.error({ err: error }, "NATS event stream stopped");
    }
  }

  async publish(event: PlatformEvent): Promise<void> {
    const subject = `${SUBJECT_ROOT}.${event.tenantId}.${event.topic.replace(/[.:*> ]/g, "_")}`;
    // msgID lets JetStream drop a duplicate if a publish is retried after a lost acknowledgement.
    await this.jetstream.publish(subject, codec.encode(event), { msgID: event.id });
  }

  subscribe(handler: EventHandler): () => void {
    return this.#handlers.add(handler);
  }

  async close(): Promise<void> {
    this.#handlers.clear();
    this.messages.stop();
    await this.connection.drain().catch(() => undefined);
  }
}
