import { randomBytes } from "node:crypto";
import {
  notFound,
  UserError,
  type WebChatKeyBody,
  type WebChatKeyPatch,
  type WebChatWidgetSettings,
  webChatWidgetSettings,
} from "@sentra/core";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../../audit/audit-log.js";
import type { Database, WebChatKeysTable } from "../../db/schema.js";
import type { RoutingConfigService } from "../../routing/routing-config-service.js";
import type { Actor, Origin } from "../../tenancy/actor.js";

export type WebChatKeyRow = Selectable<WebChatKeysTable>;

export const webChatKeyView = z.object({
  id: z.string(),
  publicKey: z.string(),
  name: z.string(),
  queueId: z.string(),
  language: z.string().nullable(),
  allowedOrigins: z.array(z.string()),
  topics: z.array(z.object({ label: z.string(), queueId: z.string() })),
  enabled: z.boolean(),
  settings: webChatWidgetSettings,
});
export type WebChatKeyView = z.infer<typeof webChatKeyView>;

const toView = (row: WebChatKeyRow): WebChatKeyView => ({
  id: row.id,
  publicKey: row.public_key,
  name: row.name,
  queueId: row.queue_id,
  language: row.language,
  allowedOrigins: row.allowed_origins,
  topics: row.topics,
  enabled: row.enabled,
  settings: storedSettings(row.settings),
});

/** A key's stored widget settings; a value that no longer parses reads as the defaults. */
export const storedSettings = (value: unknown): WebChatWidgetSettings => {
  const parsed = webChatWidgetSettings.safeParse(value ?? {});
  return parsed.success ? parsed.data : webChatWidgetSettings.parse({});
};

/** A fresh public widget key; random so keys of different tenants cannot be guessed from one another. */
export const newPublicKey = (): string => `wc_${randomBytes(18).toString("base64url")}`;

/** A tenant's web-chat keys: each names the queue and language its website's chats are routed with. */
export class WebChatKeyService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly routingConfig: RoutingConfigService,
  ) {}

  async list(actor: Actor): Promise<{ items: WebChatKeyView[] }> {
    const rows = await this.db
      .selectFrom("web_chat_keys")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .orderBy("name")
      .execute();
    return { items: rows.map(toView) };
  }

  async get(actor: Actor, id: string): Promise<WebChatKeyView> {
    return toView(await this.#row(actor.tenantId, id));
  }

  async create(actor: Actor, body: WebChatKeyBody, origin: Origin): Promise<WebChatKeyView> {
    for (const queueId of [body.queueId, ...body.topics.map((t) => t.queueId)])
      await this.routingConfig.assertQueueTakes(actor, queueId, "chat");
    if (body.settings.offlineQueueId)
      await this.routingConfig.assertQueueTakes(actor, body.settings.offlineQueueId, "email");
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("web_chat_keys")
        .values({
          tenant_id: actor.tenantId,
          public_key: newPublicKey(),
          name: body.name,
          queue_id: body.queueId,
          language: body.language,
          allowed_origins: JSON.stringify(body.allowedOrigins),
          topics: JSON.stringify(body.topics),
          settings: JSON.stringify(body.settings),
          enabled: body.enabled,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "channel.web_chat_key_created",
          target: { type: "web_chat_key", id: row.id },
          details: { name: row.name, queueId: row.queue_id },
          origin,
        },
        trx,
      );
      return toView(row);
    });
  }

  async update(actor: Actor, id: string, patch: WebChatKeyPatch, origin: Origin): Promise<WebChatKeyView> {
    await this.#row(actor.tenantId, id);
    for (const queueId of [patch.queueId, ...(patch.topics ?? []).map((t) => t.queueId)]) {
      if (queueId) await this.routingConfig.assertQueueTakes(actor, queueId, "chat");
    }
    if (patch.settings?.offlineQueueId)
      await this.routingConfig.assertQueueTakes(actor, patch.settings.offlineQueueId, "email");
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("web_chat_keys")
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.queueId !== undefined ? { queue_id: patch.queueId } : {}),
          ...(patch.language !== undefined ? { language: patch.language } : {}),
          ...(patch.allowedOrigins !== undefined
            ? { allowed_origins: JSON.stringify(patch.allowedOrigins) }
            : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
          ...(patch.topics !== undefined ? { topics: JSON.stringify(patch.topics) } : {}),
          ...(patch.settings !== undefined ? { settings: JSON.stringify(patch.settings) } : {}),
          updated_at: new Date(),
        })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "channel.web_chat_key_updated",
          target: { type: "web_chat_key", id },
          details: { fields: Object.keys(patch) },
          origin,
        },
        trx,
      );
      return toView(row);
    });
  }

  /** Disables rather than deletes: the key's past sessions keep their conversations. */
  async delete(actor: Actor, id: string, origin: Origin): Promise<void> {
    await this.#row(actor.tenantId, id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("web_chat_keys")
        .set({ enabled: false, updated_at: new Date() })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "channel.web_chat_key_disabled",
          target: { type: "web_chat_key", id },
          origin,
        },
        trx,
      );
    });
  }

  /** The enabled key a widget presents, across tenants: the key is what names the tenant. */
  async resolve(publicKey: string): Promise<WebChatKeyRow> {
    const row = await this.db
      .selectFrom("web_chat_keys")
      .selectAll()
      .where("public_key", "=", publicKey)
      .where("enabled", "=", true)
      .executeTakeFirst();
    if (!row)
      throw new UserError("not_found", "web_chat_key_unknown", "This chat key is unknown or disabled.");
    return row;
  }

  async #row(tenantId: string, id: string): Promise<WebChatKeyRow> {
    const row = await this.db
      .selectFrom("web_chat_keys")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("web_chat_key", id);
    return row;
  }
}
