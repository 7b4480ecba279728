import { type CustomerBody, type CustomerPatchBody, notFound, UserError } from "@sentra/core";
import { type Kysely, sql, type Updateable } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../audit/audit-log.js";
import type { CustomerRow, CustomersTable, Database } from "../db/schema.js";
import { decodeCursor, type PageQuery } from "../http/pagination.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import {
  normalizeAccountNumbers,
  normalizeEmails,
  normalizePhones,
  toE164,
} from "./contact-normalization.js";
import type { CustomerSettingsService, CustomerSettingsView } from "./customer-settings-service.js";

const customerCursor = z.tuple([z.string(), z.string()]);

type Writable = Omit<
  Updateable<CustomersTable>,
  "id" | "tenant_id" | "created_at" | "merged_into" | "erased_at"
>;

/**
 * Customer records: create, change, find. Contact points are normalised on the way in (E.164 phones,
 * lower-case emails, digit-only account numbers) so search and duplicate detection compare like with like.
 * Rows merged into another or erased are kept but hidden from search.
 */
export class CustomerService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly settings: CustomerSettingsService,
  ) {}

  /** Search by name fragment, phone (any format), email, customer or account number. Newest names first. */
  async search(tenantId: string, q: string | undefined, page: PageQuery): Promise<CustomerRow[]> {
    let query = this.db
      .selectFrom("customers")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("merged_into", "is", null)
      .where("erased_at", "is", null)
      .orderBy(sql`lower(full_name)`)
      .orderBy("id")
      .limit(page.limit + 1);
    const text = q?.trim();
    if (text) {
      const digits = text.replace(/\D/g, "");
      const phone = digits.length >= 6 ? toE164(text) : null;
      query = query.where((eb) =>
        eb.or([
          eb(sql`lower(full_name)`, "like", `%${escapeLike(text.toLowerCase())}%`),
          eb(sql`lower(coalesce(preferred_name, ''))`, "like", `%${escapeLike(text.toLowerCase())}%`),
          eb(sql`emails`, "@>", sql`${JSON.stringify([text.toLowerCase()])}::jsonb`),
          eb("customer_number", "=", text),
          ...(phone ? [eb(sql`phones`, "@>", sql`${JSON.stringify([phone])}::jsonb`)] : []),
          ...(digits.length >= 6
            ? [eb(sql`account_numbers`, "@>", sql`${JSON.stringify([digits])}::jsonb`)]
            : []),
        ]),
      );
    }
    if (page.cursor) {
      const [name, id] = decodeCursor(page.cursor, customerCursor);
      query = query.where((eb) =>
        eb.or([
          eb(sql`lower(full_name)`, ">", name),
          eb.and([eb(sql`lower(full_name)`, "=", name), eb("id", ">", id)]),
        ]),
      );
    }
    return query.execute();
  }

  /** The stored row, merged or erased ones included; 404 for another tenant's id. */
  async row(tenantId: string, id: string, db: Kysely<Database> = this.db): Promise<CustomerRow> {
    const row = await db
      .selectFrom("customers")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("customer", id);
    return row;
  }

  async create(
    actor: Actor | null,
    tenantId: string,
    body: CustomerBody,
    origin?: Origin,
  ): Promise<CustomerRow> {
    const values = await this.#writable(tenantId, body);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("customers")
        .values({ tenant_id: tenantId, ...values, full_name: body.fullName })
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch(rethrowNumberTaken);
      await this.audit.record(
        {
          tenantId,
          actor: actor ?? { kind: "system", id: null },
          action: "customer.created",
          target: { type: "customer", id: row.id },
          ...(origin ? { origin } : {}),
        },
        trx,
      );
      return row;
    });
  }

  async update(actor: Actor, id: string, patch: CustomerPatchBody, origin: Origin): Promise<CustomerRow> {
    const current = await this.row(actor.tenantId, id);
    if (current.erased_at) throw new UserError("conflict", "customer_erased", "This customer was erased.");
    if (current.merged_into) {
      throw new UserError(
        "conflict",
        "customer_merged",
        `This customer was merged into ${current.merged_into}.`,
      );
    }
    const values = await this.#writable(actor.tenantId, patch);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("customers")
        .set({ ...values, updated_at: new Date() })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch(rethrowNumberTaken);
      // Field names only: the audit log must not become a second copy of personal data.
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "customer.updated",
          target: { type: "customer", id },
          details: { fields: Object.keys(patch) },
          origin,
        },
        trx,
      );
      return row;
    });
  }

  async #writable(tenantId: string, body: Partial<CustomerBody>): Promise<Partial<Writable>> {
    const settings = await this.settings.get(tenantId);
    if (body.segment && settings.segments.length > 0 && !settings.segments.includes(body.segment)) {
      throw new UserError(
        "invalid",
        "unknown_segment",
        `"${body.segment}" is not one of this tenant's segments.`,
        {
          segments: settings.segments,
        },
      );
    }
    if (body.customFields) checkCustomFields(body.customFields, settings);
    const out: Partial<Writable> = {};
    if (body.fullName !== undefined) out.full_name = body.fullName;
    if (body.preferredName !== undefined) out.preferred_name = body.preferredName;
    if (body.phones !== undefined) out.phones = JSON.stringify(normalizePhones(body.phones));
    if (body.emails !== undefined) out.emails = JSON.stringify(normalizeEmails(body.emails));
    if (body.customerNumber !== undefined) out.customer_number = body.customerNumber || null;
    if (body.accountNumbers !== undefined) {
      out.account_numbers = JSON.stringify(normalizeAccountNumbers(body.accountNumbers));
    }
    if (body.address !== undefined) out.address = body.address;
    if (body.birthDate !== undefined) out.birth_date = body.birthDate;
    if (body.mothersMaidenName !== undefined) out.mothers_maiden_name = body.mothersMaidenName;
    if (body.language !== undefined) out.language = body.language;
    if (body.segment !== undefined) out.segment = body.segment;
    if (body.customFields !== undefined) out.custom_fields = JSON.stringify(body.customFields);
    if (body.doNotContact !== undefined) out.do_not_contact = body.doNotContact;
    return out;
  }
}

function checkCustomFields(fields: Record<string, unknown>, settings: CustomerSettingsView): void {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const definition = settings.fields.find((f) => f.key === key);
    if (!definition) problems.push(`${key}: not a custom field of this tenant`);
    else if (value !== null && !fitsType(definition.type, value))
      problems.push(`${key}: expects ${definition.type}`);
  }
  if (problems.length > 0) {
    throw new UserError("invalid", "invalid_custom_fields", problems.join("; "), { problems });
  }
}

function fitsType(type: string, value: unknown): boolean {
  if (type === "number") return typeof value === "number";
  if (type === "boolean") return typeof value === "boolean";
  if (type === "date") return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return typeof value === "string";
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function rethrowNumberTaken(error: unknown): never {
  if (typeof error === "object" && error !== null && "code" in error && error.code === "23505") {
    throw new UserError(
      "conflict",
      "customer_number_taken",
      "Another customer already has this customer number.",
    );
  }
  throw error;
}
