import { type Kysely, sql } from "kysely";

/**
 * IMAP mailboxes Sentra polls for a tenant, besides (or instead of) its own SMTP receiver.
 *
 * - The account delivers into one of the tenant's `email_addresses`, which names the queue, language and
 *   skills; deleting the address deletes its IMAP account.
 * - `password` is kept to log in with and is never returned by the API.
 * - `uid_validity` + `last_uid` are the cursor: what was fetched last, so no message is fetched twice or
 *   skipped. UIDs are 32-bit unsigned, hence bigint.
 * - `lease_owner` / `lease_until` name the one Sentra process polling the account; another process takes it
 *   over only once the lease has run out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table imap_accounts (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      email_address_id uuid not null references email_addresses(id) on delete cascade,
      host text not null,
      port integer not null,
      security text not null check (security in ('tls', 'starttls', 'none')),
      username text not null,
      password text not null,
      folder text not null default 'INBOX',
      enabled boolean not null default true,
      uid_validity text,
      last_uid bigint not null default 0,
      lease_owner text,
      lease_until timestamptz,
      last_polled_at timestamptz,
      last_error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (tenant_id, host, port, username, folder)
    );
    create index imap_accounts_tenant on imap_accounts (tenant_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table imap_accounts;`.execute(db);
}
