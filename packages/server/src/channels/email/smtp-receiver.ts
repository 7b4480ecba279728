import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { SmtpConfig } from "../../config/config.js";
import type { EmailAddressRow, EmailAddressService } from "../email-address-service.js";
import type { InboundIntake } from "../inbound-intake.js";
import type { ChannelEndpoint } from "../inbound-message.js";
import { readMail, toInboundMessage } from "./email-parsing.js";

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** An SMTP reply with a code: smtp-server sends `responseCode` and the message to the client. */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** The endpoint a mail to one of the tenant's mailboxes arrives at (SMTP and IMAP alike). */
export const endpointOf = (row: EmailAddressRow): ChannelEndpoint => ({
  tenantId: row.tenant_id,
  channel: "email",
  address: row.address,
  queueId: row.queue_id,
  language: row.language,
  skills: row.skills,
});

/**
 * Sentra's inbound mail server (smtp-server): accepts mail for configured tenant mailboxes only (550
 * otherwise), refuses mail over the size limit (552, nothing stored), and hands each accepted mail to the
 * intake once per recipient mailbox. A mail is acknowledged (250) only after it is stored; a storage failure
 * answers 451 so the sending server tries again later instead of the mail being lost.
 */
export class SmtpReceiver {
  readonly #server: SMTPServer;

  constructor(
    private readonly config: SmtpConfig,
    private readonly addresses: EmailAddressService,
    private readonly intake: InboundIntake,
    private readonly logger: Logger,
  ) {
    this.#server = new SMTPServer({
      name: "sentra",
      banner: "Sentra contact center",
      size: config.maxBytes,
      authOptional: true,
      // No certificate is configured: run behind an MTA that terminates TLS, or on loopback.
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      onConnect: (session, callback) => {
        if (config.authRequired && !LOOPBACK.test(session.remoteAddress)) {
          return callback(
            smtpError(530, "5.7.0 Only local senders may deliver here; use the organisation's MTA."),
          );
        }
        callback();
      },
      onRcptTo: (address, _session, callback) => {
        void this.#acceptRecipient(address.address).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      },
      onData: (stream, session, callback) => {
        void this.#receive(stream, session).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      },
    });
    this.#server.on("error", (error) => this.logger.warn({ err: error }, "smtp connection error"));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.#server.server.once("error", reject);
      this.#server.listen(this.config.port, this.config.host, () => {
        this.#server.server.off("error", reject);
        resolve();
      });
    });
    const port = (this.#server.server.address() as AddressInfo).port;
    this.logger.info({ host: this.config.host, port }, "SMTP receiver listening");
    return port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  async #acceptRecipient(address: string): Promise<EmailAddressRow> {
    const row = await this.addresses.resolve(address).catch((error) => {
      this.logger.error({ err: error }, "mailbox lookup failed");
      throw smtpError(451, "4.3.0 Temporary problem, try again later.");
    });
    if (!row) {
      this.logger.info({ recipient: address }, "mail refused: unknown recipient");
      throw smtpError(550, `5.1.1 <${address}>: no such mailbox here.`);
    }
    return row;
  }

  async #receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      // Past the limit the rest is read and dropped: the client must finish DATA before it hears 552.
      if (length + chunk.length <= this.config.maxBytes) chunks.push(chunk);
      length += chunk.length;
    }
    if (stream.sizeExceeded || length > this.config.maxBytes) {
      this.logger.info({ bytes: length, limit: this.config.maxBytes }, "mail refused: too large");
      throw smtpError(552, `5.3.4 Message too big: the limit is ${this.config.maxBytes} bytes.`);
    }
    // The envelope holds this transaction's accepted recipients only (smtp-server resets it on RSET/MAIL).
    const recipients: EmailAddressRow[] = [];
    for (const rcpt of session.envelope.rcptTo) recipients.push(await this.#acceptRecipient(rcpt.address));
    const mail = await readMail(Buffer.concat(chunks));
    if (mail.problem)
      this.logger.warn({ problem: mail.problem, messageId: mail.messageId }, "mail partly unreadable");
    for (const row of recipients) {
      try {
        const result = await this.intake.receive(toInboundMessage(mail, endpointOf(row)));
        this.logger.info(
          { tenantId: row.tenant_id, conversationId: result.conversationId, duplicate: result.duplicate },
          "mail received",
        );
      } catch (error) {
        this.logger.error({ err: error, tenantId: row.tenant_id }, "mail not stored");
        throw smtpError(451, "4.3.0 The message could not be stored; try again later.");
      }
    }
  }
}
