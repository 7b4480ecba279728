import {
  type Clock,
  KpiAccumulator,
  type KpiReport,
  type QueueKpis,
  type RoutingEvent,
  type TenantKpis,
} from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../db/schema.js";
import { type EventBus, newEvent } from "../realtime/event-bus.js";
import type { RoutingConfigService } from "./routing-config-service.js";
import type { RoutingRuntime } from "./routing-runtime.js";

const PUSH_INTERVAL_MS = 500;
const HISTORY_MS = 2 * 86_400_000;

export interface TenantStats {
  readonly tenant: TenantKpis | null;
  readonly queues: readonly QueueKpis[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const lastDay = new Map<string, number>();

/**
 * Local midnight of `at` in `timeZone`. Called for every event, so the formatter is built once per zone and the
 * last answer is reused while `at` stays within that day (exact for Indonesia's zones, which keep one offset).
 */
export function localDayStart(timeZone: string, at: number): number {
  const known = lastDay.get(timeZone);
  if (known !== undefined && at >= known && at < known + 86_400_000) return known;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(at));
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const sinceMidnight = ((value("hour") * 60 + value("minute")) * 60 + value("second")) * 1000 + (at % 1000);
  const start = at - sinceMidnight;
  lastDay.set(timeZone, start);
  return start;
}

/**
 * Live KPIs per queue and tenant, folded from committed routing events as they happen and rebuilt at start
 * from the event log (the last two days), so a restart shows the same figures. Changes are pushed to the
 * `wallboard` and `queue:<id>` topics at most twice a second per tenant.
 */
export class LiveKpis {
  readonly #accumulator: KpiAccumulator;
  readonly #timeZones = new Map<string, string>();
  readonly #thresholds = new Map<string, number>();
  readonly #dirty = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: () => void = () => {};

  constructor(
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.#accumulator = new KpiAccumulator({
      dayStartOf: (tenantId, at) => localDayStart(this.#timeZones.get(tenantId) ?? "Asia/Jakarta", at),
      thresholdMs: (tenantId, queueId) => this.#thresholds.get(`${tenantId}/${queueId}`) ?? 20_000,
    });
  }

  /** Rebuilds the figures from the event log, then follows the runtime's committed events. */
  async load(db: Kysely<Database>, runtime: RoutingRuntime, config: RoutingConfigService): Promise<void> {
    const clock = this.clock;
    for (const tenant of await db.selectFrom("tenants").select(["id", "time_zone"]).execute()) {
      this.#timeZones.set(tenant.id, tenant.time_zone);
      for (const queue of await config.listQueues(tenant.id)) {
        this.#thresholds.set(`${tenant.id}/${queue.id}`, queue.settings.serviceLevel.thresholdMs);
      }
    }
    let after = 0;
    const since = clock.now() - HISTORY_MS;
    for (;;) {
      const rows = await db
        .selectFrom("routing_events")
        .select(["seq", "event"])
        .where("seq", ">", after)
        .where("at_ms", ">=", since)
        .orderBy("seq")
        .limit(5_000)
        .execute();
      if (rows.length === 0) break;
      after = rows.at(-1)!.seq;
      for (const row of rows) this.#accumulator.apply(row.event as RoutingEvent);
    }
    this.#unsubscribe = runtime.onCommitted((events) => this.#apply(events));
  }

  /** Queue thresholds and tenant zones change rarely; the routes that change them tell us. */
  queueSaved(tenantId: string, queueId: string, thresholdMs: number): void {
    this.#thresholds.set(`${tenantId}/${queueId}`, thresholdMs);
  }

  tenantKnown(tenantId: string, timeZone: string): void {
    this.#timeZones.set(tenantId, timeZone);
  }

  #apply(events: readonly RoutingEvent[]): void {
    for (const event of events) {
      this.#accumulator.apply(event);
      this.#dirty.add(event.tenantId);
    }
    this.#timer ??= setTimeout(() => void this.#push(), PUSH_INTERVAL_MS);
  }

  read(tenantId: string): TenantStats {
    return this.#select(this.#accumulator.read(this.clock.now()), tenantId);
  }

  #select(report: KpiReport, tenantId: string): TenantStats {
    return {
      tenant: report.tenants.find((t) => t.tenantId === tenantId) ?? null,
      queues: report.queues.filter((q) => q.tenantId === tenantId),
    };
  }

  async #push(): Promise<void> {
    this.#timer = undefined;
    const tenants = [...this.#dirty];
    this.#dirty.clear();
    if (tenants.length === 0) return;
    const report = this.#accumulator.read(this.clock.now());
    try {
      for (const tenantId of tenants) {
        const stats = this.#select(report, tenantId);
        await this.bus.publish(newEvent(tenantId, "wallboard", "kpi.updated", stats));
        for (const queue of stats.queues) {
          await this.bus.publish(newEvent(tenantId, `queue:${queue.queueId}`, "kpi.updated", queue));
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, "KPI push failed");
    }
  }

  close(): void {
    this.#unsubscribe();
    clearTimeout(this.#timer);
  }
}
