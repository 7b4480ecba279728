import { type Kysely, sql } from "kysely";

/**
 * Customers and the personal-data duties around them. Phones (E.164), emails (lower-case) and account numbers
 * are jsonb arrays so one containment index serves exact lookups on any of them. Birth dates are ISO text,
 * not `date`, so no driver ever shifts them through a time zone. Merges never delete: the duplicate points at
 * its survivor through `merged_into`, and `customer_merges` keeps both records as they were, for undo.
 * Verification attempts record which facts matched or failed, never the answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table customers (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      full_name text not null,
      preferred_name text,
      phones jsonb not null default '[]'::jsonb,
      emails jsonb not null default '[]'::jsonb,
      customer_number text,
      account_numbers jsonb not null default '[]'::jsonb,
      address text,
      birth_date text check (birth_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      mothers_maiden_name text,
      language text,
      segment text,
      custom_fields jsonb not null default '{}'::jsonb,
      do_not_contact boolean not null default false,
      merged_into uuid references customers(id),
      erased_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index customers_tenant_name on customers (tenant_id, lower(full_name), id);
    create index customers_phones on customers using gin (phones jsonb_path_ops);
    create index customers_emails on customers using gin (emails jsonb_path_ops);
    create index customers_accounts on customers using gin (account_numbers jsonb_path_ops);
    create unique index customers_number on customers (tenant_id, customer_number)
      where customer_number is not null and merged_into is null;
    create index customers_merged_into on customers (tenant_id, merged_into) where merged_into is not null;

    create table customer_settings (
      tenant_id uuid primary key references tenants(id),
      segments jsonb not null default '[]'::jsonb,
      updated_at timestamptz not null default now()
    );

    create table customer_field_definitions (
      tenant_id uuid not null references tenants(id),
      key text not null,
      label text not null,
      type text not null check (type in ('text', 'number', 'boolean', 'date')),
      sensitive boolean not null default false,
      primary key (tenant_id, key)
    );

    create table consent_records (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      customer_id uuid not null references customers(id),
      purpose text not null,
      channel text not null,
      method text not null,
      source text not null,
      given_at timestamptz not null,
      withdrawn_at timestamptz,
      recorded_by text,
      created_at timestamptz not null default now()
    );
    create index consent_records_customer on consent_records (tenant_id, customer_id);

    create table verification_policies (
      tenant_id uuid primary key references tenants(id),
      policy jsonb not null,
      masked_fields jsonb not null,
      updated_at timestamptz not null default now()
    );

    create table verification_attempts (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      interaction_id text not null,
      customer_id uuid not null references customers(id),
      level text not null check (level in ('none', 'partial', 'verified')),
      matched jsonb not null,
      failed jsonb not null,
      succeeded boolean not null,
      actor_id text,
      at timestamptz not null default now()
    );
    create index verification_attempts_interaction on verification_attempts (tenant_id, interaction_id, at);
    create index verification_attempts_age on verification_attempts (at);

    create table retention_settings (
      tenant_id uuid primary key references tenants(id),
      messages_days integer check (messages_days > 0),
      recordings_days integer check (recordings_days > 0),
      verification_attempts_days integer not null default 365 check (verification_attempts_days > 0),
      updated_at timestamptz not null default now()
    );

    create table customer_merges (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      survivor_id uuid not null references customers(id),
      duplicate_id uuid not null references customers(id),
      survivor_before jsonb not null,
      duplicate_before jsonb not null,
      merged_by text,
      merged_at timestamptz not null default now(),
      undone_at timestamptz,
      undone_by text
    );
    create index customer_merges_tenant on customer_merges (tenant_id, merged_at);

    -- Customer history reads interactions by the customer they were created for.
    create index routing_events_customer on routing_events (tenant_id, (event->>'customerId'))
      where type = 'interaction_created';
  `.execute(db);
}
