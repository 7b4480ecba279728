import {
  conflict,
  DUPLICATE_THRESHOLD,
  findDuplicatePairs,
  type MergeCustomersBody,
  notFound,
} from "@sentra/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import type { CustomerService } from "./customer-service.js";
import { dedupRecordOf } from "./customer-views.js";

export const duplicatePairView = z.object({
  score: z.number(),
  reasons: z.array(z.object({ kind: z.string(), detail: z.string(), weight: z.number() })),
  a: z.object({ id: z.uuid(), fullName: z.string() }),
  b: z.object({ id: z.uuid(), fullName: z.string() }),
});
export type DuplicatePairView = z.infer<typeof duplicatePairView>;

export const mergeView = z.object({
  mergeId: z.uuid(),
  survivorId: z.uuid(),
  duplicateId: z.uuid(),
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type MergeView = z.infer<typeof mergeView>;

/** Columns a merge may change on the survivor, and undo restores. */
const RESTORED = [
  "full_name",
  "preferred_name",
  "phones",
  "emails",
  "customer_number",
  "account_numbers",
  "address",
  "birth_date",
  "mothers_maiden_name",
  "language",
  "segment",
  "custom_fields",
  "do_not_contact",
] as const;

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/**
 * Duplicate detection over a tenant's live customers, and reversible merges. A merge never deletes: the
 * duplicate points at the survivor (`merged_into`), everything that referenced the duplicate is read through
 * that link, and the merge record keeps both rows as they were so undo restores them exactly.
 */
export class CustomerMergeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly customers: CustomerService,
  ) {}

  async duplicates(
    tenantId: string,
    threshold = DUPLICATE_THRESHOLD,
    limit = 100,
  ): Promise<DuplicatePairView[]> {
    const rows = await this.db
      .selectFrom("customers")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("merged_into", "is", null)
      .where("erased_at", "is", null)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return findDuplicatePairs(rows.map(dedupRecordOf), { threshold })
      .slice(0, limit)
      .map((pair) => ({
        score: pair.score,
        reasons: [...pair.reasons],
        a: { id: pair.a, fullName: byId.get(pair.a)!.full_name },
        b: { id: pair.b, fullName: byId.get(pair.b)!.full_name },
      }));
  }

  async merge(actor: Actor, body: MergeCustomersBody, origin: Origin): Promise<MergeView> {
    const survivor = await this.customers.row(actor.tenantId, body.survivorId);
    const duplicate = await this.customers.row(actor.tenantId, body.duplicateId);
    for (const row of [survivor, duplicate]) {
      if (row.merged_into) throw conflict("customer_merged", `Customer ${row.id} was already merged.`);
      if (row.erased_at) throw conflict("customer_erased", `Customer ${row.id} was erased.`);
    }
    const now = new Date();
    const merge = await this.db.transaction().execute(async (trx) => {
      // The duplicate leaves the live set first, so its customer number may move to the survivor.
      await trx
        .updateTable("customers")
        .set({ merged_into: survivor.id, updated_at: now })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", duplicate.id)
        .execute();
      await trx
        .updateTable("customers")
        .set({
          preferred_name: survivor.preferred_name ?? duplicate.preferred_name,
          phones: JSON.stringify(union(survivor.phones, duplicate.phones)),
          emails: JSON.stringify(union(survivor.emails, duplicate.emails)),
          account_numbers: JSON.stringify(union(survivor.account_numbers, duplicate.account_numbers)),
          customer_number: survivor.customer_number ?? duplicate.customer_number,
          address: survivor.address ?? duplicate.address,
          birth_date: survivor.birth_date ?? duplicate.birth_date,
          mothers_maiden_name: survivor.mothers_maiden_name ?? duplicate.mothers_maiden_name,
          language: survivor.language ?? duplicate.language,
          segment: survivor.segment ?? duplicate.segment,
          custom_fields: JSON.stringify({ ...duplicate.custom_fields, ...survivor.custom_fields }),
          // Either record saying "do not contact" is the customer's wish; a merge must not drop it.
          do_not_contact: survivor.do_not_contact || duplicate.do_not_contact,
          updated_at: now,
        })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", survivor.id)
        .execute();
      const record = await trx
        .insertInto("customer_merges")
        .values({
          tenant_id: actor.tenantId,
          survivor_id: survivor.id,
          duplicate_id: duplicate.id,
          survivor_before: JSON.stringify(survivor),
          duplicate_before: JSON.stringify(duplicate),
          merged_by: actor.id,
          merged_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "customer.merged",
          target: { type: "customer", id: survivor.id },
          details: { mergeId: record.id, duplicateId: duplicate.id },
          origin,
        },
        trx,
      );
      return record;
    });
    return viewOfMerge(merge);
  }

  /**
   * Restores both records as they were before the merge. Refused when the survivor changed since (an edit or
   * a later merge): restoring the old copy would silently discard that change.
   */
  async undo(actor: Actor, mergeId: string, origin: Origin): Promise<MergeView> {
    const merge = await this.db
      .selectFrom("customer_merges")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", mergeId)
      .executeTakeFirst();
    if (!merge) throw notFound("merge", mergeId);
    if (merge.undone_at) throw conflict("merge_already_undone", "This merge was already undone.");
    const survivor = await this.customers.row(actor.tenantId, merge.survivor_id);
    const duplicate = await this.customers.row(actor.tenantId, merge.duplicate_id);
    if (survivor.erased_at || duplicate.erased_at) {
      throw conflict("customer_erased", "A customer of this merge was erased since; it cannot be undone.");
    }
    if (duplicate.merged_into !== survivor.id || survivor.merged_into) {
      throw conflict(
        "merge_superseded",
        "The customers were merged further since; undo the later merge first.",
      );
    }
    if (survivor.updated_at.getTime() > new Date(merge.merged_at).getTime()) {
      throw conflict(
        "survivor_changed",
        "The surviving customer changed after the merge; undo would lose that.",
      );
    }
    const before = merge.survivor_before as Record<string, unknown>;
    const restore = Object.fromEntries(
      RESTORED.map((column) => {
        const value = before[column];
        return [column, typeof value === "object" && value !== null ? JSON.stringify(value) : value];
      }),
    );
    const now = new Date();
    const undone = await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("customers")
        .set({ ...restore, updated_at: now })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", survivor.id)
        .execute();
      await trx
        .updateTable("customers")
        .set({ merged_into: null, updated_at: now })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", duplicate.id)
        .execute();
      const row = await trx
        .updateTable("customer_merges")
        .set({ undone_at: now, undone_by: actor.id })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", mergeId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "customer.merge_undone",
          target: { type: "customer", id: survivor.id },
          details: { mergeId, duplicateId: duplicate.id },
          origin,
        },
        trx,
      );
      return row;
    });
    return viewOfMerge(undone);
  }

  /** The record a customer was merged into, following chains of merges; the customer itself if never merged. */
  async rootOf(tenantId: string, customerId: string): Promise<string> {
    let current = await this.customers.row(tenantId, customerId);
    const seen = new Set([current.id]);
    while (current.merged_into && !seen.has(current.merged_into)) {
      current = await this.customers.row(tenantId, current.merged_into);
      seen.add(current.id);
    }
    return current.id;
  }

  /** The customer and every customer merged into it, directly or through a chain of merges. */
  async mergedFamily(tenantId: string, customerId: string): Promise<string[]> {
    const family = [customerId];
    let frontier = [customerId];
    while (frontier.length > 0) {
      const next = await this.db
        .selectFrom("customers")
        .select("id")
        .where("tenant_id", "=", tenantId)
        .where("merged_into", "in", frontier)
        .execute();
      frontier = next.map((r) => r.id).filter((id) => !family.includes(id));
      family.push(...frontier);
    }
    return family;
  }
}

function viewOfMerge(row: {
  id: string;
  survivor_id: string;
  duplicate_id: string;
  merged_at: Date;
  undone_at: Date | null;
}): MergeView {
  return {
    mergeId: row.id,
    survivorId: row.survivor_id,
    duplicateId: row.duplicate_id,
    mergedAt: new Date(row.merged_at).toISOString(),
    undoneAt: row.undone_at ? new Date(row.undone_at).toISOString() : null,
  };
}
