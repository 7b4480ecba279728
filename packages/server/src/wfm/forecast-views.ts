import type { ForecastMethod } from "@sentra/core";

/** A stored forecast row as the list and detail views show it. */
export type ForecastRow = {
  id: string;
  queue_name: string | null;
  channel: string | null;
  interval_minutes: number;
  horizon_start: string;
  horizon_days: number;
  time_zone: string;
  requested_method: string;
  method: string;
  backtest: unknown;
  created_at: Date;
};

export function summaryOf(row: ForecastRow) {
  const stored = row.backtest as { scores: unknown[]; heldOutDays: string[] };
  return {
    id: row.id,
    queue: row.queue_name,
    channel: row.channel,
    interval: row.interval_minutes,
    horizonStart: row.horizon_start,
    horizonDays: row.horizon_days,
    timeZone: row.time_zone,
    requestedMethod: row.requested_method,
    method: row.method as ForecastMethod,
    backtest: { scores: stored.scores as never, heldOutDays: stored.heldOutDays },
    createdAt: new Date(row.created_at).toISOString(),
  };
}
