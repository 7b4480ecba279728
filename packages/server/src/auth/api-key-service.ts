import { type ApiKeyBody, notFound, ROLES } from "@sentra/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../audit/audit-log.js";
import type { ApiKeyRow, Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { newApiKey } from "./api-key-format.js";
import { sha256 } from "./secrets.js";

export const apiKeyView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyView>;

// The request contract lives in the core so the web app validates forms with the same rules.
export { apiKeyBody } from "@sentra/core";

const toView = (row: ApiKeyRow): ApiKeyView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  role: row.role as ApiKeyView["role"],
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** API keys for integrations. The full key is shown once, at creation; only a hash of its secret is kept. */
export class ApiKeyService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly onRevoked: (id: string) => void = () => {},
  ) {}

  async list(actor: Actor): Promise<ApiKeyView[]> {
    const rows = await this.db
      .selectFrom("api_keys")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .orderBy("created_at", "desc")
      .execute();
    return rows.map(toView);
  }

  async create(actor: Actor, body: ApiKeyBody, origin: Origin): Promise<ApiKeyView & { key: string }> {
    const { key, prefix, secret } = newApiKey();
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("api_keys")
        .values({
          tenant_id: actor.tenantId,
          name: body.name,
          prefix,
          secret_hash: sha256(secret),
          role: body.role,
          created_by: actor.kind === "user" ? actor.id : null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "api_key.created",
          target: { type: "api_key", id: created.id },
          details: { name: body.name, role: body.role, prefix },
          origin,
        },
        trx,
      );
      return created;
    });
    return { ...toView(row), key };
  }

  async revoke(actor: Actor, id: string, origin: Origin): Promise<ApiKeyView> {
    const row = await this.db.transaction().execute(async (trx) => {
      const revoked = await trx
        .updateTable("api_keys")
        .set({ revoked_at: new Date() })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
      if (!revoked) throw notFound("api_key", id);
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "api_key.revoked",
          target: { type: "api_key", id },
          origin,
        },
        trx,
      );
      return revoked;
    });
    this.onRevoked(id);
    return toView(row);
  }
}
