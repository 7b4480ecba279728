import { randomBytes } from "node:crypto";
import {
  DEFAULT_PROVIDER_API,
  MESSAGING_PROVIDERS,
  MESSAGING_SECRET_FIELDS,
  type MessagingAccountBody,
  type MessagingAccountPatch,
  type MessagingProvider,
  notFound,
  UserError,
} from "@sentra/core";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../../audit/audit-log.js";
import type { Database, MessagingAccountsTable } from "../../db/schema.js";
import type { RoutingConfigService } from "../../routing/routing-config-service.js";
import type { Actor, Origin } from "../../tenancy/actor.js";

export type MessagingAccountRow = Selectable<MessagingAccountsTable>;

/** The non-secret fields of each provider, kept in `settings`. */
const SETTING_FIELDS = {
  whatsapp: ["phoneNumberId"],
  telegram: [],
  sms: ["sendUrl", "fromNumber"],
} as const satisfies Record<MessagingProvider, readonly string[]>;

const SECRET_FIELDS = MESSAGING_SECRET_FIELDS;

export const messagingAccountView = z.object({
  id: z.string(),
  provider: z.enum(MESSAGING_PROVIDERS),
  name: z.string(),
  /** The path the provider posts to; prefix it with Sentra's public URL. */
  webhookPath: z.string(),
  apiBaseUrl: z.string().nullable(),
  settings: z.record(z.string(), z.string()),
  /** Which secrets are set — never their values. */
  secretsSet: z.array(z.string()),
  queueId: z.string(),
  language: z.string().nullable(),
  skills: z.array(z.object({ skill: z.string(), minLevel: z.number() })),
  enabled: z.boolean(),
});
export type MessagingAccountView = z.infer<typeof messagingAccountView>;

export const webhookPathOf = (key: string): string => `/api/v1/hooks/messaging/${key}`;

const toView = (row: MessagingAccountRow): MessagingAccountView => ({
  id: row.id,
  provider: row.provider,
  name: row.name,
  webhookPath: webhookPathOf(row.webhook_key),
  apiBaseUrl: row.api_base_url,
  settings: row.settings,
  secretsSet: Object.keys(row.secrets).sort(),
  queueId: row.queue_id,
  language: row.language,
  skills: row.skills,
  enabled: row.enabled,
});

/** 24 random bytes: the webhook URL is the account's only name the public knows, so it must not be guessable. */
export const newWebhookKey = (): string => `mh_${randomBytes(24).toString("base64url")}`;

const pick = (source: Record<string, unknown>, fields: readonly string[]): Record<string, string> =>
  Object.fromEntries(
    fields.flatMap((f) => (typeof source[f] === "string" ? [[f, source[f] as string]] : [])),
  );

/**
 * A tenant's messaging accounts (WhatsApp numbers, Telegram bots, SMS gateways): each names the queue its
 * messages are routed to and carries the provider secrets, which are write-only through the API.
 */
export class MessagingAccountService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly routingConfig: RoutingConfigService,
  ) {}

  async list(actor: Actor): Promise<{ items: MessagingAccountView[] }> {
    const rows = await this.db
      .selectFrom("messaging_accounts")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .orderBy("name")
      .orderBy("id")
      .execute();
    return { items: rows.map(toView) };
  }

  async get(actor: Actor, id: string): Promise<MessagingAccountView> {
    return toView(await this.row(actor.tenantId, id));
  }

  async create(actor: Actor, body: MessagingAccountBody, origin: Origin): Promise<MessagingAccountView> {
    await this.routingConfig.assertQueueTakes(actor, body.queueId, "message");
    const fields = body as unknown as Record<string, unknown>;
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("messaging_accounts")
        .values({
          tenant_id: actor.tenantId,
          provider: body.provider,
          name: body.name,
          webhook_key: newWebhookKey(),
          api_base_url: "apiBaseUrl" in body ? body.apiBaseUrl : null,
          settings: JSON.stringify(pick(fields, SETTING_FIELDS[body.provider])),
          secrets: JSON.stringify(pick(fields, SECRET_FIELDS[body.provider])),
          queue_id: body.queueId,
          language: body.language,
          skills: JSON.stringify(body.skills),
          enabled: body.enabled,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "channel.messaging_account_created",
          target: { type: "messaging_account", id: row.id },
          details: { provider: row.provider, name: row.name, queueId: row.queue_id },
          origin,
        },
        trx,
      );
      return toView(row);
    });
  }

  async update(
    actor: Actor,
    id: string,
    patch: MessagingAccountPatch,
    origin: Origin,
  ): Promise<MessagingAccountView> {
    const current = await this.row(actor.tenantId, id);
    const provider = current.provider;
    const allowed = new Set<string>([
      "name",
      "queueId",
      "language",
      "skills",
      "enabled",
      ...SETTING_FIELDS[provider],
      ...SECRET_FIELDS[provider],
      ...(provider === "sms" ? [] : ["apiBaseUrl"]),
    ]);
    const foreign = Object.keys(patch).filter((k) => !allowed.has(k));
    if (foreign.length > 0) {
      throw new UserError(
        "invalid",
        "field_not_for_provider",
        `A ${provider} account has no ${foreign.join(", ")}.`,
      );
    }
    if (patch.queueId) await this.routingConfig.assertQueueTakes(actor, patch.queueId, "message");
    const fields = patch as Record<string, unknown>;
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("messaging_accounts")
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.queueId !== undefined ? { queue_id: patch.queueId } : {}),
          ...(patch.language !== undefined ? { language: patch.language } : {}),
          ...(patch.skills !== undefined ? { skills: JSON.stringify(patch.skills) } : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
          ...(patch.apiBaseUrl !== undefined ? { api_base_url: patch.apiBaseUrl } : {}),
          settings: JSON.stringify({ ...current.settings, ...pick(fields, SETTING_FIELDS[provider]) }),
          secrets: JSON.stringify({ ...current.secrets, ...pick(fields, SECRET_FIELDS[provider]) }),
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
          action: "channel.messaging_account_updated",
          target: { type: "messaging_account", id },
          // Field names only: secrets must not reach the audit log either.
          details: { fields: Object.keys(patch) },
          origin,
        },
        trx,
      );
      return toView(row);
    });
  }

  /** Disables rather than deletes: past conversations keep naming the account they came through. */
  async delete(actor: Actor, id: string, origin: Origin): Promise<void> {
    await this.row(actor.tenantId, id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("messaging_accounts")
        .set({ enabled: false, updated_at: new Date() })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "channel.messaging_account_disabled",
          target: { type: "messaging_account", id },
          origin,
        },
        trx,
      );
    });
  }

  /** The enabled account a webhook URL names, across tenants (the key is what names the tenant). */
  async byWebhookKey(key: string): Promise<MessagingAccountRow | undefined> {
    if (!/^mh_[A-Za-z0-9_-]{20,64}$/.test(key)) return undefined;
    return this.db
      .selectFrom("messaging_accounts")
      .selectAll()
      .where("webhook_key", "=", key)
      .where("enabled", "=", true)
      .executeTakeFirst();
  }

  async row(tenantId: string, id: string): Promise<MessagingAccountRow> {
    const row = await this.db
      .selectFrom("messaging_accounts")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("messaging_account", id);
    return row;
  }
}

/** The API base URL an account calls: its own (a test fake, a regional proxy) or the provider's. */
export function apiBaseOf(account: MessagingAccountRow): string {
  if (account.api_base_url) return account.api_base_url;
  if (account.provider === "sms") throw new Error("An SMS account sends to its sendUrl, not an API base.");
  return DEFAULT_PROVIDER_API[account.provider];
}
