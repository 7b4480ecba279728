import nodemailer, { type Transporter } from "nodemailer";
import { type ChannelSender, type OutboundMessageRow, TransientDeliveryError } from "../outbox.js";

/** Connection-level failures nodemailer reports; worth another attempt later. */
const TRANSIENT_CODES = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "ECONNREFUSED",
  "ECONNRESET",
]);

/**
 * Sends agent replies through the configured SMTP relay with nodemailer, keeping the Message-ID Sentra
 * generated (so the customer's reply threads back) and In-Reply-To/References of the mail answered.
 */
export class EmailSender implements ChannelSender {
  readonly #transport: Transporter;

  constructor(relayUrl: string) {
    this.#transport = nodemailer.createTransport(relayUrl);
  }

  async send(message: OutboundMessageRow): Promise<void> {
    if (!message.from_address || message.to_addresses.length === 0) {
      throw new Error("The reply has no sender or recipient address.");
    }
    try {
      await this.#transport.sendMail({
        from: message.from_address,
        to: message.to_addresses,
        subject: message.subject ?? "",
        text: message.body_text,
        ...(message.provider_message_id ? { messageId: message.provider_message_id } : {}),
        ...(message.in_reply_to ? { inReplyTo: message.in_reply_to } : {}),
        ...(message.references.length > 0 ? { references: message.references } : {}),
      });
    } catch (error) {
      const details = error as { code?: string; responseCode?: number; message?: string };
      const text = details.message ?? String(error);
      const transient =
        (details.responseCode !== undefined && details.responseCode >= 400 && details.responseCode < 500) ||
        (details.code !== undefined && TRANSIENT_CODES.has(details.code));
      throw transient ? new TransientDeliveryError(text) : new Error(text);
    }
  }

  close(): void {
    this.#transport.close();
  }
}
