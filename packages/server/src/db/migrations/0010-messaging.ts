import { type Kysely, sql } from "kysely";

/**
 * The messaging channel (WhatsApp Business Cloud API, Telegram Bot API, generic SMS gateways).
 *
 * - `messaging_accounts`: one business number or bot of a tenant. `webhook_key` is the unguessable part of
 *   the webhook URL the provider posts to (`/api/v1/hooks/messaging/<key>`); it names the account, hence the
 *   tenant, so it is unique across tenants. `settings` holds the non-secret provider fields (phone number
 *   id, send URL, sender number); `secrets` holds tokens and signing secrets, which the API accepts but
 *   never returns.
 * - `messaging_identities`: a customer's address on a provider without phone numbers (a Telegram user id),
 *   so their next message finds the same customer record.
 * - Messages gain the `read` delivery status (WhatsApp read receipts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table messaging_accounts (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      provider text not null check (provider in ('whatsapp','telegram','sms')),
      name text not null,
      webhook_key text not null unique,
      api_base_url text,
      settings jsonb not null default '{}',
      secrets jsonb not null default '{}',
      queue_id uuid not null references queues(id),
      language text,
      skills jsonb not null default '[]',
      enabled boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index messaging_accounts_tenant on messaging_accounts (tenant_id);

    create table messaging_identities (
      tenant_id uuid not null references tenants(id),
      provider text not null,
      external_id text not null,
      username text,
      customer_id uuid not null references customers(id),
      created_at timestamptz not null default now(),
      primary key (tenant_id, provider, external_id)
    );

    alter table messages drop constraint messages_delivery_status_check;
    alter table messages add constraint messages_delivery_status_check
      check (delivery_status in ('received','queued','sent','delivered','read','failed'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update messages set delivery_status = 'delivered' where delivery_status = 'read';
    alter table messages drop constraint messages_delivery_status_check;
    alter table messages add constraint messages_delivery_status_check
      check (delivery_status in ('received','queued','sent','delivered','failed'));
    drop table messaging_identities;
    drop table messaging_accounts;
  `.execute(db);
}
