import type { Logger } from "pino";
import type { ChannelSender, OutboundMessageRow } from "../outbox.js";

/** What the server pushes to a visitor's socket. */
export type VisitorPush =
  | { type: "message"; message: VisitorMessageView }
  | { type: "typing"; typing: boolean }
  /** The agent saw the visitor's messages up to and including `upTo`. */
  | { type: "read"; upTo: string; by: "agent" }
  /** The chat ended (by the visitor in another tab, or by the agent); the survey follows. */
  | { type: "ended"; by: "visitor" | "agent" }
  | { type: "error"; message: string };

export interface VisitorAttachmentView {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
}

export interface VisitorMessageView {
  readonly id: string;
  readonly from: "visitor" | "agent";
  readonly text: string;
  readonly createdAt: string;
  readonly attachments: VisitorAttachmentView[];
}

/** The files of some messages, by message id; the hub asks when it pushes an agent message. */
export type AttachmentsOf = (
  tenantId: string,
  messageIds: readonly string[],
) => Promise<Map<string, VisitorAttachmentView[]>>;

export interface VisitorSocket {
  send(data: string): void;
}

export const toVisitorMessage = (
  row: { id: string; direction: string; body_text: string; created_at: Date },
  attachments: VisitorAttachmentView[] = [],
): VisitorMessageView => ({
  id: row.id,
  from: row.direction === "inbound" ? "visitor" : "agent",
  text: row.body_text,
  createdAt: row.created_at.toISOString(),
  attachments,
});

/**
 * The visitors' open sockets in this process, by conversation. An agent's reply leaves through the outbox
 * as the `chat` channel's sender: it is pushed to every socket of the conversation. A visitor who is not
 * connected loses nothing — the reply is stored, and the widget fetches it on reconnect (`after=` last id).
 */
export class WebChatHub implements ChannelSender {
  readonly #sockets = new Map<string, Set<VisitorSocket>>();

  constructor(
    private readonly logger: Logger,
    private readonly attachmentsOf?: AttachmentsOf,
  ) {}

  attach(conversationId: string, socket: VisitorSocket): () => void {
    const set = this.#sockets.get(conversationId) ?? new Set<VisitorSocket>();
    set.add(socket);
    this.#sockets.set(conversationId, set);
    return () => {
      set.delete(socket);
      if (set.size === 0) this.#sockets.delete(conversationId);
    };
  }

  connectedCount(conversationId: string): number {
    return this.#sockets.get(conversationId)?.size ?? 0;
  }

  push(conversationId: string, push: VisitorPush): void {
    const data = JSON.stringify(push);
    for (const socket of this.#sockets.get(conversationId) ?? []) {
      try {
        socket.send(data);
      } catch (error) {
        this.logger.warn({ err: error, conversationId }, "web chat push failed");
      }
    }
  }

  async send(message: OutboundMessageRow): Promise<void> {
    const files = (await this.attachmentsOf?.(message.tenant_id, [message.id]))?.get(message.id) ?? [];
    this.push(message.conversation_id, { type: "message", message: toVisitorMessage(message, files) });
  }
}
