import { type Clock, computeAdherence, notFound } from "@sentra/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../db/schema.js";
import type { Actor } from "../tenancy/actor.js";
import { publishedPlans, statusTimeline } from "./adherence-shifts.js";
import { planningWeek } from "./schedule-week.js";

export const adherenceReport = z.object({
  date: z.string(),
  from: z.string(),
  /** The end of the window measured: the end of the day, or now for today. */
  to: z.string(),
  graceMinutes: z.number(),
  agents: z.array(
    z.object({
      agentId: z.uuid(),
      displayName: z.string(),
      /** 0–1, null when nothing was scheduled in the window. */
      adherence: z.number().nullable(),
      conformance: z.number().nullable(),
      scheduledMinutes: z.number(),
      inAdherenceMinutes: z.number(),
      scheduledWorkMinutes: z.number(),
      workedMinutes: z.number(),
      episodes: z.array(
        z.object({
          start: z.string(),
          end: z.string(),
          minutes: z.number(),
          expected: z.string(),
          actual: z.string(),
        }),
      ),
    }),
  ),
});
export type AdherenceReport = z.infer<typeof adherenceReport>;

const minutes = (ms: number): number => Math.round((ms / 60_000) * 100) / 100;

/** Adherence and conformance per agent for one local day, from published schedules and the routing log. */
export class AdherenceService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async report(
    actor: Actor,
    date: string,
    teamId: string | undefined,
    graceMinutes: number,
  ): Promise<AdherenceReport> {
    const tenant = await this.db
      .selectFrom("tenants")
      .select("time_zone")
      .where("id", "=", actor.tenantId)
      .executeTakeFirstOrThrow();
    const from = planningWeek(tenant.time_zone, date).startsAt;
    const to = Math.max(from, Math.min(from + 86_400_000, this.clock.now()));
    let agentIds: string[] | undefined;
    if (teamId) {
      const team = await this.db
        .selectFrom("teams")
        .select("id")
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", teamId)
        .executeTakeFirst();
      if (!team) throw notFound("team", teamId);
      const members = await this.db
        .selectFrom("team_members")
        .select("user_id")
        .where("tenant_id", "=", actor.tenantId)
        .where("team_id", "=", teamId)
        .execute();
      agentIds = members.map((m) => m.user_id);
    }
    const plans = await publishedPlans(this.db, actor.tenantId, from, from + 86_400_000, agentIds);
    const ids = plans.map((p) => p.agentId);
    const timelines = await statusTimeline(this.db, actor.tenantId, ids, from, to);
    const names = new Map(
      ids.length === 0
        ? []
        : (
            await this.db
              .selectFrom("users")
              .select(["id", "display_name"])
              .where("tenant_id", "=", actor.tenantId)
              .where("id", "in", ids)
              .execute()
          ).map((u) => [u.id, u.display_name]),
    );
    const agents = plans.map((plan) => {
      const timeline = timelines.get(plan.agentId)!;
      const result = computeAdherence({
        activities: plan.activities,
        changes: timeline.changes,
        ...(timeline.initial ? { initial: timeline.initial } : {}),
        from,
        to,
        graceMs: graceMinutes * 60_000,
      });
      return {
        agentId: plan.agentId,
        displayName: names.get(plan.agentId) ?? "",
        adherence: result.adherence,
        conformance: result.conformance,
        scheduledMinutes: minutes(result.scheduledMs),
        inAdherenceMinutes: minutes(result.inAdherenceMs),
        scheduledWorkMinutes: minutes(result.scheduledWorkMs),
        workedMinutes: minutes(result.workedMs),
        episodes: result.episodes.map((e) => ({
          start: new Date(e.start).toISOString(),
          end: new Date(e.end).toISOString(),
          minutes: minutes(e.end - e.start),
          expected: e.expected,
          actual: e.actual,
        })),
      };
    });
    agents.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.agentId.localeCompare(b.agentId));
    return {
      date,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      graceMinutes,
      agents,
    };
  }
}
