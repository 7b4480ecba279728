import { type Kysely, sql } from "kysely";

/**
 * Workforce management, forecasting side: interval history (imported files or Sentra's own routing events),
 * user-marked special days, and stored forecasts with their intervals and manual adjustments. Imported history
 * names queues that need not exist in Sentra, so rows carry `queue_name` and only optionally `queue_id`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table wfm_interval_history (
      id bigserial primary key,
      tenant_id uuid not null references tenants(id),
      queue_id uuid references queues(id),
      queue_name text not null,
      channel text not null,
      interval_start timestamptz not null,
      interval_minutes integer not null check (interval_minutes in (15, 30, 60)),
      arrivals integer not null check (arrivals >= 0),
      handled integer not null check (handled >= 0),
      abandoned integer not null check (abandoned >= 0),
      aht_seconds double precision check (aht_seconds >= 0),
      source text not null check (source in ('events', 'import')),
      updated_at timestamptz not null default now(),
      unique (tenant_id, queue_name, channel, interval_start, interval_minutes)
    );
    create index wfm_interval_history_tenant_time on wfm_interval_history (tenant_id, interval_start);

    create table wfm_special_days (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      day text not null check (day ~ '^\\d{4}-\\d{2}-\\d{2}$'),
      kind text not null check (kind in ('holiday', 'payday', 'campaign', 'other')),
      name text not null,
      factor double precision not null default 1,
      created_at timestamptz not null default now(),
      unique (tenant_id, day)
    );

    create table wfm_forecasts (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      queue_name text,
      channel text,
      interval_minutes integer not null check (interval_minutes in (15, 30, 60)),
      horizon_start text not null,
      horizon_days integer not null,
      time_zone text not null,
      requested_method text not null,
      method text not null,
      backtest jsonb not null,
      created_by text,
      created_at timestamptz not null default now()
    );
    create index wfm_forecasts_tenant on wfm_forecasts (tenant_id, created_at desc);

    create table wfm_forecast_intervals (
      forecast_id uuid not null references wfm_forecasts(id) on delete cascade,
      tenant_id uuid not null references tenants(id),
      interval_start timestamptz not null,
      volume double precision not null,
      aht_seconds double precision,
      adjusted_volume double precision not null,
      adjusted_aht_seconds double precision,
      primary key (forecast_id, interval_start)
    );

    create table wfm_forecast_adjustments (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      forecast_id uuid not null references wfm_forecasts(id) on delete cascade,
      from_at timestamptz not null,
      to_at timestamptz not null,
      target text not null check (target in ('volume', 'aht')),
      factor double precision,
      delta double precision,
      reason text not null,
      created_by text,
      created_at timestamptz not null default now()
    );
    create index wfm_forecast_adjustments_forecast on wfm_forecast_adjustments (tenant_id, forecast_id);
  `.execute(db);
}
