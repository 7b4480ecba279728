import { type Clock, smsProviderMessageId } from "@sentra/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.js";
import type { ChannelSender, OutboundMessageRow } from "../outbox.js";
import { apiBaseOf, type MessagingAccountRow } from "./messaging-account-service.js";
import { callProvider, providerErrorText } from "./provider-http.js";
import { smsSignature } from "./webhook-signatures.js";

/** WhatsApp and Telegram both cap a text message at 4096 characters (their send-message references). */
export const MAX_TEXT_CHARS = 4096;

// Meta, "WhatsApp Cloud API – Messages": the reply names the new message in `messages[0].id` (a wamid).
const whatsappSent = z.object({ messages: z.array(z.object({ id: z.string() })).min(1) });
// Telegram Bot API sendMessage: `{ ok: true, result: Message }`.
const telegramSent = z.object({ ok: z.literal(true), result: z.object({ message_id: z.number().int() }) });
// Sentra's generic SMS contract (README): the gateway may name its id; otherwise Sentra's id stands.
const smsSent = z.object({ id: z.string().min(1).max(200).optional() }).nullable();

/**
 * The outbox's sender for the `message` channel: it finds the account the conversation came in through
 * (`from_address` of a reply is the account id) and calls that provider's send API. Failures are sorted by
 * callProvider into retry-later and give-up. Once the provider takes the message, its id replaces Sentra's
 * placeholder id on the row, so the provider's delivery receipts find the message; the outbox then marks
 * it sent.
 */
export class MessagingSender implements ChannelSender {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async send(message: OutboundMessageRow): Promise<void> {
    const providerMessageId = await this.#deliver(message);
    await this.db
      .updateTable("messages")
      .set({ provider_message_id: providerMessageId })
      .where("tenant_id", "=", message.tenant_id)
      .where("id", "=", message.id)
      .execute();
  }

  /** The provider's id of the message it took. */
  async #deliver(message: OutboundMessageRow): Promise<string> {
    const to = message.to_addresses[0];
    if (!message.from_address || !to) throw new Error("The reply has no account or recipient.");
    const account = await this.db
      .selectFrom("messaging_accounts")
      .selectAll()
      .where("tenant_id", "=", message.tenant_id)
      .where("id", "=", message.from_address)
      .executeTakeFirst();
    if (!account) throw new Error("The messaging account of this conversation no longer exists.");
    if (!account.enabled) throw new Error(`The messaging account "${account.name}" is disabled.`);
    const text = message.body_text;
    if (account.provider !== "sms" && text.length > MAX_TEXT_CHARS) {
      throw new Error(`${account.provider} takes at most ${MAX_TEXT_CHARS} characters per message.`);
    }
    switch (account.provider) {
      case "whatsapp":
        return this.#whatsapp(account, to, text);
      case "telegram":
        return this.#telegram(account, to, text);
      case "sms":
        return this.#sms(account, message, to, text);
    }
  }

  async #whatsapp(account: MessagingAccountRow, to: string, text: string): Promise<string> {
    const reply = await callProvider(
      `${apiBaseOf(account)}/${encodeURIComponent(account.settings.phoneNumberId ?? "")}/messages`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${account.secrets.accessToken ?? ""}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({
          messaging_product: "whatsapp",
          recipient_type: "individual",
          // Meta wants the number with its country code and without the plus.
          to: to.replace(/^\+/, ""),
          type: "text",
          text: { preview_url: false, body: text },
        }),
      },
      providerErrorText,
    );
    const parsed = whatsappSent.safeParse(reply.json);
    if (!parsed.success) throw new Error("WhatsApp accepted the message but named no message id.");
    return parsed.data.messages[0]!.id;
  }

  async #telegram(account: MessagingAccountRow, chatId: string, text: string): Promise<string> {
    const reply = await callProvider(
      `${apiBaseOf(account)}/bot${account.secrets.botToken ?? ""}/sendMessage`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat_id: chatId, text }),
      },
      providerErrorText,
    );
    const parsed = telegramSent.safeParse(reply.json);
    if (!parsed.success) throw new Error("Telegram accepted the message but returned no message.");
    return `telegram:${account.id}:${chatId}:${parsed.data.result.message_id}`;
  }

  async #sms(
    account: MessagingAccountRow,
    message: OutboundMessageRow,
    to: string,
    text: string,
  ): Promise<string> {
    const body = JSON.stringify({ id: message.id, from: account.settings.fromNumber, to, text });
    const timestamp = String(Math.floor(this.clock.now() / 1000));
    const reply = await callProvider(
      account.settings.sendUrl ?? "",
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-sentra-timestamp": timestamp,
          "x-sentra-signature": smsSignature(account.secrets.signingSecret ?? "", timestamp, body),
        },
        body,
      },
      providerErrorText,
    );
    const parsed = smsSent.safeParse(reply.json);
    const id = (parsed.success ? parsed.data?.id : undefined) ?? message.id;
    return smsProviderMessageId(account.id, id);
  }
}
