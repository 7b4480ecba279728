import { type Clock, nextAttemptDelayMs } from "@sentra/core";
import type { Kysely, Selectable } from "kysely";
import type { Logger } from "pino";
import type { Database, MessagesTable } from "../db/schema.js";

export type OutboundMessageRow = Selectable<MessagesTable>;

/** A channel's way out: email through SMTP now; chat and messaging adapters add theirs. */
export interface ChannelSender {
  send(message: OutboundMessageRow): Promise<void>;
}

/** A failure worth retrying later (connection refused, 4xx from the relay); anything else fails at once. */
export class TransientDeliveryError extends Error {}

/** Messages one outbox pass delivers; a full batch runs the next pass at once. */
const OUTBOX_BATCH = 50;
/** Conversations one pass delivers to at the same time. */
const OUTBOX_PARALLEL = 10;

/**
 * Delivers queued outbound messages. The messages table is the outbox: `queued` rows whose
 * `next_attempt_at` has come are sent; success marks them `sent`, a transient failure schedules the next
 * attempt with backoff, and giving up (or a permanent failure) marks them `failed` with the last error, for
 * the agent to see. Passes never overlap within a process.
 */
export class Outbox {
  #timer: NodeJS.Timeout | undefined;
  #onSettled: ((message: OutboundMessageRow) => void) | undefined;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly senders: Partial<Record<string, ChannelSender>>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly intervalMs = 15_000,
  ) {}

  /** Called after a message's delivery state was recorded (sent, retry scheduled, failed). */
  onSettled(listener: (message: OutboundMessageRow) => void): void {
    this.#onSettled = listener;
  }

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.kick(), this.intervalMs);
    this.#timer.unref();
  }

  kick(): void {
    void this.flush();
  }

  /** One pass now; a kick during a pass runs another right after it. */
  flush(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#pass()
      .catch((error) => this.logger.error({ err: error }, "outbox pass failed"))
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
    return this.#running;
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  async #pass(): Promise<void> {
    const due = await this.db
      .selectFrom("messages")
      .innerJoin("conversations", "conversations.id", "messages.conversation_id")
      .selectAll("messages")
      .select("conversations.channel")
      .where("messages.delivery_status", "=", "queued")
      .where("messages.next_attempt_at", "<=", new Date(this.clock.now()))
      .orderBy("messages.created_at")
      .limit(OUTBOX_BATCH)
      .execute();
    // Conversations are delivered side by side, each one's messages in order: one slow relay or busy store
    // must not hold every other customer's reply behind it.
    const byConversation = new Map<string, typeof due>();
    for (const row of due) {
      const queue = byConversation.get(row.conversation_id);
      if (queue) queue.push(row);
      else byConversation.set(row.conversation_id, [row]);
    }
    const conversations = [...byConversation.values()];
    const sent: OutboundMessageRow[] = [];
    const worker = async () => {
      for (let next = conversations.shift(); next; next = conversations.shift()) {
        for (const { channel, ...message } of next) {
          // A message may leave through another channel than its conversation's (a chat transcript by email).
          if (await this.#deliver(message.send_via ?? channel, message)) sent.push(message);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(OUTBOX_PARALLEL, conversations.length) }, worker));
    await this.#recordSent(sent);
    // A full batch may have left more due: go on now rather than at the next interval.
    if (due.length === OUTBOX_BATCH) this.#again = true;
  }

  /** Sends one message; true when it left (recorded with the rest of the pass), false when the failure is recorded. */
  async #deliver(channel: string, message: OutboundMessageRow): Promise<boolean> {
    const attempts = message.attempts + 1;
    const sender = this.senders[channel];
    try {
      if (!sender) throw new Error(`No sender is configured for the ${channel} channel.`);
      await sender.send(message);
      return true;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const delay = error instanceof TransientDeliveryError ? nextAttemptDelayMs(attempts) : null;
      this.logger.warn(
        { messageId: message.id, attempts, willRetry: delay !== null, err: text },
        "outbound delivery failed",
      );
      await this.#update(message, {
        attempts,
        last_error: text.slice(0, 1000),
        ...(delay === null
          ? { delivery_status: "failed", next_attempt_at: null }
          : { next_attempt_at: new Date(this.clock.now() + delay) }),
      });
      return false;
    }
  }

  /** One statement per tenant marks a pass's delivered messages sent, instead of one per message. */
  async #recordSent(sent: readonly OutboundMessageRow[]): Promise<void> {
    const byTenant = new Map<string, string[]>();
    for (const message of sent)
      byTenant.set(message.tenant_id, [...(byTenant.get(message.tenant_id) ?? []), message.id]);
    const now = new Date(this.clock.now());
    for (const [tenantId, ids] of byTenant) {
      await this.db
        .updateTable("messages")
        .set((eb) => ({
          delivery_status: "sent",
          attempts: eb("attempts", "+", 1),
          sent_at: now,
          last_error: null,
          next_attempt_at: null,
        }))
        .where("tenant_id", "=", tenantId)
        .where("id", "in", ids)
        // A channel may confirm delivery while the send is still being recorded (a chat widget's ack): that
        // later state stands.
        .where("delivery_status", "=", "queued")
        .execute();
    }
    for (const message of sent) this.#onSettled?.(message);
  }

  async #update(
    message: OutboundMessageRow,
    set: Partial<
      Pick<OutboundMessageRow, "delivery_status" | "attempts" | "sent_at" | "last_error" | "next_attempt_at">
    >,
  ): Promise<void> {
    await this.db
      .updateTable("messages")
      .set(set)
      .where("tenant_id", "=", message.tenant_id)
      .where("id", "=", message.id)
      // A channel may confirm delivery while the send is still being recorded (a chat widget's ack): that
      // later state stands.
      .where("delivery_status", "=", "queued")
      .execute();
    this.#onSettled?.(message);
  }
}
