import type { Purger } from "../customers/retention-service.js";

const DAY_MS = 86_400_000;

/**
 * The tenant's `messagesDays` retention for conversation messages and their attachments. Messages still
 * waiting in the outbox are kept, so a reply is never dropped before it had its chance to leave; the
 * conversations themselves stay (subject, customer link) as the record that contact happened.
 */
export const conversationMessagesPurger: Purger = {
  name: "conversation_messages",
  async purge(db, tenantId, settings, now) {
    if (settings.messagesDays === null) return 0;
    const cutoff = new Date(now.getTime() - settings.messagesDays * DAY_MS);
    return db.transaction().execute(async (trx) => {
      const old = trx
        .selectFrom("messages")
        .select("id")
        .where("tenant_id", "=", tenantId)
        .where("created_at", "<", cutoff)
        .where("delivery_status", "!=", "queued");
      await trx
        .deleteFrom("attachments")
        .where("tenant_id", "=", tenantId)
        .where("message_id", "in", old)
        .execute();
      const result = await trx
        .deleteFrom("messages")
        .where("tenant_id", "=", tenantId)
        .where("created_at", "<", cutoff)
        .where("delivery_status", "!=", "queued")
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  },
};
