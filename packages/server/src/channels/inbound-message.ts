import type { AutomatedKind, ConversationChannel } from "@sentra/core";

/** Where a channel's traffic arrives for a tenant (a mailbox now; a chat widget or phone number later). */
export interface ChannelEndpoint {
  readonly tenantId: string;
  readonly channel: ConversationChannel;
  readonly address: string;
  readonly queueId: string;
  readonly language: string | null;
  readonly skills: readonly { skill: string; minLevel: number }[];
}

export interface InboundAttachment {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/**
 * One message from outside, whatever the channel: every adapter (SMTP, IMAP, chat, WhatsApp …) turns its
 * traffic into this and hands it to InboundIntake, which threads, matches the customer, stores and routes.
 */
export interface InboundMessage {
  readonly endpoint: ChannelEndpoint;
  readonly contact: {
    readonly email?: string;
    readonly phone?: string;
    readonly name?: string;
    /** Where replies go on channels without email or phone (a Telegram chat id). */
    readonly handle?: string;
  };
  /** A customer the channel already knows this contact as (a messaging identity); skips matching. */
  readonly customerId?: string;
  /**
   * Channels without reply headers (WhatsApp, Telegram, SMS): a message continues the latest conversation
   * between the same endpoint and contact.
   */
  readonly threadByContact?: boolean;
  /** The channel's own id (RFC 5322 Message-ID for email); a second delivery of the same id is dropped. */
  readonly providerMessageId: string | null;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly subject: string | null;
  readonly bodyText: string;
  readonly bodyHtmlSanitized: string | null;
  readonly toAddresses: readonly string[];
  readonly attachments: readonly InboundAttachment[];
  readonly automated: AutomatedKind | null;
  /** What could not be read (broken MIME …); the rest is stored anyway. */
  readonly parseProblem: string | null;
}

export interface IntakeResult {
  readonly conversationId: string;
  readonly messageId: string | null;
  readonly duplicate: boolean;
  readonly interactionId: string | null;
}
