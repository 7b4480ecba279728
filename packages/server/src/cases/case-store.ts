import { notFound } from "@sentra/core";
import type { Kysely, Transaction, Updateable } from "kysely";
import type { CaseRow, CasesTable, Database } from "../db/schema.js";
import type { Actor } from "../tenancy/actor.js";

/** Who did something to a case: a person, an integration, or the SLA job. */
export type CaseActor = Pick<Actor, "kind" | "id"> | { kind: "system"; id: null };

export interface CaseEventInput {
  readonly type:
    | "created"
    | "updated"
    | "status_changed"
    | "note"
    | "escalated"
    | "interaction_linked"
    | "assigned"
    | "follow_up_created";
  readonly data: Record<string, unknown>;
}

/** Reads a case of the tenant, locking it for the rest of the transaction so concurrent changes queue up. */
export async function lockCase(trx: Transaction<Database>, tenantId: string, id: string): Promise<CaseRow> {
  const row = await trx
    .selectFrom("cases")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("case", id);
  return row;
}

export async function findCase(db: Kysely<Database>, tenantId: string, id: string): Promise<CaseRow> {
  const row = await db
    .selectFrom("cases")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("case", id);
  return row;
}

export async function saveCase(
  trx: Transaction<Database>,
  row: CaseRow,
  changes: Updateable<CasesTable>,
  now: number,
): Promise<CaseRow> {
  return trx
    .updateTable("cases")
    .set({ ...changes, updated_at: new Date(now) })
    .where("tenant_id", "=", row.tenant_id)
    .where("id", "=", row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Appends to the case timeline; the table refuses updates and deletes. */
export async function appendCaseEvents(
  trx: Transaction<Database>,
  row: Pick<CaseRow, "tenant_id" | "id">,
  actor: CaseActor,
  now: number,
  events: readonly CaseEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto("case_events")
    .values(
      events.map((event) => ({
        tenant_id: row.tenant_id,
        case_id: row.id,
        type: event.type,
        at: new Date(now),
        actor_type: actor.kind,
        actor_id: actor.id,
        data: JSON.stringify(event.data),
      })),
    )
    .execute();
}
