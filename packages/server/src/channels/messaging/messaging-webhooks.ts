import {
  advanceDeliveryStatus,
  type Clock,
  customerBody,
  type DeliveryReport,
  type MessagingInbound,
  type MessagingWebhookContent,
  readSmsWebhook,
  readTelegramUpdate,
  readWhatsAppWebhook,
  smsWebhookPayload,
  telegramUpdate,
  UserError,
  whatsappWebhookPayload,
} from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { z } from "zod";
import { toE164 } from "../../customers/contact-normalization.js";
import type { CustomerService } from "../../customers/customer-service.js";
import type { Database } from "../../db/schema.js";
import type { InboundIntake } from "../inbound-intake.js";
import type { InboundAttachment } from "../inbound-message.js";
import type { MessagingAccountRow, MessagingAccountService } from "./messaging-account-service.js";
import { fetchMedia } from "./messaging-media.js";
import { checkSmsSignature, constantTimeEqual, whatsappSignatureValid } from "./webhook-signatures.js";

export interface WebhookOutcome {
  readonly stored: number;
  readonly duplicates: number;
  readonly receipts: number;
}

type Headers = Record<string, string | string[] | undefined>;
const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const unknownKey = () =>
  new UserError(
    "not_found",
    "messaging_account_unknown",
    "No enabled messaging account has this webhook URL.",
  );

/**
 * What arrives at a messaging webhook. Order matters: the account is found by the URL's key, the
 * provider's signature (or secret token) is checked on the raw bytes, and only then is the body parsed —
 * nothing unauthenticated is ever read. Each message goes through the shared InboundIntake (dedupe by
 * provider id, threading by contact, customer matching, one transaction, routing); each receipt moves a
 * sent message's delivery status forward.
 */
export class MessagingWebhooks {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly accounts: MessagingAccountService,
    private readonly intake: InboundIntake,
    private readonly customers: CustomerService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Meta's subscription handshake: echo `hub.challenge` when `hub.verify_token` is the account's. */
  async verifySubscription(key: string, query: Record<string, string | undefined>): Promise<string> {
    const account = await this.accounts.byWebhookKey(key);
    if (account?.provider !== "whatsapp") throw unknownKey();
    const token = account.secrets.verifyToken ?? "";
    if (query["hub.mode"] !== "subscribe" || !constantTimeEqual(query["hub.verify_token"] ?? "", token)) {
      this.logger.warn({ accountId: account.id }, "messaging webhook handshake refused: wrong verify token");
      throw new UserError(
        "forbidden",
        "verify_token_mismatch",
        "hub.verify_token does not match this account.",
      );
    }
    return query["hub.challenge"] ?? "";
  }

