import { type Kysely, sql } from "kysely";

/**
 * Conversations of the digital channels (email now; chat and messaging adapters later share these tables).
 *
 * - `messages.provider_message_id` is the channel's own id (RFC 5322 Message-ID for email); unique per
 *   tenant so a redelivered message is stored once.
 * - Attachments are kept in the database as bytea: they commit in the same transaction as their message (a
 *   rejected or failed mail leaves nothing half-stored), the tenant filter and backups cover them like every
 *   other row, and PGlite and PostgreSQL behave the same. Inbound mail is capped by SENTRA_SMTP_MAX_BYTES
 *   (10 MB by default), which keeps rows well inside what bytea handles comfortably.
 * - `email_addresses` maps a tenant's mailbox to the queue, language and skills its mail is routed with. An
 *   address belongs to one tenant only (it decides whose mail it is), hence unique across tenants.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table email_addresses (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      address text not null unique check (address = lower(address)),
      queue_id uuid not null references queues(id),
      language text,
      skills jsonb not null default '[]',
      display_name text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index email_addresses_tenant on email_addresses (tenant_id);

    create table conversations (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      channel text not null check (channel in ('email','chat','message')),
      customer_id uuid references customers(id),
      status text not null default 'open' check (status in ('open','closed')),
      subject text,
      ticket_token text not null,
      endpoint_address text,
      contact_address text,
      current_interaction_id uuid,
      queue_id uuid references queues(id) on delete set null,
      language text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, ticket_token)
    );
    create index conversations_tenant_updated on conversations (tenant_id, updated_at desc);
    create index conversations_customer on conversations (tenant_id, customer_id);
    create index conversations_interaction on conversations (tenant_id, current_interaction_id);

    -- Every interaction a conversation was routed as (a reopened conversation gets a new one), so the
    -- desktop finds the conversation from any of them, not only the current one.
    create table conversation_interactions (
      tenant_id uuid not null references tenants(id),
      interaction_id uuid not null,
      conversation_id uuid not null references conversations(id),
      created_at timestamptz not null default now(),
      primary key (tenant_id, interaction_id)
    );
    create index conversation_interactions_conversation on conversation_interactions (tenant_id, conversation_id);

    create table messages (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      conversation_id uuid not null references conversations(id),
      direction text not null check (direction in ('inbound','outbound','internal_note')),
      author_kind text not null check (author_kind in ('customer','user','system')),
      author_id text,
      from_address text,
      to_addresses jsonb not null default '[]',
      subject text,
      body_text text not null default '',
      body_html_sanitized text,
      provider_message_id text,
      in_reply_to text,
      "references" jsonb not null default '[]',
      automated text check (automated in ('auto_reply','bounce')),
      parse_problem text,
      delivery_status text not null check (delivery_status in ('received','queued','sent','delivered','failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz not null default now(),
      unique (tenant_id, provider_message_id)
    );
    create index messages_conversation on messages (tenant_id, conversation_id, created_at);
    create index messages_outbox on messages (delivery_status, next_attempt_at) where delivery_status = 'queued';

    create table attachments (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      message_id uuid not null references messages(id),
      file_name text not null,
      content_type text not null,
      size_bytes integer not null,
      content bytea not null,
      created_at timestamptz not null default now()
    );
    create index attachments_message on attachments (tenant_id, message_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table attachments;
    drop table messages;
    drop table conversation_interactions;
    drop table conversations;
    drop table email_addresses;
  `.execute(db);
}
