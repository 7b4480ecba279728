import type { CustomerDataEraser } from "../customers/customer-privacy-service.js";

const ERASED = "[erased]";

/**
 * Erasure of a customer reaches their conversations: message bodies, addresses and attachments are removed,
 * while the conversation and message rows stay (channel, direction, times) so volumes and handling times in
 * reports still add up. Replies still waiting in the outbox are cancelled: nothing more goes to an erased
 * person. Web chat sessions lose the visitor's name; messaging identities (a Telegram user id) are removed, so
 * a later message from that account starts a new customer instead of reviving the erased one.
 */
export const conversationDataEraser: CustomerDataEraser = {
  name: "conversations",
  async erase(trx, tenantId, customerIds) {
    if (customerIds.length === 0) return 0;
    const theirConversations = trx
      .selectFrom("conversations")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("customer_id", "in", customerIds);
    const theirMessages = trx
      .selectFrom("messages")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("conversation_id", "in", theirConversations);
    await trx
      .deleteFrom("attachments")
      .where("tenant_id", "=", tenantId)
      .where("message_id", "in", theirMessages)
      .execute();
    await trx
      .updateTable("messages")
      .set({ delivery_status: "failed", next_attempt_at: null, last_error: "The customer was erased." })
      .where("tenant_id", "=", tenantId)
      .where("conversation_id", "in", theirConversations)
      .where("delivery_status", "=", "queued")
      .execute();
    const scrubbed = await trx
      .updateTable("messages")
      .set({
        body_text: ERASED,
        body_html_sanitized: null,
        subject: null,
        from_address: null,
        to_addresses: "[]",
        parse_problem: null,
      })
      .where("tenant_id", "=", tenantId)
      .where("conversation_id", "in", theirConversations)
      .executeTakeFirst();
    await trx
      .updateTable("web_chat_sessions")
      .set({ visitor_name: ERASED })
      .where("tenant_id", "=", tenantId)
      .where("conversation_id", "in", theirConversations)
      .execute();
    await trx
      .deleteFrom("messaging_identities")
      .where("tenant_id", "=", tenantId)
      .where("customer_id", "in", customerIds)
      .execute();
    await trx
      .updateTable("conversations")
      .set({ subject: null, contact_address: null })
      .where("tenant_id", "=", tenantId)
      .where("customer_id", "in", customerIds)
      .execute();
    return Number(scrubbed.numUpdatedRows);
  },
};
