import { notFound, type SpecialDay, UserError } from "@sentra/core";
import type { Kysely } from "kysely";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";

type SpecialDayRow = { id: string; day: string; kind: string; name: string; factor: number };

const view = (row: SpecialDayRow) => ({
  id: row.id,
  date: row.day,
  kind: row.kind as SpecialDay["kind"],
  name: row.name,
  factor: Number(row.factor),
});

/** Days the planner marks as not normal (holidays, paydays, campaigns); one per date per tenant. */
export class SpecialDayService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {}

  async list(tenantId: string) {
    const rows = await this.db
      .selectFrom("wfm_special_days")
      .select(["id", "day", "kind", "name", "factor"])
      .where("tenant_id", "=", tenantId)
      .orderBy("day")
      .execute();
    return rows.map(view);
  }

  async create(actor: Actor, day: SpecialDay, origin: Origin) {
    await this.assertFree(actor.tenantId, day.date);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("wfm_special_days")
        .values({
          tenant_id: actor.tenantId,
          day: day.date,
          kind: day.kind,
          name: day.name,
          factor: day.factor,
        })
        .returning(["id", "day", "kind", "name", "factor"])
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "wfm.special_day_created",
          target: { type: "special_day", id: row.id },
          details: { ...day },
          origin,
        },
        trx,
      );
      return view(row);
    });
  }

  async update(actor: Actor, id: string, day: SpecialDay, origin: Origin) {
    await this.assertFree(actor.tenantId, day.date, id);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("wfm_special_days")
        .set({ day: day.date, kind: day.kind, name: day.name, factor: day.factor })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .returning(["id", "day", "kind", "name", "factor"])
        .executeTakeFirst();
      if (!row) throw notFound("special_day", id);
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "wfm.special_day_updated",
          target: { type: "special_day", id },
          details: { ...day },
          origin,
        },
        trx,
      );
      return view(row);
    });
  }

  async remove(actor: Actor, id: string, origin: Origin): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .deleteFrom("wfm_special_days")
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .returning(["day", "name"])
        .executeTakeFirst();
      if (!row) throw notFound("special_day", id);
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "wfm.special_day_deleted",
          target: { type: "special_day", id },
          details: row,
          origin,
        },
        trx,
      );
    });
  }

  private async assertFree(tenantId: string, date: string, exceptId?: string) {
    let query = this.db
      .selectFrom("wfm_special_days")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("day", "=", date);
    if (exceptId) query = query.where("id", "!=", exceptId);
    if (await query.executeTakeFirst()) {
      throw new UserError("conflict", "special_day_exists", `${date} is already marked as a special day.`);
    }
  }
}
