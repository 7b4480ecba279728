import { type Kysely, sql } from "kysely";

/**
 * The web chat widget's extras.
 *
 * - `web_chat_keys.settings`: attachment limits, opening hours and the offline form (see core
 *   `webChatWidgetSettings`); `{}` reads as the defaults.
 * - `web_chat_sessions.ended_at`: when the visitor (or the agent) ended the chat; the token stays valid for
 *   the post-chat survey and the transcript, but no new messages are taken.
 * - (`messages.delivery_status` `read`, which the widget's read receipts set, came with migration 0010.)
 * - `messages.send_via`: a message sent through another channel than its conversation's (the chat
 *   transcript leaves by email); null means the conversation's channel.
 * - `csat_responses`: the post-contact satisfaction answer (1–5 and a comment), one per conversation and
 *   interaction, kept by channel so reports can read it for every channel.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table web_chat_keys add column settings jsonb not null default '{}';
    alter table web_chat_sessions add column ended_at timestamptz;
    alter table messages add column send_via text check (send_via in ('email'));

    create table csat_responses (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid not null references tenants(id),
      conversation_id uuid not null references conversations(id),
      interaction_id uuid,
      channel text not null,
      rating integer not null check (rating between 1 and 5),
      comment text,
      created_at timestamptz not null default now(),
      unique (tenant_id, conversation_id)
    );
    create index csat_responses_tenant_created on csat_responses (tenant_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table csat_responses;
    alter table messages drop column send_via;
    alter table web_chat_sessions drop column ended_at;
    alter table web_chat_keys drop column settings;
  `.execute(db);
}
