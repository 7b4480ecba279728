import { type Kysely, sql } from "kysely";

/**
 * Cases with SLA and escalation, follow-up tasks, and the knowledge base.
 *
 * - `cases.customer_id` has no foreign key yet: customers arrive in 0003-customers on another branch; the
 *   key is added when both are merged. The service checks the id's shape, not its existence.
 * - `case_events` is the case timeline and, like the audit log, append-only.
 * - Articles are searched with PostgreSQL full text search: each row's `search_vector` is built with the text
 *   search configuration of its own language (`indonesian` or `english`, through kb_ts_config). Both
 *   configurations ship with PostgreSQL 15 and with PGlite; should `indonesian` be missing on some build,
 *   `simple` (no stemming, lowercase only) is used instead so search still works, only without stemming.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ present: boolean }>`
    select exists (select 1 from pg_ts_config where cfgname = 'indonesian') as present
  `.execute(db);
  const indonesian = rows[0]?.present ? "indonesian" : "simple";

  await sql`
    create table sla_policies (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      case_type text check (case_type in ('complaint','request','inquiry')),
      priority text check (priority in ('low','normal','high','urgent')),
      first_response_minutes integer not null check (first_response_minutes > 0),
      resolution_minutes integer not null check (resolution_minutes >= first_response_minutes),
      follow_up_minutes integer not null check (follow_up_minutes > 0),
      calendar jsonb,
      queue_id uuid references queues(id) on delete set null,
      back_office_team_id uuid references teams(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, name)
    );
    -- One policy per (type, priority) combination, the catch-alls included.
    create unique index sla_policies_scope on sla_policies (tenant_id, coalesce(case_type, ''), coalesce(priority, ''));

    create table escalation_rules (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      policy_id uuid not null references sla_policies(id) on delete cascade,
      position integer not null,
      trigger text not null check (trigger in ('first_response','resolution')),
      at_percent integer not null check (at_percent > 0),
      to_tier text not null check (to_tier in ('supervisor','back_office')),
      unique (policy_id, position)
    );

    create table cases (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      customer_id uuid not null,
      origin_interaction_id uuid,
      type text not null check (type in ('complaint','request','inquiry')),
      category text,
      subject text not null,
      description text not null default '',
      priority text not null check (priority in ('low','normal','high','urgent')),
      status text not null check (status in ('new','open','pending_customer','escalated','resolved','closed')),
      tier text not null default 'agent' check (tier in ('agent','supervisor','back_office')),
      highest_tier text not null default 'agent',
      owner_user_id uuid references users(id),
      owner_team_id uuid references teams(id) on delete set null,
      sla_policy_id uuid references sla_policies(id) on delete set null,
      opened_at timestamptz not null,
      first_response_due_at timestamptz,
      first_responded_at timestamptz,
      resolution_due_at timestamptz,
      paused_since timestamptz,
      paused_business_ms bigint not null default 0,
      next_escalation_at timestamptz,
      resolved_at timestamptz,
      closed_at timestamptz,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index cases_tenant_status on cases (tenant_id, status, opened_at desc);
    create index cases_tenant_customer on cases (tenant_id, customer_id);
    create index cases_tenant_owner on cases (tenant_id, owner_user_id);
    create index cases_escalation_due on cases (next_escalation_at) where next_escalation_at is not null;

    create table case_events (
      seq bigserial primary key,
      tenant_id uuid not null references tenants(id),
      case_id uuid not null references cases(id),
      type text not null,
      at timestamptz not null,
      actor_type text not null,
      actor_id text,
      data jsonb not null default '{}'::jsonb
    );
    create index case_events_case on case_events (tenant_id, case_id, seq);
    create function case_events_are_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'case_events is append-only';
    end
    $$;
    create trigger case_events_append_only before update or delete on case_events
      for each row execute function case_events_are_append_only();

    create table case_interactions (
      tenant_id uuid not null references tenants(id),
      case_id uuid not null references cases(id),
      interaction_id uuid not null,
      linked_at timestamptz not null,
      linked_by text not null,
      primary key (case_id, interaction_id)
    );
    create index case_interactions_interaction on case_interactions (tenant_id, interaction_id);

    create table follow_up_tasks (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      case_id uuid not null references cases(id),
      channel text not null check (channel in ('callback','outbound')),
      reason text not null,
      due_at timestamptz not null,
      queue_id uuid references queues(id) on delete set null,
      interaction_id uuid,
      status text not null default 'open' check (status in ('open','done','cancelled')),
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create index follow_up_tasks_case on follow_up_tasks (tenant_id, case_id);

    create table kb_categories (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      created_at timestamptz not null default now(),
      unique (tenant_id, name)
    );
  `.execute(db);

  await sql
    .raw(`
    create function kb_ts_config(language text) returns regconfig language sql immutable parallel safe as $$
      select case when language = 'id' then '${indonesian}'::regconfig else 'english'::regconfig end
    $$;
  `)
    .execute(db);

  await sql`
    create table kb_articles (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      category_id uuid references kb_categories(id) on delete set null,
      language text not null check (language in ('id','en')),
      title text not null,
      body text not null,
      tags jsonb not null default '[]'::jsonb,
      status text not null default 'draft' check (status in ('draft','published')),
      version integer not null default 1,
      published_at timestamptz,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      search_vector tsvector generated always as (
        setweight(to_tsvector(kb_ts_config(language), title), 'A') ||
        setweight(to_tsvector(kb_ts_config(language), tags), 'B') ||
        setweight(to_tsvector(kb_ts_config(language), body), 'C')
      ) stored
    );
    create index kb_articles_search on kb_articles using gin (search_vector);
    create index kb_articles_tenant on kb_articles (tenant_id, language, status);

    -- Every save of an article is a new numbered version; the history is append-only.
    create table kb_article_versions (
      tenant_id uuid not null references tenants(id),
      article_id uuid not null references kb_articles(id),
      version integer not null,
      title text not null,
      body text not null,
      language text not null,
      category_id uuid,
      tags jsonb not null,
      edited_by text not null,
      created_at timestamptz not null default now(),
      primary key (article_id, version)
    );
    create function kb_article_versions_are_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'kb_article_versions is append-only';
    end
    $$;
    create trigger kb_article_versions_append_only before update or delete on kb_article_versions
      for each row execute function kb_article_versions_are_append_only();
  `.execute(db);
}
