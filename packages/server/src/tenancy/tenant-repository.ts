import type { Kysely } from "kysely";
import type { Database, TenantRow } from "../db/schema.js";

export interface NewTenant {
  slug: string;
  name: string;
  timeZone?: string;
  defaultLocale?: string;
}

/** Tenants are the one table that is not tenant-scoped: only the platform itself (CLI, seed) creates them. */
export class TenantRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(tenant: NewTenant): Promise<TenantRow> {
    return this.db
      .insertInto("tenants")
      .values({
        slug: tenant.slug,
        name: tenant.name,
        time_zone: tenant.timeZone ?? "Asia/Jakarta",
        default_locale: tenant.defaultLocale ?? "id",
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  findById(id: string): Promise<TenantRow | undefined> {
    return this.db.selectFrom("tenants").selectAll().where("id", "=", id).executeTakeFirst();
  }

  findBySlug(slug: string): Promise<TenantRow | undefined> {
    return this.db.selectFrom("tenants").selectAll().where("slug", "=", slug).executeTakeFirst();
  }

  list(): Promise<TenantRow[]> {
    return this.db.selectFrom("tenants").selectAll().orderBy("slug").execute();
  }
}
