import { type Kysely, sql } from "kysely";

/**
 * IVR flows and the numbers that reach them.
 *
 * - `ivr_flows`: a tenant's flow with its editable draft (any JSON object; it may still have errors) and the
 *   number of the version calls currently run.
 * - `ivr_flow_versions`: every published version, immutable, so a call and an audit can always say which
 *   definition ran. Publishing copies the validated draft here with the next number.
 * - `ivr_dids`: a dialled number (E.164, or a short service number such as `1000`) → flow. Unique across all
 *   tenants: an inbound call finds its tenant by the number it dialled.
 *
 * Definitions are `json`, not `jsonb`: the text is kept as the admin wrote it, nodes in their order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ivr_flows (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      draft json not null,
      published_version integer,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, name)
    );

    create table ivr_flow_versions (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      flow_id uuid not null references ivr_flows(id) on delete cascade,
      version integer not null,
      definition json not null,
      published_by uuid,
      published_at timestamptz not null default now(),
      unique (flow_id, version)
    );
    create index ivr_flow_versions_tenant on ivr_flow_versions (tenant_id, flow_id);

    create table ivr_dids (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      number text not null unique,
      flow_id uuid not null references ivr_flows(id),
      description text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index ivr_dids_tenant on ivr_dids (tenant_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table ivr_dids; drop table ivr_flow_versions; drop table ivr_flows;`.execute(db);
}
