import { type Kysely, sql } from "kysely";

/**
 * The agent desktop's side of digital conversations.
 *
 * - `canned_responses`: prepared replies per tenant and language, picked by a shortcut that is unique within
 *   a tenant's language. Placeholders in `body` are checked when saved and rendered when inserted.
 * - `messages.read_at`: when an agent first saw a customer's message (read receipts); null until then.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table canned_responses (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      language text not null,
      shortcut text not null,
      title text not null,
      body text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, language, shortcut)
    );

    alter table messages add column read_at timestamptz;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table messages drop column read_at; drop table canned_responses;`.execute(db);
}
