import type { IntervalMinutes, SlotRow } from "@sentra/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.js";
import type { ImportedInterval } from "./history-file.js";
import { localSlot, zonedInstant } from "./zoned-time.js";

const BATCH = 500;

export interface HistoryFilter {
  readonly queue?: string | undefined;
  readonly channel?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

export interface StoredInterval {
  readonly intervalStart: Date;
  readonly queueName: string;
  readonly channel: string;
  readonly intervalMinutes: number;
  readonly arrivals: number;
  readonly handled: number;
  readonly abandoned: number;
  readonly ahtSeconds: number | null;
}

/** Interval history rows of one tenant; every statement is scoped by tenant_id. */
export class HistoryStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts or replaces intervals (same tenant, queue, channel, start and length), in batches. */
  async upsert(
    tenantId: string,
    timeZone: string,
    intervals: readonly ImportedInterval[],
    source: "events" | "import",
    queueIds: ReadonlyMap<string, string> = new Map(),
  ): Promise<number> {
    for (let i = 0; i < intervals.length; i += BATCH) {
      const rows = intervals.slice(i, i + BATCH).map((interval) => ({
        tenant_id: tenantId,
        queue_id: queueIds.get(interval.queueName) ?? null,
        queue_name: interval.queueName,
        channel: interval.channel,
        interval_start: new Date(zonedInstant(interval.date, interval.minuteOfDay, timeZone)),
        interval_minutes: interval.intervalMinutes,
        arrivals: interval.arrivals,
        handled: interval.handled,
        abandoned: interval.abandoned,
        aht_seconds: interval.ahtSeconds,
        source,
      }));
      await this.db
        .insertInto("wfm_interval_history")
        .values(rows)
        .onConflict((conflict) =>
          conflict
            .columns(["tenant_id", "queue_name", "channel", "interval_start", "interval_minutes"])
            .doUpdateSet({
              queue_id: (eb) => eb.ref("excluded.queue_id"),
              arrivals: (eb) => eb.ref("excluded.arrivals"),
              handled: (eb) => eb.ref("excluded.handled"),
              abandoned: (eb) => eb.ref("excluded.abandoned"),
              aht_seconds: (eb) => eb.ref("excluded.aht_seconds"),
              source: (eb) => eb.ref("excluded.source"),
              updated_at: sql`now()`,
            }),
        )
        .execute();
    }
    return intervals.length;
  }

  /** Rows whose length divides `interval`, so they can be added up into it. */
  async rows(tenantId: string, filter: HistoryFilter, interval: IntervalMinutes): Promise<StoredInterval[]> {
    let query = this.db
      .selectFrom("wfm_interval_history")
      .select([
        "interval_start",
        "queue_name",
        "channel",
        "interval_minutes",
        "arrivals",
        "handled",
        "abandoned",
        "aht_seconds",
      ])
      .where("tenant_id", "=", tenantId)
      .where("interval_minutes", "<=", interval)
      .orderBy("interval_start");
    if (filter.queue !== undefined) query = query.where("queue_name", "=", filter.queue);
    if (filter.channel !== undefined) query = query.where("channel", "=", filter.channel);
    if (filter.from) query = query.where("interval_start", ">=", filter.from);
    if (filter.to) query = query.where("interval_start", "<", filter.to);
    const rows = await query.execute();
    return rows
      .filter((row) => interval % row.interval_minutes === 0)
      .map((row) => ({
        intervalStart: new Date(row.interval_start),
        queueName: row.queue_name,
        channel: row.channel,
        intervalMinutes: row.interval_minutes,
        arrivals: row.arrivals,
        handled: row.handled,
        abandoned: row.abandoned,
        ahtSeconds: row.aht_seconds === null ? null : Number(row.aht_seconds),
      }));
  }
}

/** Stored rows on the tenant's local calendar, as the forecasting core wants them. */
export function slotRowsOf(
  rows: readonly StoredInterval[],
  timeZone: string,
  interval: IntervalMinutes,
): SlotRow[] {
  return rows.map((row) => {
    const { date, slot } = localSlot(row.intervalStart.getTime(), timeZone, interval);
    return { date, slot, arrivals: row.arrivals, handled: row.handled, ahtSeconds: row.ahtSeconds };
  });
}

export interface AggregatedInterval {
  intervalStart: string;
  queue: string | null;
  channel: string | null;
  arrivals: number;
  handled: number;
  abandoned: number;
  ahtSeconds: number | null;
}

/**
 * Adds rows up into `interval`-minute buckets (aligned on the tenant's local wall clock), per queue and channel
 * when those were asked for, else across them.
 */
export function aggregateHistory(
  rows: readonly StoredInterval[],
  timeZone: string,
  interval: IntervalMinutes,
  filter: HistoryFilter,
): AggregatedInterval[] {
  const buckets = new Map<string, AggregatedInterval & { seconds: number }>();
  for (const row of rows) {
    const { date, slot } = localSlot(row.intervalStart.getTime(), timeZone, interval);
    const start = new Date(zonedInstant(date, slot * interval, timeZone)).toISOString();
    const queue = filter.queue ?? null;
    const channel = filter.channel ?? null;
    const key = `${start}|${queue}|${channel}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = {
        intervalStart: start,
        queue,
        channel,
        arrivals: 0,
        handled: 0,
        abandoned: 0,
        ahtSeconds: null,
        seconds: 0,
      };
      buckets.set(key, bucket);
    }
    bucket.arrivals += row.arrivals;
    bucket.handled += row.handled;
    bucket.abandoned += row.abandoned;
    bucket.seconds += (row.ahtSeconds ?? 0) * row.handled;
  }
  return [...buckets.values()]
    .sort((a, b) => (a.intervalStart < b.intervalStart ? -1 : 1))
    .map(({ seconds, ...bucket }) => ({
      ...bucket,
      ahtSeconds: bucket.handled > 0 ? seconds / bucket.handled : null,
    }));
}
