import type { Clock } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { AuditLog } from "../audit/audit-log.js";
import type { ImapConfig, SmtpConfig } from "../config/config.js";
import type { CustomerService } from "../customers/customer-service.js";
import type { Database } from "../db/schema.js";
import type { EventBus } from "../realtime/event-bus.js";
import type { RoutingConfigService } from "../routing/routing-config-service.js";
import type { RoutingWorkService } from "../routing/routing-work-service.js";
import { ConversationNotifier } from "./conversation-notifier.js";
import { ConversationService } from "./conversation-service.js";
import { EmailSender } from "./email/email-sender.js";
import { SmtpReceiver } from "./email/smtp-receiver.js";
import { EmailAddressService } from "./email-address-service.js";
import { ImapAccountService } from "./imap/imap-account-service.js";
import { ImapPoller } from "./imap/imap-poller.js";
import { InboundIntake } from "./inbound-intake.js";
import { Outbox } from "./outbox.js";
import { WebChatHub } from "./web-chat/web-chat-hub.js";
import { WebChatKeyService } from "./web-chat/web-chat-key-service.js";
import { WebChatTyping } from "./web-chat/web-chat-typing.js";
import { WebChatVisitorService } from "./web-chat/web-chat-visitor-service.js";

/** The digital channels: conversations, the shared intake, the outbox and the email adapter. */
export interface ChannelServices {
  readonly conversations: ConversationService;
  readonly emailAddresses: EmailAddressService;
  readonly intake: InboundIntake;
  readonly outbox: Outbox;
  /** Sentra's SMTP server; platform.ts listens and closes it (startPlatform only, not CLI commands). */
  readonly smtpReceiver: SmtpReceiver;
  readonly webChatKeys: WebChatKeyService;
  readonly webChatVisitors: WebChatVisitorService;
  /** The visitors' sockets in this process; also the outbox's sender for the `chat` channel. */
  readonly webChatHub: WebChatHub;
  readonly webChatTyping: WebChatTyping;
  readonly imapAccounts: ImapAccountService;
  /** Polls the tenants' IMAP mailboxes; platform.ts starts it when SENTRA_IMAP_ENABLED (close stops it). */
  readonly imapPoller: ImapPoller;
  close(): Promise<void>;
}

export function createChannelServices(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  bus: EventBus;
  smtp: SmtpConfig;
  imap: ImapConfig;
  customers: CustomerService;
  routingConfig: RoutingConfigService;
  routingWork: RoutingWorkService;
  clock: Clock;
  logger: Logger;
}): ChannelServices {
  const notifier = new ConversationNotifier(deps.bus, deps.routingWork, deps.logger);
  const emailSender = deps.smtp.relayUrl ? new EmailSender(deps.smtp.relayUrl) : undefined;
  const webChatHub = new WebChatHub(deps.logger);
  const outbox = new Outbox(
    deps.db,
    { chat: webChatHub, ...(emailSender ? { email: emailSender } : {}) },
    deps.clock,
    deps.logger,
  );
  const emailAddresses = new EmailAddressService(deps.db, deps.audit, deps.routingConfig);
  const intake = new InboundIntake(deps.db, deps.customers, deps.routingWork, notifier, deps.logger);
  const webChatKeys = new WebChatKeyService(deps.db, deps.audit, deps.routingConfig);
  const imapAccounts = new ImapAccountService(deps.db, deps.audit);
  const imapPoller = new ImapPoller(imapAccounts, intake, deps.logger, {
    intervalMs: deps.imap.pollMs,
    maxBytes: deps.smtp.maxBytes,
  });
  return {
    conversations: new ConversationService(
      deps.db,
      deps.audit,
      notifier,
      outbox,
      deps.routingWork,
      deps.smtp.fromDomain,
    ),
    emailAddresses,
    intake,
    outbox,
    smtpReceiver: new SmtpReceiver(deps.smtp, emailAddresses, intake, deps.logger),
    webChatKeys,
    webChatVisitors: new WebChatVisitorService(deps.db, webChatKeys, intake, webChatHub, deps.clock),
    webChatHub,
    webChatTyping: new WebChatTyping(deps.db, deps.bus, deps.routingWork, webChatHub, deps.logger),
    imapAccounts,
    imapPoller,
    async close() {
      await imapPoller.stop();
      await outbox.stop();
      emailSender?.close();
    },
  };
}
