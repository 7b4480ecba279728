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
  wfm_interval_history: WfmIntervalHistoryTable;
  wfm_special_days: WfmSpecialDaysTable;
  wfm_forecasts: WfmForecastsTable;
  wfm_forecast_intervals: WfmForecastIntervalsTable;
  wfm_forecast_adjustments: WfmForecastAdjustmentsTable;
  sla_policies: SlaPoliciesTable;
  escalation_rules: EscalationRulesTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_interactions: CaseInteractionsTable;
  follow_up_tasks: FollowUpTasksTable;
  kb_categories: KbCategoriesTable;
  kb_articles: KbArticlesTable;
  kb_article_versions: KbArticleVersionsTable;
  customers: CustomersTable;
  customer_settings: CustomerSettingsTable;
  customer_field_definitions: CustomerFieldDefinitionsTable;
  consent_records: ConsentRecordsTable;
  verification_policies: VerificationPoliciesTable;
  verification_attempts: VerificationAttemptsTable;
  retention_settings: RetentionSettingsTable;
  customer_merges: CustomerMergesTable;
  wfm_shift_templates: WfmShiftTemplatesTable;
  wfm_agent_contracts: WfmAgentContractsTable;
  wfm_schedules: WfmSchedulesTable;
  wfm_scheduled_shifts: WfmScheduledShiftsTable;
  wfm_adherence_alerts: WfmAdherenceAlertsTable;
  email_addresses: EmailAddressesTable;
  conversations: ConversationsTable;
  conversation_interactions: ConversationInteractionsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  csat_responses: CsatResponsesTable;
  web_chat_keys: WebChatKeysTable;
  web_chat_sessions: WebChatSessionsTable;
  messaging_accounts: MessagingAccountsTable;
  messaging_identities: MessagingIdentitiesTable;
  canned_responses: CannedResponsesTable;
  ivr_flows: IvrFlowsTable;
  ivr_flow_versions: IvrFlowVersionsTable;
  ivr_dids: IvrDidsTable;
  voice_calls: VoiceCallsTable;
  sip_endpoints: SipEndpointsTable;
  imap_accounts: ImapAccountsTable;
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
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
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

// Workforce scheduling (migration 0006).

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

// Digital channel conversations (migration 0007).

