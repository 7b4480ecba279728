import {
  type AgentContractBody,
  agentContractBody,
  conflict,
  notFound,
  type ShiftTemplateBody,
  shiftTemplateBody,
} from "@sentra/core";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database, WfmAgentContractsTable, WfmShiftTemplatesTable } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";

export const shiftTemplateView = z.object({
  id: z.uuid(),
  name: z.string(),
  earliestStartMinute: z.number(),
  latestStartMinute: z.number(),
  startStepMinutes: z.number(),
  lengthMinutes: z.number(),
  weekdays: z.array(z.number()),
  cost: z.number(),
  breaks: z.array(
    z.object({
      kind: z.enum(["break", "lunch"]),
      durationMinutes: z.number(),
      earliestOffsetMinutes: z.number(),
      latestEndOffsetMinutes: z.number(),
      paid: z.boolean(),
    }),
  ),
});
export type ShiftTemplateView = z.infer<typeof shiftTemplateView>;

export const agentContractView = z.object({
  agentId: z.uuid(),
  maxHoursPerWeek: z.number(),
  minRestHours: z.number(),
  minDaysOffPerWeek: z.number(),
  availability: z.array(z.object({ weekday: z.number(), start: z.string(), end: z.string() })).nullable(),
  prayerOptIn: z.boolean(),
  /** False when no contract is stored and these are the defaults the scheduler uses. */
  stored: z.boolean(),
});
export type AgentContractView = z.infer<typeof agentContractView>;

/** What an agent without a stored contract is scheduled under. */
export const DEFAULT_CONTRACT: AgentContractBody = {
  maxHoursPerWeek: 40,
  minRestHours: 11,
  minDaysOffPerWeek: 2,
  availability: null,
  prayerOptIn: false,
};

const templateView = (row: Selectable<WfmShiftTemplatesTable>): ShiftTemplateView => ({
  id: row.id,
  name: row.name,
  earliestStartMinute: row.earliest_start_minute,
  latestStartMinute: row.latest_start_minute,
  startStepMinutes: row.start_step_minutes,
  lengthMinutes: row.length_minutes,
  weekdays: row.days,
  cost: row.cost,
  breaks: shiftTemplateBody.shape.breaks.parse(row.breaks),
});

const contractView = (
  agentId: string,
  row: Selectable<WfmAgentContractsTable> | undefined,
): AgentContractView =>
  row
    ? {
        agentId,
        maxHoursPerWeek: row.max_minutes_per_week / 60,
        minRestHours: row.min_rest_minutes / 60,
        minDaysOffPerWeek: row.min_days_off,
        availability: agentContractBody.shape.availability.parse(row.availability),
        prayerOptIn: row.prayer_opt_in,
        stored: true,
      }
    : { agentId, ...DEFAULT_CONTRACT, stored: false };

