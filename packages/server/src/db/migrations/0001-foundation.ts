import { type Kysely, sql } from "kysely";

/** Tenants, people, sessions, API keys and the append-only audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table tenants (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,40}$'),
      name text not null,
      time_zone text not null default 'Asia/Jakarta',
      default_locale text not null default 'id',
      created_at timestamptz not null default now()
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      email text not null,
      display_name text not null,
      role text not null check (role in ('admin','supervisor','agent','qa','wfm')),
      locale text not null default 'id',
      password_hash text,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      disabled boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    -- Login takes only an email, so an email names one person across the whole installation.
    create unique index users_email_unique on users (lower(email));
    create index users_tenant on users (tenant_id, email);

    create table teams (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      created_at timestamptz not null default now(),
      unique (tenant_id, name)
    );

    create table team_members (
      tenant_id uuid not null references tenants(id),
      team_id uuid not null references teams(id) on delete cascade,
      user_id uuid not null references users(id),
      primary key (team_id, user_id)
    );
    create index team_members_user on team_members (tenant_id, user_id);

    create table sessions (
      token_hash text primary key,
      tenant_id uuid not null references tenants(id),
      user_id uuid not null references users(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index sessions_user on sessions (user_id);

    create table api_keys (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      prefix text not null unique,
      secret_hash text not null,
      role text not null check (role in ('admin','supervisor','agent','qa','wfm')),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index api_keys_tenant on api_keys (tenant_id);

    create table audit_log (
      id bigserial primary key,
      tenant_id uuid references tenants(id),
      actor_type text not null check (actor_type in ('user','api_key','system','anonymous')),
      actor_id text,
      action text not null,
      target_type text,
      target_id text,
      details jsonb not null default '{}'::jsonb,
      ip text,
      user_agent text,
      at timestamptz not null default now()
    );
    create index audit_log_tenant on audit_log (tenant_id, id desc);

    -- The audit log is append-only: the database itself refuses to rewrite history.
    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end
    $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_is_append_only();
  `.execute(db);
}
