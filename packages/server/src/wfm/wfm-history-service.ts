import type { Readable } from "node:stream";
import { type IntervalMinutes, UserError } from "@sentra/core";
import type { Kysely } from "kysely";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { historyFromEvents } from "./event-history.js";
import { HistoryFormatError, readHistoryFile } from "./history-file.js";
import { aggregateHistory, type HistoryFilter, HistoryStore } from "./history-store.js";

const MAX_REBUILD_DAYS = 400;

/** Interval history of a tenant: imports, rebuilds from the routing event log, and queries. */
export class WfmHistoryService {
  readonly store: HistoryStore;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {
    this.store = new HistoryStore(db);
  }

  async timeZoneOf(tenantId: string): Promise<string> {
    const tenant = await this.db
      .selectFrom("tenants")
      .select("time_zone")
      .where("id", "=", tenantId)
      .executeTakeFirst();
    return tenant?.time_zone ?? "Asia/Jakarta";
  }

  /** Imports a history file for a tenant (CLI passes no actor). Bad rows are reported, never fatal. */
  async importFile(
    tenantId: string,
    actor: Actor | null,
    input: Readable,
    interval: IntervalMinutes,
    origin?: Origin,
    onRow?: (rows: number, problems: number) => void,
  ) {
    const timeZone = await this.timeZoneOf(tenantId);
    let file: Awaited<ReturnType<typeof readHistoryFile>>;
    try {
      file = await readHistoryFile(input, {
        intervalMinutes: interval,
        timeZone,
        ...(onRow ? { onRow } : {}),
      });
    } catch (error) {
      if (error instanceof HistoryFormatError)
        throw new UserError("invalid", "unrecognised_history_file", error.message);
      if (error instanceof Error && "code" in error && String(error.code).startsWith("CSV_")) {
        throw new UserError("invalid", "malformed_csv", `The file is not valid CSV: ${error.message}`);
      }
      throw error;
    }
    const stored = await this.store.upsert(tenantId, timeZone, file.intervals, "import");
    await this.audit.record({
      tenantId,
      actor: actor ?? { kind: "system", id: null },
      action: "wfm.history_imported",
      details: { format: file.format, rows: file.rows, intervals: stored, rejected: file.problems.length },
      ...(origin ? { origin } : {}),
    });
    return { format: file.format, rows: file.rows, intervalsStored: stored, rejected: file.problems };
  }

  /** Recomputes interval history from the routing event log over [from, to). */
  async rebuildFromEvents(actor: Actor, from: Date, to: Date, interval: IntervalMinutes, origin: Origin) {
    if (!(from < to)) throw new UserError("invalid", "invalid_range", "from must be before to.");
    if (to.getTime() - from.getTime() > MAX_REBUILD_DAYS * 86_400_000) {
      throw new UserError("invalid", "range_too_long", `Rebuild at most ${MAX_REBUILD_DAYS} days at once.`);
    }
    const timeZone = await this.timeZoneOf(actor.tenantId);
    const built = await historyFromEvents(this.db, actor.tenantId, timeZone, { from, to }, interval);
    const stored = await this.store.upsert(
      actor.tenantId,
      timeZone,
      built.intervals,
      "events",
      built.queueIds,
    );
    await this.audit.record({
      tenantId: actor.tenantId,
      actor,
      action: "wfm.history_rebuilt",
      details: { from: from.toISOString(), to: to.toISOString(), interval, intervals: stored },
      origin,
    });
    return { interactions: built.interactions, intervalsStored: stored };
  }

  async query(actor: Actor, filter: HistoryFilter, interval: IntervalMinutes) {
    const timeZone = await this.timeZoneOf(actor.tenantId);
    const rows = await this.store.rows(actor.tenantId, filter, interval);
    return { timeZone, items: aggregateHistory(rows, timeZone, interval, filter) };
  }
}
