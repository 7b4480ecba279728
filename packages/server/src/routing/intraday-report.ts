import { addWait, emptyWaits, type RoutingEvent, serviceLevel, type WaitCounts } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { localDayStart } from "./live-kpis.js";

const INTERVAL_MS = 15 * 60_000;
const INTERVALS_PER_DAY = 96;
const DAY_MS = 86_400_000;

export interface IntervalFigures {
  /** Minutes after local midnight where the interval starts: 0, 15, … 1425. */
  readonly startMinute: number;
  readonly arrivals: number;
  readonly answered: number;
  readonly abandoned: number;
  /** Same definition as the live KPIs: answered within threshold ÷ (answered + abandoned after it). */
  readonly serviceLevel: number | null;
}

export interface IntradayReport {
  readonly timeZone: string;
  readonly today: readonly IntervalFigures[];
  readonly yesterday: readonly IntervalFigures[];
}

interface Counts {
  arrivals: number;
  waits: WaitCounts;
}

/**
 * Arrivals and service level per 15 minutes for today and yesterday in the tenant's time zone, recomputed from
 * the routing event log — the same events the live KPIs fold, so the two agree.
 */
export async function intradayReport(
  db: Kysely<Database>,
  tenantId: string,
  timeZone: string,
  thresholdMsOf: (queueId: string) => number,
  now: number,
  queueId?: string,
): Promise<IntradayReport> {
  const todayStart = localDayStart(timeZone, now);
  const yesterdayStart = todayStart - DAY_MS;
  let query = db
    .selectFrom("routing_events")
    .select(["at_ms", "event"])
    .where("tenant_id", "=", tenantId)
    .where("at_ms", ">=", yesterdayStart)
    .where("at_ms", "<", todayStart + DAY_MS)
    .where("type", "in", ["interaction_created", "interaction_transitioned"])
    .orderBy("seq");
  if (queueId) query = query.where("queue_id", "=", queueId);
  const days = [emptyDay(), emptyDay()];
  for (const row of await query.execute()) {
    const day = row.at_ms >= todayStart ? days[1]! : days[0]!;
    const start = row.at_ms >= todayStart ? todayStart : yesterdayStart;
    const counts = day[Math.min(INTERVALS_PER_DAY - 1, Math.floor((row.at_ms - start) / INTERVAL_MS))]!;
    const event = row.event as RoutingEvent;
    if (event.type === "interaction_created") counts.arrivals++;
    else if (
      event.type === "interaction_transitioned" &&
      (event.from === "queued" || event.from === "offered") &&
      (event.to === "connected" || event.to === "abandoned")
    ) {
      // A wait ends when the contact is answered or abandoned while waiting, as in the live KPIs.
      addWait(
        counts.waits,
        event.to === "connected",
        event.at - event.enqueuedAt,
        thresholdMsOf(event.queueId),
      );
    }
  }
  return { timeZone, yesterday: days[0]!.map(figures), today: days[1]!.map(figures) };
}

const emptyDay = (): Counts[] =>
  Array.from({ length: INTERVALS_PER_DAY }, () => ({ arrivals: 0, waits: emptyWaits() }));

function figures(counts: Counts, index: number): IntervalFigures {
  return {
    startMinute: index * 15,
    arrivals: counts.arrivals,
    answered: counts.waits.answered,
    abandoned: counts.waits.abandoned,
    serviceLevel: serviceLevel(counts.waits),
  };
}
