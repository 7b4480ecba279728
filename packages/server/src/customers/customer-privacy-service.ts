import { type ConsentBody, conflict, notFound } from "@sentra/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { type CustomerHistory, customerHistory } from "./customer-history.js";
import type { CustomerMergeService } from "./customer-merge-service.js";
import type { CustomerService } from "./customer-service.js";
import { type CustomerView, viewOf } from "./customer-views.js";

export const consentView = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  purpose: z.string(),
  channel: z.string(),
  method: z.string(),
  source: z.string(),
  givenAt: z.string(),
  withdrawnAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type ConsentView = z.infer<typeof consentView>;

export interface CustomerExport {
  exportedAt: string;
  customer: CustomerView;
  mergedCustomers: CustomerView[];
  consents: ConsentView[];
  verificationAttempts: {
    interactionId: string;
    level: string;
    matched: string[];
    failed: string[];
    at: string;
  }[];
  interactions: CustomerHistory["interactions"];
}

const ERASED_NAME = "Erased customer";

/**
 * Personal data other capabilities hold about a customer (message bodies, attachments, channel identities).
 * Each capability registers one, so erasure reaches data this module does not know the shape of; every eraser
 * runs inside the erase transaction, so a failure erases nothing rather than half.
 */
export interface CustomerDataEraser {
  name: string;
  erase(trx: Kysely<Database>, tenantId: string, customerIds: string[]): Promise<number>;
}

/**
 * The customer's rights under Indonesia's personal data protection law (UU PDP): consent given and
 * withdrawn per purpose and channel, a copy of everything held, and erasure that anonymises the person while
 * keeping ids, so counts and reports stay correct.
 */
