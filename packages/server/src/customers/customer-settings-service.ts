import type { CustomerSettingsBody } from "@sentra/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";

export const customerSettingsView = z.object({
  segments: z.array(z.string()),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.enum(["text", "number", "boolean", "date"]),
      sensitive: z.boolean(),
    }),
  ),
});
export type CustomerSettingsView = z.infer<typeof customerSettingsView>;

/** Per-tenant customer vocabulary: the segments a customer may be in and the custom fields it may carry. */
export class CustomerSettingsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {}

  async get(tenantId: string): Promise<CustomerSettingsView> {
    const settings = await this.db
      .selectFrom("customer_settings")
      .select("segments")
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst();
    const fields = await this.db
      .selectFrom("customer_field_definitions")
      .select(["key", "label", "type", "sensitive"])
      .where("tenant_id", "=", tenantId)
      .orderBy("key")
      .execute();
    return {
      segments: settings?.segments ?? [],
      fields: fields.map((f) => ({ ...f, type: f.type as CustomerSettingsView["fields"][number]["type"] })),
    };
  }

  async put(actor: Actor, body: CustomerSettingsBody, origin: Origin): Promise<CustomerSettingsView> {
    return this.putForTenant(actor.tenantId, body, actor, origin);
  }

  /** As `put`; without an actor the change is recorded as the system's (seeding, CLI). */
  async putForTenant(
    tenantId: string,
    body: CustomerSettingsBody,
    actor: Actor | null = null,
    origin?: Origin,
  ): Promise<CustomerSettingsView> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("customer_settings")
        .values({ tenant_id: tenantId, segments: JSON.stringify(body.segments) })
        .onConflict((oc) =>
          oc
            .column("tenant_id")
            .doUpdateSet({ segments: JSON.stringify(body.segments), updated_at: new Date() }),
        )
        .execute();
      await trx.deleteFrom("customer_field_definitions").where("tenant_id", "=", tenantId).execute();
      if (body.fields.length > 0) {
        await trx
          .insertInto("customer_field_definitions")
          .values(body.fields.map((f) => ({ tenant_id: tenantId, ...f })))
          .execute();
      }
      await this.audit.record(
        {
          tenantId,
          actor: actor ?? { kind: "system", id: null },
          action: "customer_settings.updated",
          details: { ...body },
          ...(origin ? { origin } : {}),
        },
        trx,
      );
    });
    return this.get(tenantId);
  }
}
