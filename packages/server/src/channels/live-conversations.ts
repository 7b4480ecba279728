import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.js";
import type { RoutingWorkService } from "../routing/routing-work-service.js";
import type { Actor } from "../tenancy/actor.js";
import type { LiveConversationView } from "./conversation-views.js";

const toIso = (value: Date | string | null): string | null =>
  value === null ? null : (value instanceof Date ? value : new Date(value)).toISOString();

/**
 * The tenant's live digital conversations for supervisors: open conversations whose interaction the routing
 * engine still holds (queued, offered, connected or in wrap-up), with who is handling them and how long the
 * customer has been waiting for an answer.
 */
export class LiveConversations {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly routingWork: RoutingWorkService,
  ) {}

  async list(actor: Actor): Promise<{ items: LiveConversationView[] }> {
    const rows = await this.db
      .selectFrom("conversations as c")
      .leftJoin("customers as cu", (join) =>
        join.onRef("cu.id", "=", "c.customer_id").onRef("cu.tenant_id", "=", "c.tenant_id"),
      )
      .select([
        "c.id",
        "c.channel",
        "c.subject",
        "c.customer_id",
        "c.contact_address",
        "c.current_interaction_id",
        "c.updated_at",
        "cu.full_name",
        sql<Date | string | null>`(
          select min(m.created_at) from messages m
          where m.tenant_id = c.tenant_id and m.conversation_id = c.id and m.direction = 'inbound'
            and m.created_at > coalesce(
              (select max(o.created_at) from messages o
               where o.tenant_id = c.tenant_id and o.conversation_id = c.id and o.direction = 'outbound'),
              '-infinity'::timestamptz)
        )`.as("waiting_since"),
      ])
      .where("c.tenant_id", "=", actor.tenantId)
      .where("c.status", "=", "open")
      .where("c.current_interaction_id", "is not", null)
      .orderBy("c.updated_at", "desc")
      .limit(200)
      .execute();
    const live = await Promise.all(
      rows.map(async (row) => {
        const interaction = await this.routingWork
          .interaction(actor, row.current_interaction_id!)
          .catch(() => undefined);
        return interaction?.live ? { row, interaction } : undefined;
      }),
    );
    const items = live.filter((entry) => entry !== undefined);
    const agentIds = [...new Set(items.flatMap(({ interaction }) => interaction.agentId ?? []))];
    const agents =
      agentIds.length === 0
        ? []
        : await this.db
            .selectFrom("users")
            .select(["id", "display_name"])
            .where("tenant_id", "=", actor.tenantId)
            .where("id", "in", agentIds)
            .execute();
    const agentName = new Map(agents.map((a) => [a.id, a.display_name]));
    return {
      items: items.map(({ row, interaction }) => ({
        id: row.id,
        channel: row.channel,
        subject: row.subject,
        customerId: row.customer_id,
        customerName: row.full_name,
        contactAddress: row.contact_address,
        interactionId: interaction.interactionId,
        state: interaction.state,
        queueId: interaction.queueId,
        agentId: interaction.agentId ?? null,
        agentName: interaction.agentId ? (agentName.get(interaction.agentId) ?? null) : null,
        waitingSince: toIso(row.waiting_since),
        updatedAt: row.updated_at.toISOString(),
      })),
    };
  }
}
