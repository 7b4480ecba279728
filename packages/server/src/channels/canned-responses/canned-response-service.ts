import {
  type CannedResponseBody,
  type CannedResponseFilters,
  type CannedResponsePatch,
  conflict,
  notFound,
} from "@sentra/core";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../../audit/audit-log.js";
import type { CannedResponsesTable, Database } from "../../db/schema.js";
import type { Actor, Origin } from "../../tenancy/actor.js";

export const cannedResponseView = z.object({
  id: z.string(),
  language: z.enum(["id", "en"]),
  shortcut: z.string(),
  title: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});
export type CannedResponseView = z.infer<typeof cannedResponseView>;

const toView = (row: Selectable<CannedResponsesTable>): CannedResponseView => ({
  id: row.id,
  language: row.language,
  shortcut: row.shortcut,
  title: row.title,
  body: row.body,
  updatedAt: row.updated_at.toISOString(),
});

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";

const shortcutTaken = (shortcut: string, language: string) =>
  conflict(
    "canned_response_shortcut_taken",
    `The shortcut /${shortcut} is already used by another ${language} canned response.`,
  );

/**
 * A tenant's canned responses. Agents read them (the composer's picker); admins write them. Bodies keep
 * their placeholders: the desk renders them with the conversation it inserts into.
 */
export class CannedResponseService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor, filters: CannedResponseFilters): Promise<{ items: CannedResponseView[] }> {
    let query = this.db
      .selectFrom("canned_responses")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .orderBy("language")
      .orderBy("shortcut");
    if (filters.language) query = query.where("language", "=", filters.language);
    return { items: (await query.execute()).map(toView) };
  }

  async create(actor: Actor, body: CannedResponseBody, origin: Origin): Promise<CannedResponseView> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("canned_responses")
          .values({ tenant_id: actor.tenantId, ...body })
          .returningAll()
          .executeTakeFirstOrThrow();
        await this.#audit(trx, actor, "canned_response.created", row, origin);
        return toView(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw shortcutTaken(body.shortcut, body.language);
      throw error;
    }
  }

  async update(
    actor: Actor,
    id: string,
    patch: CannedResponsePatch,
    origin: Origin,
  ): Promise<CannedResponseView> {
    const current = await this.#row(actor.tenantId, id);
    try {
      return await this.db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable("canned_responses")
          .set({ ...patch, updated_at: new Date() })
          .where("tenant_id", "=", actor.tenantId)
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await this.#audit(trx, actor, "canned_response.updated", row, origin);
        return toView(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw shortcutTaken(patch.shortcut ?? current.shortcut, patch.language ?? current.language);
      }
      throw error;
    }
  }

  async delete(actor: Actor, id: string, origin: Origin): Promise<void> {
    const row = await this.#row(actor.tenantId, id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom("canned_responses")
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await this.#audit(trx, actor, "canned_response.deleted", row, origin);
    });
  }

  async #audit(
    trx: Kysely<Database>,
    actor: Actor,
    action: string,
    row: Selectable<CannedResponsesTable>,
    origin: Origin,
  ): Promise<void> {
    await this.audit.record(
      {
        tenantId: actor.tenantId,
        actor,
        action,
        target: { type: "canned_response", id: row.id },
        details: { shortcut: row.shortcut, language: row.language },
        origin,
      },
      trx,
    );
  }

  async #row(tenantId: string, id: string): Promise<Selectable<CannedResponsesTable>> {
    const row = await this.db
      .selectFrom("canned_responses")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("canned response", id);
    return row;
  }
}
