import { type Kysely, sql } from "kysely";

/**
 * Workforce scheduling: shift templates, per-agent contracts (hours, rest, days off, availability, prayer
 * opt-in), weekly schedules (draft → published) with their shifts and activities, and out-of-adherence alerts.
 * Times inside a schedule are minutes from the week start (local midnight in the tenant's time zone); shifts
 * also carry absolute instants so "my shifts" and adherence need no time-zone arithmetic.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table wfm_shift_templates (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      name text not null,
      earliest_start_minute integer not null,
      latest_start_minute integer not null,
      start_step_minutes integer not null,
      length_minutes integer not null,
      days jsonb not null,
      cost double precision not null,
      breaks jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, name)
    );

    create table wfm_agent_contracts (
      user_id uuid primary key references users(id),
      tenant_id uuid not null references tenants(id),
      max_minutes_per_week integer not null,
      min_rest_minutes integer not null,
      min_days_off integer not null,
      availability jsonb,
      prayer_opt_in boolean not null default false,
      updated_at timestamptz not null default now()
    );
    create index wfm_agent_contracts_tenant on wfm_agent_contracts (tenant_id);

    create table wfm_schedules (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      team_id uuid references teams(id) on delete set null,
      week_start text not null,
      starts_at timestamptz not null,
      interval_minutes integer not null,
      status text not null check (status in ('draft', 'published')),
      requirement jsonb not null,
      solver jsonb not null,
      shift_cost double precision not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      published_at timestamptz,
      published_by uuid
    );
    create index wfm_schedules_tenant_week on wfm_schedules (tenant_id, week_start);

    create table wfm_scheduled_shifts (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      schedule_id uuid not null references wfm_schedules(id) on delete cascade,
      agent_id uuid not null references users(id),
      template_id uuid,
      day integer not null,
      start_minute integer not null,
      end_minute integer not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      activities jsonb not null,
      updated_at timestamptz not null default now()
    );
    create index wfm_scheduled_shifts_schedule on wfm_scheduled_shifts (tenant_id, schedule_id);
    create index wfm_scheduled_shifts_agent_time on wfm_scheduled_shifts (tenant_id, agent_id, starts_at);

    create table wfm_adherence_alerts (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      agent_id uuid not null references users(id),
      shift_id uuid references wfm_scheduled_shifts(id) on delete set null,
      expected text not null,
      actual text not null,
      started_at timestamptz not null,
      raised_at timestamptz not null default now()
    );
    create index wfm_adherence_alerts_tenant_time on wfm_adherence_alerts (tenant_id, raised_at);
  `.execute(db);
}
