import type { AgentStatus, PlannedActivity, StatusChange } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

export interface AgentDayPlan {
  readonly tenantId: string;
  readonly agentId: string;
  readonly activities: (PlannedActivity & { readonly shiftId: string })[];
}

/**
 * Published shifts that overlap [from, to), as absolute activities per agent. `tenantId` undefined reads every
 * tenant (the background monitor); each row still carries its own tenant.
 */
export async function publishedPlans(
  db: Kysely<Database>,
  tenantId: string | undefined,
  from: number,
  to: number,
  agentIds?: readonly string[],
): Promise<AgentDayPlan[]> {
  let query = db
    .selectFrom("wfm_scheduled_shifts as s")
    .innerJoin("wfm_schedules as w", (join) =>
      join.onRef("w.id", "=", "s.schedule_id").onRef("w.tenant_id", "=", "s.tenant_id"),
    )
    .select(["s.id", "s.tenant_id", "s.agent_id", "s.activities", "w.starts_at as week_starts_at"])
    .where("w.status", "=", "published")
    .where("s.starts_at", "<", new Date(to))
    .where("s.ends_at", ">", new Date(from));
  if (tenantId !== undefined) query = query.where("s.tenant_id", "=", tenantId);
  if (agentIds !== undefined) {
    if (agentIds.length === 0) return [];
    query = query.where("s.agent_id", "in", agentIds);
  }
  const plans = new Map<string, AgentDayPlan>();
  for (const row of await query.execute()) {
    const base = new Date(row.week_starts_at).getTime();
    const key = `${row.tenant_id}/${row.agent_id}`;
    const plan = plans.get(key) ?? { tenantId: row.tenant_id, agentId: row.agent_id, activities: [] };
    for (const a of row.activities) {
      plan.activities.push({
        kind: a.kind as PlannedActivity["kind"],
        start: base + a.start * 60_000,
        end: base + a.end * 60_000,
        shiftId: row.id,
      });
    }
    plans.set(key, plan);
  }
  for (const plan of plans.values()) plan.activities.sort((a, b) => a.start - b.start);
  return [...plans.values()];
}

export interface StatusTimeline {
  initial: AgentStatus | undefined;
  /** When the initial status began. */
  initialAt: number | undefined;
  changes: StatusChange[];
}

/** Agent status changes from the routing event log, with the last one before `from` as the initial status. */
export async function statusTimeline(
  db: Kysely<Database>,
  tenantId: string,
  agentIds: readonly string[],
  from: number,
  to: number,
): Promise<Map<string, StatusTimeline>> {
  const timelines = new Map<string, StatusTimeline>();
  for (const id of agentIds) timelines.set(id, { initial: undefined, initialAt: undefined, changes: [] });
  if (agentIds.length === 0) return timelines;
  // A day back is enough for the status held at `from`: agents change state far more often than that.
  const rows = await db
    .selectFrom("routing_events")
    .select(["agent_id", "at_ms", "event"])
    .where("tenant_id", "=", tenantId)
    .where("type", "=", "agent_state_changed")
    .where("agent_id", "in", agentIds)
    .where("at_ms", ">=", from - 86_400_000)
    .where("at_ms", "<", to)
    .orderBy("seq")
    .execute();
  for (const row of rows) {
    const timeline = timelines.get(row.agent_id!);
    if (!timeline) continue;
    const status = (row.event as { to: AgentStatus }).to;
    const at = Number(row.at_ms);
    if (at < from) {
      timeline.initial = status;
      timeline.initialAt = at;
    } else timeline.changes.push({ at, status });
  }
  return timelines;
}
