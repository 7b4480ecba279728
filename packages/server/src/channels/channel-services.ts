import type { Clock } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { AuditLog } from "../audit/audit-log.js";
import type { ImapConfig, SmtpConfig, WebChatConfig } from "../config/config.js";
import type { CustomerService } from "../customers/customer-service.js";
import type { Database } from "../db/schema.js";
import type { EventBus } from "../realtime/event-bus.js";
import type { RoutingConfigService } from "../routing/routing-config-service.js";
import type { RoutingWorkService } from "../routing/routing-work-service.js";
import { CannedResponseService } from "./canned-responses/canned-response-service.js";
import { ConversationNotifier } from "./conversation-notifier.js";
import { ConversationService } from "./conversation-service.js";
import { EmailSender } from "./email/email-sender.js";
import { SmtpReceiver } from "./email/smtp-receiver.js";
import { EmailAddressService } from "./email-address-service.js";
import { ImapAccountService } from "./imap/imap-account-service.js";
import { ImapPoller } from "./imap/imap-poller.js";
import { InboundIntake } from "./inbound-intake.js";
import { LiveConversations } from "./live-conversations.js";
import { MessagingAccountService } from "./messaging/messaging-account-service.js";
import { MessagingSender } from "./messaging/messaging-sender.js";
import { MessagingWebhooks } from "./messaging/messaging-webhooks.js";
import { Outbox } from "./outbox.js";
import { attachmentsLoader, WebChatAttachments } from "./web-chat/web-chat-attachments.js";
import { WebChatClosing } from "./web-chat/web-chat-closing.js";
import { WebChatHub } from "./web-chat/web-chat-hub.js";
import { WebChatKeyService } from "./web-chat/web-chat-key-service.js";
import { WebChatOffline } from "./web-chat/web-chat-offline.js";
import { WebChatTyping } from "./web-chat/web-chat-typing.js";
import { WebChatVisitorService } from "./web-chat/web-chat-visitor-service.js";

/** The digital channels: conversations, the shared intake, the outbox and the email, chat and messaging adapters. */
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
  readonly messagingAccounts: MessagingAccountService;
  readonly messagingWebhooks: MessagingWebhooks;
  readonly cannedResponses: CannedResponseService;
  readonly liveConversations: LiveConversations;
  readonly webChatAttachments: WebChatAttachments;
  readonly webChatClosing: WebChatClosing;
  readonly webChatOffline: WebChatOffline;
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
  webChat: WebChatConfig;
  imap: ImapConfig;
  customers: CustomerService;
  routingConfig: RoutingConfigService;
  routingWork: RoutingWorkService;
  clock: Clock;
  logger: Logger;
}): ChannelServices {
  const notifier = new ConversationNotifier(deps.bus, deps.routingWork, deps.logger);
  const emailSender = deps.smtp.relayUrl ? new EmailSender(deps.smtp.relayUrl) : undefined;
  const attachmentsOf = attachmentsLoader(deps.db);
  const webChatHub = new WebChatHub(deps.logger, attachmentsOf);
  const outbox = new Outbox(
    deps.db,
    {
      chat: webChatHub,
      message: new MessagingSender(deps.db, deps.clock),
      ...(emailSender ? { email: emailSender } : {}),
    },
    deps.clock,
    deps.logger,
  );
  outbox.onSettled((message) => {
    void notifier.messageUpdated(message.tenant_id, message.conversation_id, message.id);
  });
  const emailAddresses = new EmailAddressService(deps.db, deps.audit, deps.routingConfig);
  const intake = new InboundIntake(deps.db, deps.customers, deps.routingWork, notifier, deps.logger);
  const webChatKeys = new WebChatKeyService(deps.db, deps.audit, deps.routingConfig);
  const messagingAccounts = new MessagingAccountService(deps.db, deps.audit, deps.routingConfig);
  const webChatVisitors = new WebChatVisitorService(
    deps.db,
    webChatKeys,
    intake,
    webChatHub,
    deps.clock,
    notifier,
    attachmentsOf,
    deps.webChat.idleMinutes,
  );
  // Transcripts and offline-form replies come from a no-reply mailbox of the sending domain.
  const webChatMailbox = `webchat@${deps.smtp.fromDomain ?? "sentra.localhost"}`;
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
      webChatHub,
    ),
    emailAddresses,
    intake,
    outbox,
    smtpReceiver: new SmtpReceiver(deps.smtp, emailAddresses, intake, deps.logger),
    webChatKeys,
    webChatVisitors,
    webChatHub,
    webChatTyping: new WebChatTyping(deps.db, deps.bus, deps.routingWork, webChatHub, deps.logger),
    messagingAccounts,
    messagingWebhooks: new MessagingWebhooks(
      deps.db,
      messagingAccounts,
      intake,
      deps.customers,
      deps.clock,
      deps.logger,
    ),
    cannedResponses: new CannedResponseService(deps.db, deps.audit),
    liveConversations: new LiveConversations(deps.db, deps.routingWork),
    webChatAttachments: new WebChatAttachments(deps.db, webChatVisitors),
    webChatClosing: new WebChatClosing(
      deps.db,
      webChatVisitors,
      webChatHub,
      notifier,
      deps.routingWork,
      outbox,
      emailSender ? webChatMailbox : null,
      deps.logger,
    ),
    webChatOffline: new WebChatOffline(webChatKeys, intake, deps.routingWork, deps.clock, webChatMailbox),
    imapAccounts,
    imapPoller,
    async close() {
      await imapPoller.stop();
      await outbox.stop();
      emailSender?.close();
    },
  };
}
