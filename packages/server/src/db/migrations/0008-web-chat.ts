import { type Kysely, sql } from "kysely";

/**
 * The web chat channel.
 *
 * - `web_chat_keys`: the public key a host page puts in the widget tag (`wc_…`). It is not a secret — it only
 *   names the tenant and queue — so it is unique across tenants, like a mailbox address. `topics` are the
 *   pre-chat form's choices, each routed to its own queue (the key's queue when the topic is not listed).
 * - `web_chat_sessions`: one visitor's chat. The visitor token is a bearer secret kept in the browser, so only
 *   its SHA-256 is stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table web_chat_keys (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      public_key text not null unique,
      name text not null,
      queue_id uuid not null references queues(id),
      language text,
      allowed_origins jsonb not null default '[]',
      topics jsonb not null default '[]',
      enabled boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index web_chat_keys_tenant on web_chat_keys (tenant_id);

    create table web_chat_sessions (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      key_id uuid not null references web_chat_keys(id) on delete cascade,
      conversation_id uuid not null references conversations(id),
      token_hash text not null unique,
      visitor_name text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now()
    );
    create index web_chat_sessions_conversation on web_chat_sessions (tenant_id, conversation_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table web_chat_sessions; drop table web_chat_keys;`.execute(db);
}
