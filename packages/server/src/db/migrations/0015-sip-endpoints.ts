import { type Kysely, sql } from "kysely";

/**
 * Agents' desk phones and softphones that register over SIP. One endpoint per agent; the username is unique
 * across the installation because a REGISTER names nothing else. The password is what digest needs to check a
 * phone's answer: it is stored as given (like the IMAP and messaging secrets) and never returned by the API
 * after it is created or reset. Registrations themselves live in the serving process's memory: a phone
 * re-registers every few minutes anyway.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sip_endpoints (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      agent_id uuid not null,
      username text not null unique,
      password text not null,
      enabled boolean not null default true,
      created_at timestamptz not null default now(),
      unique (tenant_id, agent_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table sip_endpoints`.execute(db);
}
