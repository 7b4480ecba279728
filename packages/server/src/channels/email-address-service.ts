import { conflict, type EmailAddressBody, type EmailAddressPatch, notFound } from "@sentra/core";
import type { Kysely, Selectable } from "kysely";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database, EmailAddressesTable } from "../db/schema.js";
import type { RoutingConfigService } from "../routing/routing-config-service.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { type EmailAddressView, toEmailAddressView } from "./conversation-views.js";

export type EmailAddressRow = Selectable<EmailAddressesTable>;

/**
 * A tenant's mailboxes (support@bank.example …) and where their mail is routed. The address decides the
 * tenant of an incoming mail, so one address belongs to one tenant only.
 */
export class EmailAddressService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly routingConfig: RoutingConfigService,
  ) {}

  async list(actor: Actor): Promise<{ items: EmailAddressView[] }> {
    const rows = await this.db
      .selectFrom("email_addresses")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .orderBy("address")
      .execute();
    return { items: rows.map(toEmailAddressView) };
  }

  async get(actor: Actor, id: string): Promise<EmailAddressView> {
    return toEmailAddressView(await this.#row(actor.tenantId, id));
  }

  async create(actor: Actor, body: EmailAddressBody, origin: Origin): Promise<EmailAddressView> {
    await this.routingConfig.assertQueueTakes(actor, body.queueId, "email");
    const taken = await this.db
      .selectFrom("email_addresses")
      .select("id")
      .where("address", "=", body.address)
      .executeTakeFirst();
    if (taken) throw conflict("email_address_taken", `${body.address} is already a mailbox of a tenant.`);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("email_addresses")
        .values({
          tenant_id: actor.tenantId,
          address: body.address,
          queue_id: body.queueId,
          language: body.language,
          skills: JSON.stringify(body.skills),
          display_name: body.displayName,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "channel.email_address_created",
          target: { type: "email_address", id: row.id },
          details: { address: row.address, queueId: row.queue_id },
          origin,
        },
        trx,
      );
      return toEmailAddressView(row);
    });
  }

  async update(
    actor: Actor,
    id: string,
    patch: EmailAddressPatch,
    origin: Origin,
  ): Promise<EmailAddressView> {
    await this.#row(actor.tenantId, id);
    if (patch.queueId) await this.routingConfig.assertQueueTakes(actor, patch.queueId, "email");
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("email_addresses")
        .set({
          ...(patch.queueId !== undefined ? { queue_id: patch.queueId } : {}),
          ...(patch.language !== undefined ? { language: patch.language } : {}),
          ...(patch.skills !== undefined ? { skills: JSON.stringify(patch.skills) } : {}),
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          updated_at: new Date(),
        })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "channel.email_address_updated",
          target: { type: "email_address", id },
          details: { fields: Object.keys(patch) },
          origin,
        },
        trx,
      );
      return toEmailAddressView(row);
    });
  }

  async delete(actor: Actor, id: string, origin: Origin): Promise<void> {
    const row = await this.#row(actor.tenantId, id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom("email_addresses")
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "channel.email_address_deleted",
          target: { type: "email_address", id },
          details: { address: row.address },
          origin,
        },
        trx,
      );
    });
  }

  /**
   * The mailbox an incoming mail is addressed to, across tenants: the one lookup not scoped by tenant,
   * because the recipient address is what names the tenant. Undefined for an unknown address.
   */
  async resolve(address: string): Promise<EmailAddressRow | undefined> {
    return this.db
      .selectFrom("email_addresses")
      .selectAll()
      .where("address", "=", address.trim().toLowerCase())
      .executeTakeFirst();
  }

  async #row(tenantId: string, id: string): Promise<EmailAddressRow> {
    const row = await this.db
      .selectFrom("email_addresses")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("email_address", id);
    return row;
  }
}
