import type { Services } from "../services.js";

/** The demo tenant's web-chat key, the one /demo/chat.html carries in its widget tag. */
export const DEMO_WEB_CHAT_KEY = "wc_demo_localhost_chat";

/** Chats from the demo page go to the Indonesian customer-service chat queue. */
export async function seedDemoWebChat(services: Services, tenantId: string): Promise<void> {
  const queue = await services.db
    .selectFrom("queues")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("name", "=", "Layanan Nasabah — Chat")
    .executeTakeFirst();
  if (!queue) return;
  await services.db
    .insertInto("web_chat_keys")
    .values({
      tenant_id: tenantId,
      public_key: DEMO_WEB_CHAT_KEY,
      name: "Demo website",
      queue_id: queue.id,
      language: "id",
    })
    .onConflict((oc) => oc.column("public_key").doNothing())
    .execute();
}
