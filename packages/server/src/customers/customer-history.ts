import { type Kysely, sql } from "kysely";
import { z } from "zod";
import type { Database } from "../db/schema.js";

export const customerHistoryView = z.object({
  /** The customer and those merged into it: history follows merges. */
  customerIds: z.array(z.uuid()),
  interactions: z.array(
    z.object({
      interactionId: z.string(),
      customerId: z.string(),
      channel: z.string(),
      direction: z.string(),
      queueId: z.string(),
      createdAt: z.string(),
      state: z.string(),
      agentId: z.string().nullable(),
    }),
  ),
});
export type CustomerHistory = z.infer<typeof customerHistoryView>;

interface CreatedEvent {
  interactionId: string;
  customerId: string;
  channel: string;
  direction: string;
  queueId: string;
  at: number;
}
interface TransitionEvent {
  to: string;
  agentId?: string;
}

/**
 * Interactions on every channel created for any of the customer ids, newest first, each with its latest
 * state, read from the routing event log. Other capabilities (cases, messages) will add their own entries.
 */
export async function customerHistory(
  db: Kysely<Database>,
  tenantId: string,
  customerIds: string[],
  limit = 200,
): Promise<CustomerHistory> {
  const created = await db
    .selectFrom("routing_events")
    .select(["interaction_id", "event"])
    .where("tenant_id", "=", tenantId)
    .where("type", "=", "interaction_created")
    .where(sql<string>`event->>'customerId'`, "in", customerIds)
    .orderBy("seq", "desc")
    .limit(limit)
    .execute();
  const ids = created.map((r) => r.interaction_id).filter((id): id is string => id !== null);
  const latest = new Map<string, TransitionEvent>();
  if (ids.length > 0) {
    const transitions = await db
      .selectFrom("routing_events")
      .select(["interaction_id", "event"])
      .where("tenant_id", "=", tenantId)
      .where("type", "=", "interaction_transitioned")
      .where("interaction_id", "in", ids)
      .orderBy("seq")
      .execute();
    for (const t of transitions) latest.set(t.interaction_id!, t.event as TransitionEvent);
  }
  return {
    customerIds,
    interactions: created.map((row) => {
      const event = row.event as CreatedEvent;
      const last = latest.get(event.interactionId);
      return {
        interactionId: event.interactionId,
        customerId: event.customerId,
        channel: event.channel,
        direction: event.direction,
        queueId: event.queueId,
        createdAt: new Date(event.at).toISOString(),
        state: last?.to ?? "queued",
        agentId: last?.agentId ?? null,
      };
    }),
  };
}