/** Shift templates and per-agent contracts: the inputs a planner maintains before generating schedules. */
export class ScheduleSetupService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {}

  async listTemplates(tenantId: string): Promise<ShiftTemplateView[]> {
    const rows = await this.db
      .selectFrom("wfm_shift_templates")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .orderBy("name")
      .execute();
    return rows.map(templateView);
  }

  async getTemplate(actor: Actor, id: string): Promise<ShiftTemplateView> {
    const row = await this.db
      .selectFrom("wfm_shift_templates")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("shift_template", id);
    return templateView(row);
  }

  async saveTemplate(
    actor: Actor,
    id: string | undefined,
    body: ShiftTemplateBody,
    origin: Origin,
  ): Promise<ShiftTemplateView> {
    if (id) await this.getTemplate(actor, id);
    const clash = await this.db
      .selectFrom("wfm_shift_templates")
      .select("id")
      .where("tenant_id", "=", actor.tenantId)
      .where("name", "=", body.name)
      .executeTakeFirst();
    if (clash && clash.id !== id) {
      throw conflict("shift_template_name_taken", `A shift template named "${body.name}" already exists.`);
    }
    const values = {
      name: body.name,
      earliest_start_minute: body.earliestStartMinute,
      latest_start_minute: body.latestStartMinute,
      start_step_minutes: body.startStepMinutes,
      length_minutes: body.lengthMinutes,
      days: JSON.stringify([...new Set(body.weekdays)].sort()),
      cost: body.cost,
      breaks: JSON.stringify(body.breaks),
    };
    return this.db.transaction().execute(async (trx) => {
      const row = id
        ? await trx
            .updateTable("wfm_shift_templates")
            .set({ ...values, updated_at: new Date() })
            .where("tenant_id", "=", actor.tenantId)
            .where("id", "=", id)
            .returningAll()
            .executeTakeFirstOrThrow()
        : await trx
            .insertInto("wfm_shift_templates")
            .values({ ...values, tenant_id: actor.tenantId })
            .returningAll()
            .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: id ? "wfm.shift_template.updated" : "wfm.shift_template.created",
          target: { type: "shift_template", id: row.id },
          details: { ...body },
          origin,
        },
        trx,
      );
      return templateView(row);
    });
  }

  async removeTemplate(actor: Actor, id: string, origin: Origin): Promise<void> {
    const template = await this.getTemplate(actor, id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom("wfm_shift_templates")
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "wfm.shift_template.deleted",
          target: { type: "shift_template", id },
          details: { name: template.name },
          origin,
        },
        trx,
      );
    });
  }

  /** Contracts of every agent-role user in the tenant, stored or default. */
  async listContracts(tenantId: string): Promise<AgentContractView[]> {
    const agents = await this.db
      .selectFrom("users")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("role", "=", "agent")
      .where("disabled", "=", false)
      .orderBy("display_name")
      .execute();
    const rows = await this.#contractRows(tenantId);
    return agents.map((agent) => contractView(agent.id, rows.get(agent.id)));
  }

  async getContract(actor: Actor, agentId: string): Promise<AgentContractView> {
    await this.#assertUser(actor.tenantId, agentId);
    const row = await this.db
      .selectFrom("wfm_agent_contracts")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("user_id", "=", agentId)
      .executeTakeFirst();
    return contractView(agentId, row);
  }

  async saveContract(
    actor: Actor,
    agentId: string,
    body: AgentContractBody,
    origin: Origin,
  ): Promise<AgentContractView> {
    await this.#assertUser(actor.tenantId, agentId);
    const values = {
      max_minutes_per_week: Math.round(body.maxHoursPerWeek * 60),
      min_rest_minutes: Math.round(body.minRestHours * 60),
      min_days_off: body.minDaysOffPerWeek,
      availability: JSON.stringify(body.availability),
      prayer_opt_in: body.prayerOptIn,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("wfm_agent_contracts")
        .values({ ...values, user_id: agentId, tenant_id: actor.tenantId })
        .onConflict((oc) => oc.column("user_id").doUpdateSet({ ...values, updated_at: new Date() }))
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "wfm.agent_contract.saved",
          target: { type: "user", id: agentId },
          details: { ...body },
          origin,
        },
        trx,
      );
    });
    return this.getContract(actor, agentId);
  }

  async contractRows(tenantId: string): Promise<Map<string, Selectable<WfmAgentContractsTable>>> {
    return this.#contractRows(tenantId);
  }

  async #contractRows(tenantId: string): Promise<Map<string, Selectable<WfmAgentContractsTable>>> {
    const rows = await this.db
      .selectFrom("wfm_agent_contracts")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .execute();
    return new Map(rows.map((row) => [row.user_id, row]));
  }

  async #assertUser(tenantId: string, userId: string): Promise<void> {
    const user = await this.db
      .selectFrom("users")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("id", "=", userId)
      .executeTakeFirst();
    if (!user) throw notFound("user", userId);
  }
}

export { contractView };