export interface EmailAddressesTable {
  id: Generated<string>;
  tenant_id: string;
  address: string;
  queue_id: string;
  language: string | null;
  skills: JsonDefault<{ skill: string; minLevel: number }[]>;
  display_name: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ConversationsTable {
  id: Generated<string>;
  tenant_id: string;
  channel: "email" | "chat" | "message";
  customer_id: string | null;
  status: ColumnType<"open" | "closed", "open" | "closed" | undefined, "open" | "closed">;
  subject: string | null;
  ticket_token: string;
  endpoint_address: string | null;
  contact_address: string | null;
  current_interaction_id: string | null;
  queue_id: string | null;
  language: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ConversationInteractionsTable {
  tenant_id: string;
  interaction_id: string;
  conversation_id: string;
  created_at: CreatedAt;
}

export interface MessagesTable {
  id: Generated<string>;
  tenant_id: string;
  conversation_id: string;
  direction: "inbound" | "outbound" | "internal_note";
  author_kind: "customer" | "user" | "system";
  author_id: string | null;
  from_address: string | null;
  to_addresses: JsonDefault<string[]>;
  subject: string | null;
  body_text: ColumnType<string, string | undefined, string>;
  body_html_sanitized: string | null;
  provider_message_id: string | null;
  in_reply_to: string | null;
  references: JsonDefault<string[]>;
  automated: "auto_reply" | "bounce" | null;
  parse_problem: string | null;
  delivery_status: "received" | "queued" | "sent" | "delivered" | "read" | "failed";
  /** Migration 0011: another channel than the conversation's (a chat transcript sent by email). */
  send_via: ColumnType<"email" | null, "email" | null | undefined, "email" | null>;
  attempts: Generated<number>;
  next_attempt_at: Date | null;
  last_error: string | null;
  sent_at: Date | null;
  created_at: CreatedAt;
  /** Migration 0009: when an agent first saw this customer message. */
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface AttachmentsTable {
  id: Generated<string>;
  tenant_id: string;
  message_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  content: Uint8Array;
  created_at: CreatedAt;
}

// Web chat channel (migration 0008).

export interface WebChatKeysTable {
  id: Generated<string>;
  tenant_id: string;
  public_key: string;
  name: string;
  queue_id: string;
  language: string | null;
  allowed_origins: JsonDefault<string[]>;
  topics: JsonDefault<{ label: string; queueId: string }[]>;
  /** Migration 0011: core `webChatWidgetSettings`, parsed on read (`{}` means the defaults). */
  settings: JsonDefault<unknown>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface WebChatSessionsTable {
  id: Generated<string>;
  tenant_id: string;
  key_id: string;
  conversation_id: string;
  token_hash: string;
  visitor_name: string;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Migration 0011. */
  ended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

// Web chat extras (migration 0011).

export interface CsatResponsesTable {
  id: Generated<string>;
  tenant_id: string;
  conversation_id: string;
  interaction_id: string | null;
  channel: string;
  rating: number;
  comment: string | null;
  created_at: CreatedAt;
}

export interface MessagingAccountsTable {
  id: Generated<string>;
  tenant_id: string;
  provider: "whatsapp" | "telegram" | "sms";
  name: string;
  webhook_key: string;
  api_base_url: string | null;
  settings: JsonDefault<Record<string, string>>;
  secrets: JsonDefault<Record<string, string>>;
  queue_id: string;
  language: string | null;
  skills: JsonDefault<{ skill: string; minLevel: number }[]>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MessagingIdentitiesTable {
  tenant_id: string;
  provider: string;
  external_id: string;
  username: string | null;
  customer_id: string;
  created_at: CreatedAt;
}
// Canned responses (migration 0009).

export interface CannedResponsesTable {
  id: Generated<string>;
  tenant_id: string;
  language: "id" | "en";
  shortcut: string;
  title: string;
  body: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface IvrFlowsTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  draft: Json<Record<string, unknown>>;
  published_version: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface IvrFlowVersionsTable {
  id: Generated<string>;
  tenant_id: string;
  flow_id: string;
  version: number;
  definition: Json<Record<string, unknown>>;
  published_by: string | null;
  published_at: CreatedAt;
}

export interface IvrDidsTable {
  id: Generated<string>;
  tenant_id: string;
  number: string;
  flow_id: string;
  description: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ImapAccountsTable {
  id: Generated<string>;
  tenant_id: string;
  email_address_id: string;
  host: string;
  port: number;
  security: "tls" | "starttls" | "none";
  username: string;
  password: string;
  folder: Generated<string>;
  enabled: Generated<boolean>;
  uid_validity: string | null;
  /** bigint: node-postgres and PGlite hand it back as a string or a number; read it with Number(). */
  last_uid: ColumnType<string | number, number | undefined, number>;
  lease_owner: string | null;
  lease_until: Date | null;
  last_polled_at: Date | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface VoiceCallsTable {
  id: Generated<string>;
  tenant_id: string;
  sip_call_id: string;
  direction: "inbound" | "outbound";
  from_number: string | null;
  to_number: string;
  state: "ivr" | "queued" | "connected" | "ended";
  interaction_id: string | null;
  customer_id: string | null;
  ivr_flow_id: string | null;
  ivr_flow_version: number | null;
  ivr_language: string | null;
  ivr_variables: ColumnType<Record<string, string>, string | undefined, string>;
  started_at: Generated<Date>;
  queued_at: Date | null;
  connected_at: Date | null;
  ended_at: Date | null;
  end_reason: string | null;
  ended_by: "caller" | "agent" | "system" | null;
}

export interface SipEndpointsTable {
  id: Generated<string>;
  tenant_id: string;
  agent_id: string;
  username: string;
  password: string;
  enabled: Generated<boolean>;
  created_at: Generated<Date>;
}
