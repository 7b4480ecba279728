import { conflict, notFound } from "@sentra/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../audit/audit-log.js";
import type { AuthService } from "../auth/auth-service.js";
import { hashPassword } from "../auth/secrets.js";
import type { Database, UserRow } from "../db/schema.js";
import { decodeCursor, type Page, type PageQuery, toPage } from "../http/pagination.js";
import { type EventBus, newEvent } from "../realtime/event-bus.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { type NewUserBody, toUserView, type UserPatchBody, type UserView } from "./user-views.js";

const userCursor = z.tuple([z.string(), z.string()]);

/** Users of one tenant. Every method takes the acting user; the tenant comes from them and nowhere else. */
export class UserService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly auth: AuthService,
    private readonly bus: EventBus,
  ) {}

  async list(actor: Actor, page: PageQuery): Promise<Page<UserView>> {
    let query = this.db
      .selectFrom("users")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .orderBy("email")
      .orderBy("id")
      .limit(page.limit + 1);
    if (page.cursor) {
      const [email, id] = decodeCursor(page.cursor, userCursor);
      query = query.where((eb) =>
        eb.or([eb("email", ">", email), eb.and([eb("email", "=", email), eb("id", ">", id)])]),
      );
    }
    const rows = await query.execute();
    return toPage(rows, page.limit, toUserView, (row) => [row.email, row.id]);
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    return toUserView(await this.#find(actor, id));
  }

  async create(actor: Actor | null, tenantId: string, body: NewUserBody, origin?: Origin): Promise<UserView> {
    const taken = await this.db
      .selectFrom("users")
      .select("id")
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", body.email.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw conflict("email_taken", `A user with the email ${body.email} already exists.`);
    const passwordHash = body.password ? await hashPassword(body.password) : null;
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("users")
        .values({
          tenant_id: tenantId,
          email: body.email,
          display_name: body.displayName,
          role: body.role,
          locale: body.locale,
          password_hash: passwordHash,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId,
          actor: actor ?? { kind: "system", id: null },
          action: "user.created",
          target: { type: "user", id: created.id },
          details: { email: body.email, role: body.role, passwordSet: passwordHash !== null },
          ...(origin ? { origin } : {}),
        },
        trx,
      );
      return created;
    });
    const view = toUserView(row);
    await this.bus.publish(newEvent(tenantId, "tenant", "user.created", view));
    return view;
  }

  async update(actor: Actor, id: string, patch: UserPatchBody, origin: Origin): Promise<UserView> {
    const current = await this.#find(actor, id);
    if (id === actor.id && (patch.disabled === true || (patch.role && patch.role !== current.role))) {
      throw conflict("cannot_demote_self", "You cannot disable yourself or change your own role.");
    }
    const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
    const row = await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable("users")
        .set({
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
          ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
          ...(passwordHash ? { password_hash: passwordHash, failed_logins: 0, locked_until: null } : {}),
          updated_at: new Date(),
        })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (patch.disabled || passwordHash || (patch.role && patch.role !== current.role)) {
        await this.auth.endSessionsOf(id, trx);
      }
      const { password: _secret, ...changed } = patch;
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "user.updated",
          target: { type: "user", id },
          details: { changed: { ...changed, ...(passwordHash ? { password: "(changed)" } : {}) } },
          origin,
        },
        trx,
      );
      return updated;
    });
    const view = toUserView(row);
    await this.bus.publish(newEvent(actor.tenantId, "tenant", "user.updated", view));
    return view;
  }

  async #find(actor: Actor, id: string): Promise<UserRow> {
    const row = await this.db
      .selectFrom("users")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("user", id);
    return row;
  }
}
