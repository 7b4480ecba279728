import type { Services } from "../services.js";

export const DEMO_SUPPORT_MAILBOX = "support@demo.localhost";

/**
 * The demo tenant's support mailbox: mail sent to support@demo.localhost on Sentra's SMTP port (2525 by
 * default) becomes an email conversation routed to the English customer-service queue, which takes email.
 */
export async function seedDemoEmail(services: Services, tenantId: string): Promise<void> {
  const queue = await services.db
    .selectFrom("queues")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("name", "=", "Customer Service (English)")
    .executeTakeFirst();
  if (!queue) return;
  await services.db
    .insertInto("email_addresses")
    .values({
      tenant_id: tenantId,
      address: DEMO_SUPPORT_MAILBOX,
      queue_id: queue.id,
      language: null,
      display_name: "Demo Contact Center Support",
    })
    .onConflict((oc) => oc.column("address").doNothing())
    .execute();
}
