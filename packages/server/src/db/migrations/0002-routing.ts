import { type Kysely, sql } from "kysely";

/**
 * Routing configuration (skills, queues, agent profiles) and the routing logs. The engine's state is never
 * stored as rows: `routing_commands` is the append-only input log that rebuilds it by replay, and
 * `routing_events` is the append-only record of what it decided, from which live and historical KPIs are
 * computed. Both are written in batches, one multi-row insert per flush.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table skills (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      created_at timestamptz not null default now(),
      unique (tenant_id, name)
    );

    create table queues (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      config jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, name)
    );

    create table agent_profiles (
      user_id uuid primary key references users(id),
      tenant_id uuid not null references tenants(id),
      skills jsonb not null default '{}'::jsonb,
      languages jsonb not null default '[]'::jsonb,
      capacity jsonb not null,
      updated_at timestamptz not null default now()
    );
    create index agent_profiles_tenant on agent_profiles (tenant_id);

    -- Per-tenant routing vocabulary: why an agent may be not ready, and how an interaction may be closed.
    create table routing_settings (
      tenant_id uuid primary key references tenants(id),
      not_ready_reasons jsonb not null,
      dispositions jsonb not null,
      updated_at timestamptz not null default now()
    );

    create table routing_commands (
      seq bigserial primary key,
      event_id uuid not null unique,
      tenant_id uuid,
      type text not null,
      at_ms bigint not null,
      command jsonb not null
    );

    create table routing_events (
      seq bigserial primary key,
      tenant_id uuid not null,
      type text not null,
      at_ms bigint not null,
      interaction_id text,
      agent_id text,
      queue_id text,
      event jsonb not null
    );
    create index routing_events_tenant_time on routing_events (tenant_id, at_ms);
    create index routing_events_interaction on routing_events (tenant_id, interaction_id);

    create function routing_logs_are_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only', tg_table_name;
    end
    $$;
    create trigger routing_commands_append_only before update or delete on routing_commands
      for each row execute function routing_logs_are_append_only();
    create trigger routing_events_append_only before update or delete on routing_events
      for each row execute function routing_logs_are_append_only();
  `.execute(db);
}
