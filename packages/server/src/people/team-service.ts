import { conflict, notFound, type TeamBody, UserError } from "@sentra/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database, TeamRow } from "../db/schema.js";
import { decodeCursor, type Page, type PageQuery, toPage } from "../http/pagination.js";
import { type EventBus, newEvent } from "../realtime/event-bus.js";
import type { Actor, Origin } from "../tenancy/actor.js";

export const teamView = z.object({
  id: z.uuid(),
  name: z.string(),
  memberIds: z.array(z.uuid()),
  createdAt: z.string(),
});
export type TeamView = z.infer<typeof teamView>;

// The request contract lives in the core so the web app validates forms with the same rules.
export { type TeamBody, teamBody } from "@sentra/core";

const teamCursor = z.tuple([z.string(), z.string()]);

export class TeamService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly bus: EventBus,
  ) {}

  async list(actor: Actor, page: PageQuery): Promise<Page<TeamView>> {
    let query = this.db
      .selectFrom("teams")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .orderBy("name")
      .orderBy("id")
      .limit(page.limit + 1);
    if (page.cursor) {
      const [name, id] = decodeCursor(page.cursor, teamCursor);
      query = query.where((eb) =>
        eb.or([eb("name", ">", name), eb.and([eb("name", "=", name), eb("id", ">", id)])]),
      );
    }
    const rows = await query.execute();
    const members = await this.#membersOf(
      actor.tenantId,
      rows.map((r) => r.id),
    );
    return toPage(
      rows,
      page.limit,
      (row) => this.#view(row, members.get(row.id) ?? []),
      (row) => [row.name, row.id],
    );
  }

  async get(actor: Actor, id: string): Promise<TeamView> {
    const row = await this.#find(actor, id);
    const members = await this.#membersOf(actor.tenantId, [id]);
    return this.#view(row, members.get(id) ?? []);
  }

  async create(actor: Actor, body: TeamBody, origin: Origin): Promise<TeamView> {
    await this.#assertNameFree(actor.tenantId, body.name);
    const row = await this.db.transaction().execute(async (trx) => {
      const team = await trx
        .insertInto("teams")
        .values({ tenant_id: actor.tenantId, name: body.name })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.#replaceMembers(trx, actor.tenantId, team.id, body.memberIds);
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "team.created",
          target: { type: "team", id: team.id },
          details: { ...body },
          origin,
        },
        trx,
      );
      return team;
    });
    return this.#published(actor, "team.created", this.#view(row, body.memberIds));
  }

  async update(actor: Actor, id: string, body: Partial<TeamBody>, origin: Origin): Promise<TeamView> {
    const current = await this.#find(actor, id);
    if (body.name && body.name !== current.name) await this.#assertNameFree(actor.tenantId, body.name);
    await this.db.transaction().execute(async (trx) => {
      if (body.name) {
        await trx
          .updateTable("teams")
          .set({ name: body.name })
          .where("tenant_id", "=", actor.tenantId)
          .where("id", "=", id)
          .execute();
      }
      if (body.memberIds) await this.#replaceMembers(trx, actor.tenantId, id, body.memberIds);
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "team.updated",
          target: { type: "team", id },
          details: body,
          origin,
        },
        trx,
      );
    });
    return this.#published(actor, "team.updated", await this.get(actor, id));
  }

  async remove(actor: Actor, id: string, origin: Origin): Promise<void> {
    const team = await this.#find(actor, id);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("teams").where("tenant_id", "=", actor.tenantId).where("id", "=", id).execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "team.deleted",
          target: { type: "team", id },
          details: { name: team.name },
          origin,
        },
        trx,
      );
    });
    await this.bus.publish(newEvent(actor.tenantId, "tenant", "team.deleted", { id }));
  }

  async #replaceMembers(trx: Kysely<Database>, tenantId: string, teamId: string, memberIds: string[]) {
    const unique = [...new Set(memberIds)];
    if (unique.length > 0) {
      // Members must be users of the same tenant: a foreign id is reported, not silently linked.
      const found = await trx
        .selectFrom("users")
        .select("id")
        .where("tenant_id", "=", tenantId)
        .where("id", "in", unique)
        .execute();
      const known = new Set(found.map((r) => r.id));
      const unknown = unique.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new UserError("invalid", "unknown_members", "Some member ids are not users of this tenant.", {
          unknown,
        });
      }
    }
    await trx
      .deleteFrom("team_members")
      .where("tenant_id", "=", tenantId)
      .where("team_id", "=", teamId)
      .execute();
    if (unique.length > 0) {
      await trx
        .insertInto("team_members")
        .values(unique.map((user_id) => ({ tenant_id: tenantId, team_id: teamId, user_id })))
        .execute();
    }
  }

  async #membersOf(tenantId: string, teamIds: string[]): Promise<Map<string, string[]>> {
    const byTeam = new Map<string, string[]>();
    if (teamIds.length === 0) return byTeam;
    const rows = await this.db
      .selectFrom("team_members")
      .select(["team_id", "user_id"])
      .where("tenant_id", "=", tenantId)
      .where("team_id", "in", teamIds)
      .orderBy("user_id")
      .execute();
    for (const row of rows) byTeam.set(row.team_id, [...(byTeam.get(row.team_id) ?? []), row.user_id]);
    return byTeam;
  }

  async #assertNameFree(tenantId: string, name: string): Promise<void> {
    const taken = await this.db
      .selectFrom("teams")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("name", "=", name)
      .executeTakeFirst();
    if (taken) throw conflict("team_name_taken", `A team named "${name}" already exists.`);
  }

  async #find(actor: Actor, id: string): Promise<TeamRow> {
    const row = await this.db
      .selectFrom("teams")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("team", id);
    return row;
  }

  #view(row: TeamRow, memberIds: string[]): TeamView {
    return { id: row.id, name: row.name, memberIds, createdAt: row.created_at.toISOString() };
  }

  async #published(actor: Actor, type: string, view: TeamView): Promise<TeamView> {
    await this.bus.publish(newEvent(actor.tenantId, "tenant", type, view));
    return view;
  }
}
