import {
  addDays,
  applyAdjustment,
  backtest,
  dateRange,
  daysBetween,
  daysFromRows,
  type ForecastAdjustment,
  type ForecastMethod,
  type forecastBody,
  forecastDays,
  type IntervalMinutes,
  notFound,
  slotsPerDay,
} from "@sentra/core";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { summaryOf } from "./forecast-views.js";
import { aggregateHistory, slotRowsOf } from "./history-store.js";
import type { SpecialDayService } from "./special-day-service.js";
import { type StaffingQuery, staffingFor } from "./staffing-plan.js";
import type { WfmHistoryService } from "./wfm-history-service.js";
import { zonedInstant } from "./zoned-time.js";

type ForecastBody = z.infer<typeof forecastBody>;
const BATCH = 500;

/** Stored forecasts: create (backtest + forecast), read with actuals, adjust, and turn into staffing. */
export class ForecastService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly history: WfmHistoryService,
    private readonly specialDays: SpecialDayService,
  ) {}

  async create(actor: Actor, body: ForecastBody, origin: Origin) {
    const tenantId = actor.tenantId;
    const timeZone = await this.history.timeZoneOf(tenantId);
    const interval = body.interval;
    const slots = slotsPerDay(interval);
    const filter = {
      queue: body.queue,
      channel: body.channel,
      to: new Date(zonedInstant(body.horizonStart, 0, timeZone)),
    };
    const rows = await this.history.store.rows(tenantId, filter, interval);
    const days = daysFromRows(slotRowsOf(rows, timeZone, interval), slots).filter(
      (day) => daysBetween(day.date, body.horizonStart) > 0,
    );
    const special = (await this.specialDays.list(tenantId)).map(({ date, kind, name, factor }) => ({
      date,
      kind,
      name,
      factor,
    }));
    const tested = backtest(days, special, slots, { holdout: "week", count: body.holdoutWeeks });
    // With too little history to score anything, "auto" falls back to the method judged strongest a priori.
    const scored = tested.scores.some((score) => score.wape !== null);
    const method: ForecastMethod =
      body.method !== "auto" ? body.method : scored ? tested.best : "weekday_profile";
    const forecast = forecastDays({
      history: days,
      specialDays: special,
      dates: dateRange(body.horizonStart, body.horizonDays),
      slots,
      method,
    });
    const specialUsed = forecast.flatMap((day) => (day.special ? [{ date: day.date, ...day.special }] : []));
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("wfm_forecasts")
        .values({
          tenant_id: tenantId,
          queue_name: body.queue ?? null,
          channel: body.channel ?? null,
          interval_minutes: interval,
          horizon_start: body.horizonStart,
          horizon_days: body.horizonDays,
          time_zone: timeZone,
          requested_method: body.method,
          method,
          backtest: JSON.stringify({
            scores: tested.scores,
            heldOutDays: tested.heldOutDays,
            specialDays: specialUsed,
          }),
          created_by: actor.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const intervals = forecast.flatMap((day) =>
        day.volumes.map((volume, slot) => ({
          forecast_id: row.id,
          tenant_id: tenantId,
          interval_start: new Date(zonedInstant(day.date, slot * interval, timeZone)),
          volume,
          aht_seconds: day.ahtSeconds[slot] ?? null,
          adjusted_volume: volume,
          adjusted_aht_seconds: day.ahtSeconds[slot] ?? null,
        })),
      );
      for (let i = 0; i < intervals.length; i += BATCH) {
        await trx
          .insertInto("wfm_forecast_intervals")
          .values(intervals.slice(i, i + BATCH))
          .execute();
      }
      await this.audit.record(
        {
          tenantId,
          actor,
          action: "wfm.forecast_created",
          target: { type: "forecast", id: row.id },
          details: {
            queue: body.queue ?? null,
            channel: body.channel ?? null,
            interval,
            method,
            horizonStart: body.horizonStart,
            horizonDays: body.horizonDays,
          },
          origin,
        },
        trx,
      );
      return row.id;
    });
  }

  async list(tenantId: string) {
    const rows = await this.db
      .selectFrom("wfm_forecasts")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .orderBy("created_at", "desc")
      .limit(200)
      .execute();
    return rows.map(summaryOf);
  }

  async get(actor: Actor, id: string) {
    const forecast = await this.row(actor.tenantId, id);
    const intervals = await this.intervals(actor.tenantId, id);
    const interval = forecast.interval_minutes as IntervalMinutes;
    const from = new Date(zonedInstant(forecast.horizon_start, 0, forecast.time_zone));
    const to = new Date(
      zonedInstant(addDays(forecast.horizon_start, forecast.horizon_days), 0, forecast.time_zone),
    );
    const filter = {
      queue: forecast.queue_name ?? undefined,
      channel: forecast.channel ?? undefined,
      from,
      to,
    };
    const actualRows = await this.history.store.rows(actor.tenantId, filter, interval);
    const actuals = new Map(
      aggregateHistory(actualRows, forecast.time_zone, interval, filter).map((a) => [a.intervalStart, a]),
    );
    const adjustments = await this.db
      .selectFrom("wfm_forecast_adjustments")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("forecast_id", "=", id)
      .orderBy("created_at")
      .execute();
    const summary = summaryOf(forecast);
    return {
      ...summary,
      specialDays: ((forecast.backtest as { specialDays?: unknown[] }).specialDays ?? []) as {
        date: string;
        kind: string;
        name: string;
        basis: string;
      }[],
      intervals: intervals.map((i) => {
        const start = i.interval_start.toISOString();
        const actual = actuals.get(start);
        return {
          intervalStart: start,
          volume: i.volume,
          ahtSeconds: i.aht_seconds,
          adjustedVolume: i.adjusted_volume,
          adjustedAhtSeconds: i.adjusted_aht_seconds,
          actualVolume: actual?.arrivals ?? null,
          actualAhtSeconds: actual?.ahtSeconds ?? null,
        };
      }),
      adjustments: adjustments.map((a) => ({
        id: a.id,
        from: new Date(a.from_at).toISOString(),
        to: new Date(a.to_at).toISOString(),
        target: a.target as "volume" | "aht",
        factor: a.factor === null ? null : Number(a.factor),
        delta: a.delta === null ? null : Number(a.delta),
        reason: a.reason,
        createdAt: new Date(a.created_at).toISOString(),
      })),
    };
  }

  /** Applies an adjustment on top of earlier ones (to the adjusted figures), records it and audits it. */
  async adjust(actor: Actor, id: string, adjustment: ForecastAdjustment, origin: Origin) {
    await this.row(actor.tenantId, id);
    const current = (await this.intervals(actor.tenantId, id)).map((i) => ({
      startMs: i.interval_start.getTime(),
      volume: i.adjusted_volume,
      ahtSeconds: i.adjusted_aht_seconds,
    }));
    const adjusted = applyAdjustment(current, adjustment);
    const changed = adjusted.filter((interval, k) => interval !== current[k]);
    await this.db.transaction().execute(async (trx) => {
      for (const interval of changed) {
        await trx
          .updateTable("wfm_forecast_intervals")
          .set({ adjusted_volume: interval.volume, adjusted_aht_seconds: interval.ahtSeconds })
          .where("tenant_id", "=", actor.tenantId)
          .where("forecast_id", "=", id)
          .where("interval_start", "=", new Date(interval.startMs))
          .execute();
      }
      const row = await trx
        .insertInto("wfm_forecast_adjustments")
        .values({
          tenant_id: actor.tenantId,
          forecast_id: id,
          from_at: adjustment.from,
          to_at: adjustment.to,
          target: adjustment.target,
          factor: adjustment.factor ?? null,
          delta: adjustment.delta ?? null,
          reason: adjustment.reason,
          created_by: actor.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "wfm.forecast_adjusted",
          target: { type: "forecast", id },
          details: { adjustmentId: row.id, ...adjustment, intervalsChanged: changed.length },
          origin,
        },
        trx,
      );
    });
    return this.get(actor, id);
  }

  /** Required agents per interval for the adjusted forecast (Erlang C, or Erlang A when patience is given). */
  async staffing(actor: Actor, id: string, query: StaffingQuery) {
    const forecast = await this.row(actor.tenantId, id);
    const intervals = await this.intervals(actor.tenantId, id);
    return {
      forecastId: id,
      ...staffingFor(
        intervals.map((i) => ({
          intervalStart: i.interval_start,
          volume: i.adjusted_volume,
          ahtSeconds: i.adjusted_aht_seconds,
        })),
        forecast.interval_minutes * 60,
        query,
      ),
    };
  }

  private async row(tenantId: string, id: string) {
    const row = await this.db
      .selectFrom("wfm_forecasts")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("forecast", id);
    return row;
  }

  private async intervals(tenantId: string, id: string) {
    const rows = await this.db
      .selectFrom("wfm_forecast_intervals")
      .select(["interval_start", "volume", "aht_seconds", "adjusted_volume", "adjusted_aht_seconds"])
      .where("tenant_id", "=", tenantId)
      .where("forecast_id", "=", id)
      .orderBy("interval_start")
      .execute();
    return rows.map((r) => ({
      interval_start: new Date(r.interval_start),
      volume: Number(r.volume),
      aht_seconds: r.aht_seconds === null ? null : Number(r.aht_seconds),
      adjusted_volume: Number(r.adjusted_volume),
      adjusted_aht_seconds: r.adjusted_aht_seconds === null ? null : Number(r.adjusted_aht_seconds),
    }));
  }
}
