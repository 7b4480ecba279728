import { type Kysely, sql } from "kysely";

/**
 * Phone calls. One row per call leg the voice engine answered (or refused after finding the tenant): who
 * called which number, what the IVR collected (for the agent's screen pop), the interaction it became, and
 * how it ended. Call-level events (ringing, answered, hangup cause) are here; the routing events of its
 * interaction carry the queue side, so reports join the two by `interaction_id`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table voice_calls (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      sip_call_id text not null,
      direction text not null check (direction in ('inbound','outbound')),
      from_number text,
      to_number text not null,
      state text not null check (state in ('ivr','queued','connected','ended')),
      interaction_id uuid,
      customer_id uuid,
      ivr_flow_id uuid,
      ivr_flow_version integer,
      ivr_language text,
      ivr_variables jsonb not null default '{}',
      started_at timestamptz not null default now(),
      queued_at timestamptz,
      connected_at timestamptz,
      ended_at timestamptz,
      end_reason text,
      ended_by text check (ended_by in ('caller','agent','system'))
    );
    create index voice_calls_tenant_started on voice_calls (tenant_id, started_at desc);
    create index voice_calls_interaction on voice_calls (tenant_id, interaction_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table voice_calls`.execute(db);
}
