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
  customers: CustomersTable;
  customer_settings: CustomerSettingsTable;
  customer_field_definitions: CustomerFieldDefinitionsTable;
  consent_records: ConsentRecordsTable;
  verification_policies: VerificationPoliciesTable;
  verification_attempts: VerificationAttemptsTable;
  retention_settings: RetentionSettingsTable;
  customer_merges: CustomerMergesTable;
  sla_policies: SlaPoliciesTable;
  escalation_rules: EscalationRulesTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_interactions: CaseInteractionsTable;
  follow_up_tasks: FollowUpTasksTable;
  kb_categories: KbCategoriesTable;
  kb_articles: KbArticlesTable;
  kb_article_versions: KbArticleVersionsTable;
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

type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A jsonb column the database fills with a default when an insert leaves it out. */
type JsonDefault<T> = ColumnType<T, string | undefined, string>;

export interface CustomersTable {
  id: Generated<string>;
  tenant_id: string;
  full_name: string;
  preferred_name: string | null;
  phones: JsonDefault<string[]>;
  emails: JsonDefault<string[]>;
  customer_number: string | null;
  account_numbers: JsonDefault<string[]>;
  address: string | null;
  birth_date: string | null;
  mothers_maiden_name: string | null;
  language: string | null;
  segment: string | null;
  custom_fields: JsonDefault<Record<string, unknown>>;
  do_not_contact: Generated<boolean>;
  merged_into: string | null;
  erased_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface SlaPoliciesTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  case_type: string | null;
  priority: string | null;
  first_response_minutes: number;
  resolution_minutes: number;
  follow_up_minutes: number;
  calendar: ColumnType<unknown, string | null, string | null>;
  queue_id: string | null;
  back_office_team_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CustomerSettingsTable {
  tenant_id: string;
  segments: Json<string[]>;
  updated_at: UpdatedAt;
}

export interface CustomerFieldDefinitionsTable {
  tenant_id: string;
  key: string;
  label: string;
  type: string;
  sensitive: boolean;
}

export interface ConsentRecordsTable {
  id: Generated<string>;
  tenant_id: string;
  customer_id: string;
  purpose: string;
  channel: string;
  method: string;
  source: string;
  given_at: Date;
  withdrawn_at: Date | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface VerificationPoliciesTable {
  tenant_id: string;
  policy: Json<unknown>;
  masked_fields: Json<string[]>;
  updated_at: UpdatedAt;
}

export interface VerificationAttemptsTable {
  id: Generated<string>;
  tenant_id: string;
  interaction_id: string;
  customer_id: string;
  level: string;
  matched: Json<string[]>;
  failed: Json<string[]>;
  succeeded: boolean;
  actor_id: string | null;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface RetentionSettingsTable {
  tenant_id: string;
  messages_days: number | null;
  recordings_days: number | null;
  verification_attempts_days: number;
  updated_at: UpdatedAt;
}

export interface CustomerMergesTable {
  id: Generated<string>;
  tenant_id: string;
  survivor_id: string;
  duplicate_id: string;
  survivor_before: Json<unknown>;
  duplicate_before: Json<unknown>;
  merged_by: string | null;
  merged_at: ColumnType<Date, Date | string | undefined, never>;
  undone_at: Date | null;
  undone_by: string | null;
}

export type CustomerRow = Selectable<CustomersTable>;
export interface EscalationRulesTable {
  id: Generated<string>;
  tenant_id: string;
  policy_id: string;
  position: number;
  trigger: string;
  at_percent: number;
  to_tier: string;
}

export interface CasesTable {
  id: Generated<string>;
  tenant_id: string;
  /** No foreign key until customers (0003-customers) is merged. */
  customer_id: string;
  origin_interaction_id: string | null;
  type: string;
  category: string | null;
  subject: string;
  description: string;
  priority: string;
  status: string;
  tier: Generated<string>;
  highest_tier: Generated<string>;
  owner_user_id: string | null;
  owner_team_id: string | null;
  sla_policy_id: string | null;
  opened_at: Timestamp;
  first_response_due_at: NullableTimestamp;
  first_responded_at: NullableTimestamp;
  resolution_due_at: NullableTimestamp;
  paused_since: NullableTimestamp;
  paused_business_ms: ColumnType<number, number | undefined, number>;
  next_escalation_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CaseEventsTable {
  seq: Generated<number>;
  tenant_id: string;
  case_id: string;
  type: string;
  at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  data: Json<unknown>;
}

export interface CaseInteractionsTable {
  tenant_id: string;
  case_id: string;
  interaction_id: string;
  linked_at: Timestamp;
  linked_by: string;
}

export interface FollowUpTasksTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  channel: string;
  reason: string;
  due_at: Timestamp;
  queue_id: string | null;
  interaction_id: string | null;
  status: Generated<string>;
  created_by: string;
  created_at: CreatedAt;
}

export interface KbCategoriesTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface KbArticlesTable {
  id: Generated<string>;
  tenant_id: string;
  category_id: string | null;
  language: string;
  title: string;
  body: string;
  tags: Json<unknown>;
  status: Generated<string>;
  version: Generated<number>;
  published_at: NullableTimestamp;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  search_vector: ColumnType<string, never, never>;
}

export interface KbArticleVersionsTable {
  tenant_id: string;
  article_id: string;
  version: number;
  title: string;
  body: string;
  language: string;
  category_id: string | null;
  tags: Json<unknown>;
  edited_by: string;
  created_at: CreatedAt;
}

export type CaseRow = Selectable<CasesTable>;
export type SlaPolicyRow = Selectable<SlaPoliciesTable>;
export type KbArticleRow = Selectable<KbArticlesTable>;
