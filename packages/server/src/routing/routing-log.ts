import type { RoutingCommand, RoutingEvent } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

export interface LoggedCommand {
  readonly eventId: string;
  readonly command: RoutingCommand;
}

interface Batch {
  commands: LoggedCommand[];
  events: RoutingEvent[];
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const ROWS_PER_INSERT = 500;

/**
 * Appends routing commands and events in batches: every append made while a flush is running joins the next
 * one, so under load one transaction carries hundreds of appends (group commit) and each caller still waits
 * until its own rows are committed. Order of appends is the order of rows.
 */
export class RoutingLog {
  #pending: Batch | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<Database>) {}

  append(commands: LoggedCommand[], events: RoutingEvent[]): Promise<void> {
    if (commands.length === 0 && events.length === 0) return Promise.resolve();
    const batch = this.#pending ?? this.#openBatch();
    batch.commands.push(...commands);
    batch.events.push(...events);
    return batch.done;
  }

  #openBatch(): Batch {
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Nobody may be waiting on a batch (ticks): a failed write is still reported by the runtime's own handler.
    done.catch(() => undefined);
    const batch: Batch = { commands: [], events: [], done, resolve, reject };
    this.#pending = batch;
    this.#flushing = this.#flushing.then(() => this.#write(batch));
    return batch;
  }

  async #write(batch: Batch): Promise<void> {
    if (this.#pending === batch) this.#pending = undefined;
    try {
      const commandRows = batch.commands.map(({ eventId, command }) => ({
        event_id: eventId,
        tenant_id: command.tenantId === "" ? null : command.tenantId,
        type: command.type,
        at_ms: command.at,
        command: JSON.stringify(command),
      }));
      const eventRows = batch.events.map(eventRow);
      if (
        commandRows.length + eventRows.length <= ROWS_PER_INSERT &&
        commandRows.length > 0 &&
        eventRows.length > 0
      ) {
        // The common case in one statement (one round trip, atomic without BEGIN/COMMIT): the events insert
        // rides on the commands insert as a data-modifying CTE.
        await this.db
          .with("logged", (db) => db.insertInto("routing_commands").values(commandRows))
          .insertInto("routing_events")
          .values(eventRows)
          .execute();
      } else {
        await this.db.transaction().execute(async (trx) => {
          for (let i = 0; i < commandRows.length; i += ROWS_PER_INSERT) {
            await trx
              .insertInto("routing_commands")
              .values(commandRows.slice(i, i + ROWS_PER_INSERT))
              .execute();
          }
          for (let i = 0; i < eventRows.length; i += ROWS_PER_INSERT) {
            await trx
              .insertInto("routing_events")
              .values(eventRows.slice(i, i + ROWS_PER_INSERT))
              .execute();
          }
        });
      }
      batch.resolve();
    } catch (error) {
      batch.reject(error);
    }
  }

  /** Resolves when everything appended so far is committed (or failed). */
  async drain(): Promise<void> {
    await this.#flushing;
  }

  async *readCommands(pageSize = 5_000): AsyncGenerator<RoutingCommand[]> {
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom("routing_commands")
        .select(["seq", "command"])
        .where("seq", ">", after)
        .orderBy("seq")
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      after = rows.at(-1)!.seq;
      yield rows.map((r) => r.command as RoutingCommand);
    }
  }
}

function eventRow(event: RoutingEvent) {
  const fields = event as Partial<Record<"interactionId" | "agentId" | "queueId" | "fromQueueId", string>>;
  return {
    tenant_id: event.tenantId,
    type: event.type,
    at_ms: event.at,
    interaction_id: fields.interactionId ?? null,
    agent_id: fields.agentId ?? null,
    queue_id: fields.queueId ?? fields.fromQueueId ?? null,
    event: JSON.stringify(event),
  };
}