export class CustomerPrivacyService {
  readonly #erasers: CustomerDataEraser[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly customers: CustomerService,
    private readonly merges: CustomerMergeService,
  ) {}

  registerEraser(eraser: CustomerDataEraser): void {
    if (this.#erasers.some((e) => e.name === eraser.name)) throw new Error(`Eraser ${eraser.name} exists.`);
    this.#erasers.push(eraser);
  }

  /** Consents of the customer and of customers merged into it. */
  async consents(tenantId: string, customerId: string): Promise<ConsentView[]> {
    await this.customers.row(tenantId, customerId);
    const family = await this.merges.mergedFamily(tenantId, customerId);
    const rows = await this.db
      .selectFrom("consent_records")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("customer_id", "in", family)
      .orderBy("given_at", "desc")
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      purpose: r.purpose,
      channel: r.channel,
      method: r.method,
      source: r.source,
      givenAt: r.given_at.toISOString(),
      withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
      recordedBy: r.recorded_by,
    }));
  }

  async recordConsent(
    actor: Actor,
    customerId: string,
    body: ConsentBody,
    origin: Origin,
  ): Promise<ConsentView> {
    const customer = await this.customers.row(actor.tenantId, customerId);
    if (customer.erased_at) throw conflict("customer_erased", "This customer was erased.");
    const id = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("consent_records")
        .values({
          tenant_id: actor.tenantId,
          customer_id: customerId,
          purpose: body.purpose,
          channel: body.channel,
          method: body.method,
          source: body.source,
          given_at: body.givenAt ? new Date(body.givenAt) : new Date(),
          recorded_by: actor.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "consent.recorded",
          target: { type: "customer", id: customerId },
          details: { consentId: row.id, purpose: body.purpose, channel: body.channel },
          origin,
        },
        trx,
      );
      return row.id;
    });
    return (await this.consents(actor.tenantId, customerId)).find((c) => c.id === id)!;
  }

  async withdrawConsent(
    actor: Actor,
    customerId: string,
    consentId: string,
    origin: Origin,
  ): Promise<ConsentView> {
    const family = await this.merges.mergedFamily(
      actor.tenantId,
      (await this.customers.row(actor.tenantId, customerId)).id,
    );
    const consent = await this.db
      .selectFrom("consent_records")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", consentId)
      .where("customer_id", "in", family)
      .executeTakeFirst();
    if (!consent) throw notFound("consent", consentId);
    if (consent.withdrawn_at)
      throw conflict("consent_already_withdrawn", "This consent was already withdrawn.");
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("consent_records")
        .set({ withdrawn_at: new Date() })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", consentId)
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "consent.withdrawn",
          target: { type: "customer", id: customerId },
          details: { consentId, purpose: consent.purpose, channel: consent.channel },
          origin,
        },
        trx,
      );
    });
    return (await this.consents(actor.tenantId, customerId)).find((c) => c.id === consentId)!;
  }

  /** Everything held about the customer and the customers merged into it, unmasked; the export is audited. */
  async export(actor: Actor, customerId: string, format: string, origin: Origin): Promise<CustomerExport> {
    // The person, not the record: a merged-away id exports the surviving record and everything merged in.
    const root = await this.merges.rootOf(actor.tenantId, customerId);
    const customer = await this.customers.row(actor.tenantId, root);
    const family = await this.merges.mergedFamily(actor.tenantId, root);
    const merged = await Promise.all(family.slice(1).map((id) => this.customers.row(actor.tenantId, id)));
    const attempts = await this.db
      .selectFrom("verification_attempts")
      .select(["interaction_id", "level", "matched", "failed", "at"])
      .where("tenant_id", "=", actor.tenantId)
      .where("customer_id", "in", family)
      .orderBy("at")
      .execute();
    const history = await customerHistory(this.db, actor.tenantId, family);
    await this.audit.record({
      tenantId: actor.tenantId,
      actor,
      action: "customer.exported",
      target: { type: "customer", id: customerId },
      details: { format },
      origin,
    });
    return {
      exportedAt: new Date().toISOString(),
      customer: viewOf(customer),
      mergedCustomers: merged.map(viewOf),
      consents: await this.consents(actor.tenantId, root),
      verificationAttempts: attempts.map((a) => ({
        interactionId: a.interaction_id,
        level: a.level,
        matched: a.matched,
        failed: a.failed,
        at: a.at.toISOString(),
      })),
      interactions: history.interactions,
    };
  }

  /**
   * Anonymises the person: the record, the record it was merged into and every record merged into that.
   * Personal fields are cleared; ids, segment, language, consents and interaction links stay so reports still
   * add up. Merge snapshots are scrubbed too, since they are copies of the personal data (and an erased merge
   * cannot be undone anyway).
   */
  async erase(actor: Actor, customerId: string, origin: Origin): Promise<CustomerView> {
    const customer = await this.customers.row(actor.tenantId, customerId);
    if (customer.erased_at) throw conflict("customer_erased", "This customer was already erased.");
    // Erasing a merged-away record must reach the survivor too: the merge copied its contact points there.
    const root = await this.merges.rootOf(actor.tenantId, customerId);
    const family = await this.merges.mergedFamily(actor.tenantId, root);
    const now = new Date();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("customers")
        .set({
          full_name: ERASED_NAME,
          preferred_name: null,
          phones: "[]",
          emails: "[]",
          customer_number: null,
          account_numbers: "[]",
          address: null,
          birth_date: null,
          mothers_maiden_name: null,
          custom_fields: "{}",
          erased_at: now,
          updated_at: now,
        })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "in", family)
        .execute();
      await trx
        .updateTable("customer_merges")
        .set({ survivor_before: "{}", duplicate_before: "{}" })
        .where("tenant_id", "=", actor.tenantId)
        .where((eb) => eb.or([eb("survivor_id", "in", family), eb("duplicate_id", "in", family)]))
        .execute();
      const erasedElsewhere: Record<string, number> = {};
      for (const eraser of this.#erasers) {
        erasedElsewhere[eraser.name] = await eraser.erase(trx, actor.tenantId, family);
      }
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "customer.erased",
          target: { type: "customer", id: customerId },
          details: { customerIds: family, erasedElsewhere },
          origin,
        },
        trx,
      );
    });
    return viewOf(await this.customers.row(actor.tenantId, customerId));
  }
}
