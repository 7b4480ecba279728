import type { Kysely } from "kysely";
import type { AuditRow, Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";

export interface AuditEntry {
  tenantId: string | null;
  actor: Pick<Actor, "kind" | "id"> | { kind: "system" | "anonymous"; id: string | null };
  action: string;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
  origin?: Origin;
}

/**
 * Append-only record of security-relevant and configuration changes: who, what, when, from where.
 * The database refuses UPDATE and DELETE on the table (see migration 0001), so this class only inserts.
 */
export class AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  async record(entry: AuditEntry, db: Kysely<Database> = this.db): Promise<void> {
    await db
      .insertInto("audit_log")
      .values({
        tenant_id: entry.tenantId,
        actor_type: entry.actor.kind,
        actor_id: entry.actor.id,
        action: entry.action,
        target_type: entry.target?.type ?? null,
        target_id: entry.target?.id ?? null,
        details: JSON.stringify(entry.details ?? {}),
        ip: entry.origin?.ip ?? null,
        user_agent: entry.origin?.userAgent ?? null,
      })
      .execute();
  }

  /** Newest first, keyset-paginated by id. */
  async list(tenantId: string, limit: number, beforeId?: number): Promise<AuditRow[]> {
    let query = this.db
      .selectFrom("audit_log")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .orderBy("id", "desc")
      .limit(limit);
    if (beforeId !== undefined) query = query.where("id", "<", beforeId);
    return query.execute();
  }
}
