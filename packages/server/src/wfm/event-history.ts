import type { IntervalMinutes, RoutingEvent } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { ImportedInterval } from "./history-file.js";
import { localSlot } from "./zoned-time.js";

interface Tracked {
  readonly queueId: string;
  readonly channel: string;
  readonly date: string;
  readonly minute: number;
  connectedAt?: number;
}

interface Cell {
  arrivals: number;
  handled: number;
  abandoned: number;
  handleMs: number;
  closed: number;
}

/**
 * Interval history from Sentra's own routing event log. Everything is counted in the interval the contact
 * arrived in (interaction_created), in the queue it arrived at:
 * - arrival: interaction_created;
 * - handled: a transition into `connected`; handle time runs from there to `closed` (talk plus wrap-up), and AHT
 *   is the mean over contacts whose close is in the range;
 * - abandoned: a transition into `abandoned`.
 * A transfer keeps the contact in its first queue's counts: the forecast is of contacts arriving at the center.
 */
export async function historyFromEvents(
  db: Kysely<Database>,
  tenantId: string,
  timeZone: string,
  range: { from: Date; to: Date },
  interval: IntervalMinutes,
): Promise<{ intervals: ImportedInterval[]; interactions: number; queueIds: Map<string, string> }> {
  const queues = await db
    .selectFrom("queues")
    .select(["id", "name"])
    .where("tenant_id", "=", tenantId)
    .execute();
  const nameOf = new Map(queues.map((q) => [q.id, q.name]));
  const rows = await db
    .selectFrom("routing_events")
    .select(["event"])
    .where("tenant_id", "=", tenantId)
    .where("type", "in", ["interaction_created", "interaction_transitioned"])
    .where("at_ms", ">=", range.from.getTime())
    .where("at_ms", "<", range.to.getTime())
    .orderBy("seq")
    .execute();
  const tracked = new Map<string, Tracked>();
  const cells = new Map<string, Cell>();
  const cellOf = (t: Tracked) => {
    const key = `${t.queueId}\u0000${t.channel}\u0000${t.date}\u0000${t.minute}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { arrivals: 0, handled: 0, abandoned: 0, handleMs: 0, closed: 0 };
      cells.set(key, cell);
    }
    return cell;
  };
  for (const { event: raw } of rows) {
    const event = raw as RoutingEvent;
    if (event.type === "interaction_created") {
      const { date, slot } = localSlot(event.at, timeZone, interval);
      const entry: Tracked = {
        queueId: event.queueId,
        channel: event.channel,
        date,
        minute: slot * interval,
      };
      tracked.set(event.interactionId, entry);
      cellOf(entry).arrivals += 1;
    } else if (event.type === "interaction_transitioned") {
      const entry = tracked.get(event.interactionId);
      if (!entry) continue;
      if (event.to === "connected" && entry.connectedAt === undefined) {
        entry.connectedAt = event.at;
        cellOf(entry).handled += 1;
      } else if (event.to === "abandoned") {
        cellOf(entry).abandoned += 1;
      } else if (event.to === "closed" && entry.connectedAt !== undefined) {
        const cell = cellOf(entry);
        cell.handleMs += event.at - entry.connectedAt;
        cell.closed += 1;
      }
    }
  }
  const intervals: ImportedInterval[] = [];
  const queueIds = new Map<string, string>();
  for (const [key, cell] of cells) {
    const [queueId, channel, date, minute] = key.split("\u0000") as [string, string, string, string];
    const queueName = nameOf.get(queueId) ?? queueId;
    if (nameOf.has(queueId)) queueIds.set(queueName, queueId);
    intervals.push({
      queueName,
      channel,
      date,
      minuteOfDay: Number(minute),
      intervalMinutes: interval,
      arrivals: cell.arrivals,
      handled: cell.handled,
      abandoned: cell.abandoned,
      ahtSeconds: cell.closed > 0 ? cell.handleMs / cell.closed / 1000 : null,
    });
  }
  return { intervals, interactions: tracked.size, queueIds };
}
