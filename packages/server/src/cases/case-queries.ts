import { type CaseFilters, UserError } from "@sentra/core";
import type { ExpressionBuilder, Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../db/schema.js";
import { decodeCursor, type Page, type PageQuery, toPage } from "../http/pagination.js";
import { type CaseView, toCaseView } from "./case-views.js";

const caseCursor = z.tuple([z.string(), z.uuid()]);

/** Newest cases first, with the list filters; `overdue` means active and past the resolution due time. */
export async function listCases(
  db: Kysely<Database>,
  tenantId: string,
  filters: CaseFilters & PageQuery,
  now: number,
): Promise<Page<CaseView>> {
  let query = db
    .selectFrom("cases")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .orderBy("opened_at", "desc")
    .orderBy("id", "desc")
    .limit(filters.limit + 1);
  if (filters.status) query = query.where("status", "=", filters.status);
  if (filters.type) query = query.where("type", "=", filters.type);
  if (filters.tier) query = query.where("tier", "=", filters.tier);
  if (filters.customerId) query = query.where("customer_id", "=", filters.customerId);
  if (filters.ownerUserId) query = query.where("owner_user_id", "=", filters.ownerUserId);
  if (filters.ownerTeamId) query = query.where("owner_team_id", "=", filters.ownerTeamId);
  if (filters.overdue !== undefined) {
    const overdue = (eb: ExpressionBuilder<Database, "cases">) =>
      eb.and([eb("resolution_due_at", "<", new Date(now)), eb("status", "not in", ["resolved", "closed"])]);
    query =
      filters.overdue === "true"
        ? query.where(overdue)
        : query.where((eb) => eb.or([eb.not(overdue(eb)), eb("resolution_due_at", "is", null)]));
  }
  if (filters.cursor) {
    const [openedAt, id] = decodeCursor(filters.cursor, caseCursor);
    query = query.where((eb) =>
      eb.or([
        eb("opened_at", "<", new Date(openedAt)),
        eb.and([eb("opened_at", "=", new Date(openedAt)), eb("id", "<", id)]),
      ]),
    );
  }
  const rows = await query.execute();
  return toPage(
    rows,
    filters.limit,
    (row) => toCaseView(row, now),
    (row) => [row.opened_at.toISOString(), row.id],
  );
}

/** Owners must be people and teams of the same tenant. */
export async function assertOwners(
  db: Kysely<Database>,
  tenantId: string,
  userId: string | null,
  teamId: string | null,
): Promise<void> {
  const unknown: string[] = [];
  if (userId) {
    const user = await db
      .selectFrom("users")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("id", "=", userId)
      .executeTakeFirst();
    if (!user) unknown.push(`user ${userId}`);
  }
  if (teamId) {
    const team = await db
      .selectFrom("teams")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("id", "=", teamId)
      .executeTakeFirst();
    if (!team) unknown.push(`team ${teamId}`);
  }
  if (unknown.length > 0) {
    throw new UserError("invalid", "unknown_owner", `Unknown in this tenant: ${unknown.join(", ")}.`, {
      unknown,
    });
  }
}
