import {
  type Clock,
  conflict,
  contractViolations,
  coverageSummary,
  type GenerateScheduleBody,
  notFound,
  type PrayerRule,
  placeBreaks,
  type ScheduledShift,
  type SchedulingProblem,
  type ShiftPatchBody,
  UserError,
} from "@sentra/core";
import type { Kysely, Selectable } from "kysely";
import type { Logger } from "pino";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database, WfmScheduledShiftsTable, WfmSchedulesTable } from "../db/schema.js";
import { type EventBus, newEvent } from "../realtime/event-bus.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { scheduleWeek } from "./milp-solver.js";
import type { ScheduleSetupService } from "./schedule-setup-service.js";
import {
  type ScheduleSummaryView,
  type ScheduleView,
  type ShiftView,
  toShiftView,
} from "./schedule-views.js";
import {
  instant,
  type PlanningWeek,
  planningWeek,
  toPrayerRule,
  toSchedulingAgent,
  toSchedulingTemplate,
} from "./schedule-week.js";

/** Plan details kept with a schedule so later edits are checked by the same rules it was generated under. */
interface StoredPlan {
  solver: ScheduleView["solver"];
  underStaffPenalty: number;
  prayer: PrayerRule | null;
}

type ScheduleRow = Selectable<WfmSchedulesTable>;
type ShiftRow = Selectable<WfmScheduledShiftsTable>;

const SHIFT_INSERT_BATCH = 500;