  async receive(key: string, rawBody: Buffer, headers: Headers): Promise<WebhookOutcome> {
    const account = await this.accounts.byWebhookKey(key);
    if (!account) {
      this.logger.warn(
        { keyPrefix: key.slice(0, 8) },
        "messaging webhook for an unknown or disabled account",
      );
      throw unknownKey();
    }
    this.#authenticate(account, rawBody, headers);
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString("utf8"));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ accountId: account.id, reason }, "messaging webhook body is not JSON");
      throw new UserError("invalid", "invalid_json", `The webhook body is not valid JSON: ${reason}`);
    }
    const content = this.#read(account, json);
    let stored = 0;
    let duplicates = 0;
    for (const message of content.messages) {
      const result = await this.#store(account, message);
      if (result.duplicate) duplicates++;
      else stored++;
    }
    let receipts = 0;
    for (const report of content.reports) if (await this.#applyReceipt(account, report)) receipts++;
    return { stored, duplicates, receipts };
  }

  #authenticate(account: MessagingAccountRow, rawBody: Buffer, headers: Headers): void {
    const refuse = (why: string) => {
      this.logger.warn(
        { accountId: account.id, provider: account.provider, why },
        "messaging webhook refused",
      );
      return new UserError("unauthenticated", "invalid_signature", why);
    };
    switch (account.provider) {
      case "whatsapp":
        if (
          !whatsappSignatureValid(
            account.secrets.appSecret ?? "",
            rawBody,
            header(headers, "x-hub-signature-256"),
          )
        )
          throw refuse(
            "X-Hub-Signature-256 is missing or is not the HMAC-SHA256 of the body with the app secret.",
          );
        return;
      case "telegram":
        if (
          !constantTimeEqual(
            header(headers, "x-telegram-bot-api-secret-token") ?? "",
            account.secrets.secretToken ?? "",
          )
        )
          throw refuse(
            "X-Telegram-Bot-Api-Secret-Token is missing or does not match the bot's secret token.",
          );
        return;
      case "sms": {
        const check = checkSmsSignature(
          account.secrets.signingSecret ?? "",
          rawBody,
          header(headers, "x-sentra-timestamp"),
          header(headers, "x-sentra-signature"),
          this.clock.now(),
        );
        if (check === "missing") throw refuse("X-Sentra-Timestamp and X-Sentra-Signature are both required.");
        if (check === "stale")
          throw refuse("X-Sentra-Timestamp is more than five minutes from Sentra's clock.");
        if (check === "mismatch")
          throw refuse('X-Sentra-Signature is not the HMAC-SHA256 of "<timestamp>.<body>" with the secret.');
        return;
      }
    }
  }

  #read(account: MessagingAccountRow, json: unknown): MessagingWebhookContent {
    const parse = <T>(schema: z.ZodType<T>, what: string): T => {
      const result = schema.safeParse(json);
      if (result.success) return result.data;
      const issues = result.error.issues
        .slice(0, 5)
        .map((i) => ({ path: i.path.join("."), message: i.message }));
      this.logger.warn({ accountId: account.id, issues }, "messaging webhook payload refused");
      throw new UserError(
        "invalid",
        "invalid_payload",
        `The body is not a ${what}: ${issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")}`,
        { issues },
      );
    };
    switch (account.provider) {
      case "whatsapp": {
        const payload = parse(whatsappWebhookPayload, "WhatsApp webhook");
        const phoneNumberId = account.settings.phoneNumberId ?? "";
        const others = payload.entry
          .flatMap((e) => e.changes)
          .filter((c) => c.value.metadata.phone_number_id !== phoneNumberId);
        // One Meta app posts every number's traffic to one callback URL; a number without its own account
        // here is not Sentra's to answer, but it must not vanish without a trace.
        if (others.length > 0)
          this.logger.warn(
            {
              accountId: account.id,
              phoneNumberIds: [...new Set(others.map((c) => c.value.metadata.phone_number_id))],
            },
            "WhatsApp webhook changes for another phone number id were ignored",
          );
        return readWhatsAppWebhook(payload, phoneNumberId);
      }
      case "telegram":
        return readTelegramUpdate(parse(telegramUpdate, "Telegram Update"), account.id);
      case "sms":
        return readSmsWebhook(parse(smsWebhookPayload, "SMS webhook (see README)"), account.id);
    }
  }

  async #store(account: MessagingAccountRow, message: MessagingInbound) {
    const phone = message.contact.phone
      ? (toE164(message.contact.phone) ?? message.contact.phone)
      : undefined;
    const attachments: InboundAttachment[] = [];
    let parseProblem: string | null = null;
    if (message.media) {
      try {
        attachments.push(await fetchMedia(account, message.media));
      } catch (error) {
        // The message still counts; the agent sees what is missing and can ask for it again.
        parseProblem = `The ${message.media.kind} could not be fetched from ${account.provider}: ${
          error instanceof Error ? error.message : String(error)
        }`.slice(0, 500);
        this.logger.warn({ accountId: account.id, err: parseProblem }, "messaging media not fetched");
      }
    }
    const customerId =
      message.contact.handle !== undefined ? await this.#identityCustomer(account, message) : undefined;
    return this.intake.receive({
      endpoint: {
        tenantId: account.tenant_id,
        channel: "message",
        address: account.id,
        queueId: account.queue_id,
        language: account.language,
        skills: account.skills,
      },
      contact: {
        ...(phone ? { phone } : {}),
        ...(message.contact.handle ? { handle: message.contact.handle } : {}),
        ...(message.contact.name ? { name: message.contact.name } : {}),
      },
      ...(customerId ? { customerId } : {}),
      threadByContact: true,
      providerMessageId: message.providerMessageId,
      inReplyTo: null,
      references: [],
      subject: `${account.name}: ${message.contact.name ?? phone ?? message.contact.username ?? "message"}`,
      bodyText: message.text,
      bodyHtmlSanitized: null,
      toAddresses: [account.id],
      attachments,
      automated: null,
      parseProblem,
    });
  }

  /** The customer a Telegram chat belongs to: the one linked before, else a new record linked now. */
  async #identityCustomer(
    account: MessagingAccountRow,
    message: MessagingInbound,
  ): Promise<string | undefined> {
    const externalId = message.contact.handle!;
    const find = () =>
      this.db
        .selectFrom("messaging_identities")
        .innerJoin("customers", "customers.id", "messaging_identities.customer_id")
        .select("messaging_identities.customer_id")
        .where("messaging_identities.tenant_id", "=", account.tenant_id)
        .where("messaging_identities.provider", "=", account.provider)
        .where("messaging_identities.external_id", "=", externalId)
        .where("customers.erased_at", "is", null)
        .executeTakeFirst();
    const known = await find();
    if (known) return known.customer_id;
    try {
      const name =
        message.contact.name ?? (message.contact.username ? `@${message.contact.username}` : externalId);
      const created = await this.customers.create(
        null,
        account.tenant_id,
        customerBody.parse({ fullName: name.slice(0, 200) }),
      );
      await this.db
        .insertInto("messaging_identities")
        .values({
          tenant_id: account.tenant_id,
          provider: account.provider,
          external_id: externalId,
          username: message.contact.username ?? null,
          customer_id: created.id,
        })
        .onConflict((oc) => oc.columns(["tenant_id", "provider", "external_id"]).doNothing())
        .execute();
      return (await find())?.customer_id ?? created.id;
    } catch (error) {
      this.logger.warn({ err: error, accountId: account.id }, "messaging contact not saved as a customer");
      return undefined;
    }
  }

  /** Moves a sent message's status forward; a receipt for an unknown or already-later message changes nothing. */
  async #applyReceipt(account: MessagingAccountRow, report: DeliveryReport): Promise<boolean> {
    const row = await this.db
      .selectFrom("messages")
      .select(["id", "delivery_status"])
      .where("tenant_id", "=", account.tenant_id)
      .where("provider_message_id", "=", report.providerMessageId)
      .where("direction", "=", "outbound")
      .executeTakeFirst();
    if (!row) return false;
    const next = advanceDeliveryStatus(row.delivery_status, report.status);
    if (!next) return false;
    const updated = await this.db
      .updateTable("messages")
      .set({
        delivery_status: next,
        ...(next === "failed"
          ? { last_error: (report.error ?? "The provider reported a failure.").slice(0, 1000) }
          : {}),
      })
      .where("tenant_id", "=", account.tenant_id)
      .where("id", "=", row.id)
      // Another receipt may have moved it meanwhile; the rule was decided against this state.
      .where("delivery_status", "=", row.delivery_status)
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }
}
