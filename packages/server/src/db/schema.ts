import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Typed view of the tables the migrations create. Every tenant-owned table carries `tenant_id`. */
export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  skills: SkillsTable;
  queues: QueuesTable;
  agent_profiles: AgentProfilesTable;
  routing_settings: RoutingSettingsTable;
  routing_commands: RoutingCommandsTable;
  routing_events: RoutingEventsTable;
  wfm_shift_templates: WfmShiftTemplatesTable;
  wfm_agent_contracts: WfmAgentContractsTable;
  wfm_schedules: WfmSchedulesTable;
  wfm_scheduled_shifts: WfmScheduledShiftsTable;
  wfm_adherence_alerts: WfmAdherenceAlertsTable;
  wfm_interval_history: WfmIntervalHistoryTable;
  wfm_special_days: WfmSpecialDaysTable;
  wfm_forecasts: WfmForecastsTable;
  wfm_forecast_intervals: WfmForecastIntervalsTable;
  wfm_forecast_adjustments: WfmForecastAdjustmentsTable;
}

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  time_zone: string;
  default_locale: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  tenant_id: string;
  email: string;
  display_name: string;
  role: string;
  locale: string;
  password_hash: string | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TeamsTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface TeamMembersTable {
  tenant_id: string;
  team_id: string;
  user_id: string;
}

export interface SessionsTable {
  token_hash: string;
  tenant_id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  role: string;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  tenant_id: string | null;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: ColumnType<unknown, string | undefined, never>;
  ip: string | null;
  user_agent: string | null;
  at: CreatedAt;
}

export interface SkillsTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  created_at: CreatedAt;
}

/** jsonb columns: written as JSON text, read back as parsed values. */
type Json<T> = ColumnType<T, string, string>;

export interface QueuesTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  config: Json<unknown>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AgentProfilesTable {
  user_id: string;
  tenant_id: string;
  skills: Json<unknown>;
  languages: Json<unknown>;
  capacity: Json<unknown>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RoutingSettingsTable {
  tenant_id: string;
  not_ready_reasons: Json<unknown>;
  dispositions: Json<unknown>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RoutingCommandsTable {
  seq: Generated<number>;
  event_id: string;
  tenant_id: string | null;
  type: string;
  at_ms: number;
  command: Json<unknown>;
}

export interface RoutingEventsTable {
  seq: Generated<number>;
  tenant_id: string;
  type: string;
  at_ms: number;
  interaction_id: string | null;
  agent_id: string | null;
  queue_id: string | null;
  event: Json<unknown>;
}

export type TenantRow = Selectable<TenantsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditRow = Selectable<AuditLogTable>;

// Workforce scheduling (migration 0006).
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface WfmShiftTemplatesTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  earliest_start_minute: number;
  latest_start_minute: number;
  start_step_minutes: number;
  length_minutes: number;
  days: Json<number[]>;
  cost: number;
  breaks: Json<unknown[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface WfmAgentContractsTable {
  user_id: string;
  tenant_id: string;
  max_minutes_per_week: number;
  min_rest_minutes: number;
  min_days_off: number;
  availability: Json<unknown[] | null>;
  prayer_opt_in: boolean;
  updated_at: UpdatedAt;
}

export interface WfmSchedulesTable {
  id: Generated<string>;
  tenant_id: string;
  team_id: string | null;
  week_start: string;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  interval_minutes: number;
  status: "draft" | "published";
  requirement: Json<number[]>;
  solver: Json<Record<string, unknown>>;
  shift_cost: number;
  created_by: string | null;
  created_at: CreatedAt;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  published_by: string | null;
}

export interface WfmScheduledShiftsTable {
  id: Generated<string>;
  tenant_id: string;
  schedule_id: string;
  agent_id: string;
  template_id: string | null;
  day: number;
  start_minute: number;
  end_minute: number;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  ends_at: ColumnType<Date, Date | string, Date | string>;
  activities: Json<{ kind: string; start: number; end: number }[]>;
  updated_at: UpdatedAt;
}

export interface WfmAdherenceAlertsTable {
  id: Generated<string>;
  tenant_id: string;
  agent_id: string;
  shift_id: string | null;
  expected: string;
  actual: string;
  started_at: ColumnType<Date, Date | string, never>;
  raised_at: CreatedAt;
}

export interface WfmIntervalHistoryTable {
  id: Generated<number>;
  tenant_id: string;
  queue_id: string | null;
  queue_name: string;
  channel: string;
  interval_start: ColumnType<Date, Date | string, Date | string>;
  interval_minutes: number;
  arrivals: number;
  handled: number;
  abandoned: number;
  aht_seconds: number | null;
  source: "events" | "import";
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface WfmSpecialDaysTable {
  id: Generated<string>;
  tenant_id: string;
  day: string;
  kind: string;
  name: string;
  factor: number;
  created_at: CreatedAt;
}

export interface WfmForecastsTable {
  id: Generated<string>;
  tenant_id: string;
  queue_name: string | null;
  channel: string | null;
  interval_minutes: number;
  horizon_start: string;
  horizon_days: number;
  time_zone: string;
  requested_method: string;
  method: string;
  backtest: Json<unknown>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface WfmForecastIntervalsTable {
  forecast_id: string;
  tenant_id: string;
  interval_start: ColumnType<Date, Date | string, Date | string>;
  volume: number;
  aht_seconds: number | null;
  adjusted_volume: number;
  adjusted_aht_seconds: number | null;
}

export interface WfmForecastAdjustmentsTable {
  id: Generated<string>;
  tenant_id: string;
  forecast_id: string;
  from_at: ColumnType<Date, Date | string, never>;
  to_at: ColumnType<Date, Date | string, never>;
  target: string;
  factor: number | null;
  delta: number | null;
  reason: string;
  created_by: string | null;
  created_at: CreatedAt;
}