/** Generates weekly schedules, lets planners adjust and publish them, and shows agents their own shifts. */
export class ScheduleService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly bus: EventBus,
    private readonly setup: ScheduleSetupService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async generate(actor: Actor, body: GenerateScheduleBody, origin: Origin): Promise<ScheduleView> {
    const week = await this.#week(actor.tenantId, body.weekStart);
    const problem = await this.#problem(actor, week, body);
    const result = await scheduleWeek(problem, { timeLimitSeconds: body.timeLimitSeconds });
    this.logger.info(
      { tenantId: actor.tenantId, agents: problem.agents.length, solver: result.solver },
      "schedule generated",
    );
    const plan: StoredPlan = {
      solver: result.solver,
      underStaffPenalty: body.underStaffPenalty,
      prayer: problem.prayer ?? null,
    };
    const id = await this.db.transaction().execute(async (trx) => {
      const schedule = await trx
        .insertInto("wfm_schedules")
        .values({
          tenant_id: actor.tenantId,
          team_id: body.teamId ?? null,
          week_start: week.weekStart,
          starts_at: new Date(week.startsAt),
          interval_minutes: body.intervalMinutes,
          status: "draft",
          requirement: JSON.stringify(body.requirement),
          solver: JSON.stringify(plan),
          shift_cost: result.shiftCost,
          created_by: actor.kind === "user" ? actor.id : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const rows = result.shifts.map((shift) => this.#shiftValues(actor.tenantId, schedule.id, week, shift));
      for (let i = 0; i < rows.length; i += SHIFT_INSERT_BATCH) {
        await trx
          .insertInto("wfm_scheduled_shifts")
          .values(rows.slice(i, i + SHIFT_INSERT_BATCH))
          .execute();
      }
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "wfm.schedule.generated",
          target: { type: "schedule", id: schedule.id },
          details: {
            weekStart: week.weekStart,
            teamId: body.teamId ?? null,
            shifts: rows.length,
            solver: result.solver,
            cost: result.cost,
          },
          origin,
        },
        trx,
      );
      return schedule.id;
    });
    return this.get(actor, id);
  }

  /** Schedules of a week (or all, newest first), without their shifts. */
  async list(actor: Actor, weekStart: string | undefined): Promise<ScheduleSummaryView[]> {
    let query = this.db
      .selectFrom("wfm_schedules as w")
      .selectAll("w")
      .select((eb) =>
        eb
          .selectFrom("wfm_scheduled_shifts as s")
          .select((inner) => inner.fn.countAll<string>().as("n"))
          .whereRef("s.schedule_id", "=", "w.id")
          .where("s.tenant_id", "=", actor.tenantId)
          .as("shift_count"),
      )
      .where("w.tenant_id", "=", actor.tenantId)
      .orderBy("w.created_at", "desc")
      .limit(200);
    if (weekStart) query = query.where("w.week_start", "=", weekStart);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      teamId: row.team_id,
      weekStart: row.week_start,
      status: row.status,
      publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
      solver: (row.solver as unknown as StoredPlan).solver,
      shiftCost: row.shift_cost,
      shifts: Number(row.shift_count ?? 0),
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }

  async get(actor: Actor, id: string): Promise<ScheduleView> {
    const row = await this.#schedule(actor, id);
    const shifts = await this.db
      .selectFrom("wfm_scheduled_shifts")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("schedule_id", "=", id)
      .orderBy("start_minute")
      .orderBy("agent_id")
      .execute();
    return this.#view(row, shifts);
  }

  async moveShift(
    actor: Actor,
    scheduleId: string,
    shiftId: string,
    body: ShiftPatchBody,
    origin: Origin,
  ): Promise<ShiftView> {
    const schedule = await this.#schedule(actor, scheduleId);
    const week = weekOf(schedule);
    const shift = await this.db
      .selectFrom("wfm_scheduled_shifts")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("schedule_id", "=", scheduleId)
      .where("id", "=", shiftId)
      .executeTakeFirst();
    if (!shift) throw notFound("shift", shiftId);
    const agentId = body.agentId ?? shift.agent_id;
    const plan = schedule.solver as unknown as StoredPlan;
    const agent = toSchedulingAgent(week, await this.setup.getContract(actor, agentId));
    const others = await this.db
      .selectFrom("wfm_scheduled_shifts")
      .select(["day", "start_minute", "end_minute"])
      .where("tenant_id", "=", actor.tenantId)
      .where("schedule_id", "=", scheduleId)
      .where("agent_id", "=", agentId)
      .where("id", "!=", shiftId)
      .execute();
    const moved = { day: Math.floor(body.start / 1440), start: body.start, end: body.end };
    const violations = contractViolations(
      agent,
      [...others.map((o) => ({ day: o.day, start: o.start_minute, end: o.end_minute })), moved],
      plan.prayer ?? undefined,
    );
    if (violations.length > 0) {
      throw new UserError(
        "invalid",
        "contract_violation",
        `The move breaks the agent's contract: ${violations.map((v) => v.message).join(" ")}`,
        { violations },
      );
    }
    const template = shift.template_id
      ? await this.setup.getTemplate(actor, shift.template_id).catch(() => undefined)
      : undefined;
    const [placed] = placeBreaks(
      [
        {
          agent,
          template: template
            ? toSchedulingTemplate(week, template)
            : {
                id: "",
                name: "",
                earliestStartMinute: 0,
                latestStartMinute: 0,
                startStepMinutes: 60,
                lengthMinutes: 0,
                days: [],
                cost: 0,
                breaks: [],
              },
          ...moved,
        },
      ],
      schedule.requirement,
      schedule.interval_minutes,
      plan.prayer ?? undefined,
    );
    const updated = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("wfm_scheduled_shifts")
        .set({
          agent_id: agentId,
          day: moved.day,
          start_minute: moved.start,
          end_minute: moved.end,
          starts_at: instant(week, moved.start),
          ends_at: instant(week, moved.end),
          activities: JSON.stringify(placed!.activities),
          updated_at: new Date(this.clock.now()),
        })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", shiftId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "wfm.schedule.shift_moved",
          target: { type: "schedule", id: scheduleId },
          details: {
            shiftId,
            from: { agentId: shift.agent_id, start: shift.start_minute, end: shift.end_minute },
            to: { agentId, start: moved.start, end: moved.end },
          },
          origin,
        },
        trx,
      );
      return row;
    });
    const view = toShiftView(week, updated);
    if (schedule.status === "published") {
      for (const affected of new Set([shift.agent_id, agentId])) {
        await this.bus.publish(
          newEvent(actor.tenantId, `agent:${affected}`, "wfm.shift_changed", { scheduleId, shift: view }),
        );
      }
    }
    return view;
  }

  async publish(actor: Actor, id: string, origin: Origin): Promise<ScheduleView> {
    const schedule = await this.#schedule(actor, id);
    if (schedule.status === "published") {
      throw conflict("schedule_already_published", "This schedule is already published.");
    }
    const now = new Date(this.clock.now());
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("wfm_schedules")
        .set({ status: "published", published_at: now, published_by: actor.id })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "wfm.schedule.published",
          target: { type: "schedule", id },
          details: { weekStart: schedule.week_start, teamId: schedule.team_id },
          origin,
        },
        trx,
      );
    });
    const view = await this.get(actor, id);
    const byAgent = new Map<string, ShiftView[]>();
    for (const shift of view.shifts)
      byAgent.set(shift.agentId, [...(byAgent.get(shift.agentId) ?? []), shift]);
    for (const [agentId, shifts] of byAgent) {
      await this.bus.publish(
        newEvent(actor.tenantId, `agent:${agentId}`, "wfm.schedule_published", {
          scheduleId: id,
          weekStart: view.weekStart,
          shifts,
        }),
      );
    }
    return view;
  }

  /** The caller's own shifts in the published schedules of the week starting on `weekStart`. */
  async mine(actor: Actor, weekStart: string): Promise<{ weekStart: string; shifts: ShiftView[] }> {
    const rows = await this.db
      .selectFrom("wfm_scheduled_shifts as s")
      .innerJoin("wfm_schedules as w", "w.id", "s.schedule_id")
      .selectAll("s")
      .select(["w.starts_at as week_starts_at", "w.week_start"])
      .where("s.tenant_id", "=", actor.tenantId)
      .where("w.tenant_id", "=", actor.tenantId)
      .where("w.status", "=", "published")
      .where("w.week_start", "=", weekStart)
      .where("s.agent_id", "=", actor.id)
      .orderBy("s.start_minute")
      .execute();
    return {
      weekStart,
      shifts: rows.map((row) =>
        toShiftView({ weekStart, startsAt: new Date(row.week_starts_at).getTime(), firstWeekday: 0 }, row),
      ),
    };
  }

  async #week(tenantId: string, weekStart: string): Promise<PlanningWeek> {
    const tenant = await this.db
      .selectFrom("tenants")
      .select("time_zone")
      .where("id", "=", tenantId)
      .executeTakeFirstOrThrow();
    return planningWeek(tenant.time_zone, weekStart);
  }

  async #problem(actor: Actor, week: PlanningWeek, body: GenerateScheduleBody): Promise<SchedulingProblem> {
    const all = await this.setup.listTemplates(actor.tenantId);
    const templates = body.templateIds ? all.filter((t) => body.templateIds!.includes(t.id)) : all;
    for (const id of body.templateIds ?? []) {
      if (!all.some((t) => t.id === id)) throw notFound("shift_template", id);
    }
    if (templates.length === 0) {
      throw new UserError(
        "invalid",
        "no_shift_templates",
        "Create at least one shift template before generating.",
      );
    }
    let agents = await this.setup.listContracts(actor.tenantId);
    if (body.teamId) {
      const team = await this.db
        .selectFrom("teams")
        .select("id")
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", body.teamId)
        .executeTakeFirst();
      if (!team) throw notFound("team", body.teamId);
      const members = await this.db
        .selectFrom("team_members")
        .select("user_id")
        .where("tenant_id", "=", actor.tenantId)
        .where("team_id", "=", body.teamId)
        .execute();
      const ids = new Set(members.map((m) => m.user_id));
      agents = agents.filter((a) => ids.has(a.agentId));
    }
    const prayer = toPrayerRule(week, body.prayer);
    return {
      intervalMinutes: body.intervalMinutes,
      requirement: body.requirement,
      templates: templates.map((t) => toSchedulingTemplate(week, t)),
      agents: agents.map((a) => toSchedulingAgent(week, a)),
      ...(prayer ? { prayer } : {}),
      underStaffPenalty: body.underStaffPenalty,
    };
  }

  async #schedule(actor: Actor, id: string): Promise<ScheduleRow> {
    const row = await this.db
      .selectFrom("wfm_schedules")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("schedule", id);
    return row;
  }

  #shiftValues(tenantId: string, scheduleId: string, week: PlanningWeek, shift: ScheduledShift) {
    return {
      tenant_id: tenantId,
      schedule_id: scheduleId,
      agent_id: shift.agentId,
      template_id: shift.templateId,
      day: shift.day,
      start_minute: shift.start,
      end_minute: shift.end,
      starts_at: instant(week, shift.start),
      ends_at: instant(week, shift.end),
      activities: JSON.stringify(shift.activities),
    };
  }

  #view(row: ScheduleRow, shifts: ShiftRow[]): ScheduleView {
    const week = weekOf(row);
    const plan = row.solver as unknown as StoredPlan;
    const summary = coverageSummary(
      shifts.map((s) => ({
        agentId: s.agent_id,
        templateId: s.template_id ?? "",
        day: s.day,
        start: s.start_minute,
        end: s.end_minute,
        activities: s.activities as ScheduledShift["activities"],
      })),
      row.requirement,
      row.interval_minutes,
    );
    return {
      id: row.id,
      teamId: row.team_id,
      weekStart: row.week_start,
      startsAt: new Date(row.starts_at).toISOString(),
      intervalMinutes: row.interval_minutes,
      status: row.status,
      publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
      publishedBy: row.published_by,
      solver: plan.solver,
      underStaffPenalty: plan.underStaffPenalty,
      shiftCost: row.shift_cost,
      cost: Math.round((row.shift_cost + summary.totalShortfall * plan.underStaffPenalty) * 100) / 100,
      requirement: row.requirement,
      ...summary,
      shifts: shifts.map((s) => toShiftView(week, s)),
    };
  }
}

const weekOf = (row: ScheduleRow): PlanningWeek => ({
  weekStart: row.week_start,
  startsAt: new Date(row.starts_at).getTime(),
  firstWeekday: 0,
});
