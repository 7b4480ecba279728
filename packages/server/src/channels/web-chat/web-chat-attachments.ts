import { checkAttachment, notFound, UserError } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import type { AttachmentsOf, VisitorAttachmentView, VisitorMessageView } from "./web-chat-hub.js";
import type { WebChatSessionRow, WebChatVisitorService } from "./web-chat-visitor-service.js";

/** Reads the files of messages (metadata only), tenant-scoped. */
export const attachmentsLoader =
  (db: Kysely<Database>): AttachmentsOf =>
  async (tenantId, messageIds) => {
    const byMessage = new Map<string, VisitorAttachmentView[]>();
    if (messageIds.length === 0) return byMessage;
    const rows = await db
      .selectFrom("attachments")
      .select(["id", "message_id", "file_name", "content_type", "size_bytes"])
      .where("tenant_id", "=", tenantId)
      .where("message_id", "in", messageIds)
      .orderBy("created_at")
      .execute();
    for (const row of rows) {
      const view = {
        id: row.id,
        fileName: row.file_name,
        contentType: row.content_type,
        sizeBytes: row.size_bytes,
      };
      byMessage.set(row.message_id, [...(byMessage.get(row.message_id) ?? []), view]);
    }
    return byMessage;
  };

export interface VisitorUpload {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
  readonly caption: string | undefined;
}

/** A file name safe to store and show: no path, no control characters, not empty. */
const cleanFileName = (name: string): string =>
  [...name.replace(/^.*[\\/]/, "")]
    .filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127)
    .join("")
    .trim()
    .slice(0, 200) || "file";

/**
 * Files from and to the visitor. An upload is a chat message with one attachment, taken through
 * InboundIntake like any message (stored in the attachments table in the same transaction). The key's
 * limits decide what is taken: a wrong type is 415, too big is 413, each saying what would be accepted.
 */
export class WebChatAttachments {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly visitors: WebChatVisitorService,
  ) {}

  /** Refuses early, from the declared type and length, before the body is read. */
  async precheck(session: WebChatSessionRow, contentType: string, declaredBytes: number | undefined) {
    const settings = await this.visitors.settings(session);
    this.#assert(settings.attachments, contentType, declaredBytes ?? 1);
  }

  async upload(session: WebChatSessionRow, file: VisitorUpload): Promise<VisitorMessageView> {
    const settings = await this.visitors.settings(session);
    this.#assert(settings.attachments, file.contentType, file.content.byteLength);
    const fileName = cleanFileName(file.fileName);
    return this.visitors.send(session, { text: file.caption?.trim() || fileName }, [
      { fileName, contentType: file.contentType.split(";")[0]!.trim().toLowerCase(), content: file.content },
    ]);
  }

  /** A file of the visitor's own chat (theirs or the agent's); any other id is not found. */
  async download(
    session: WebChatSessionRow,
    attachmentId: string,
  ): Promise<{ fileName: string; contentType: string; content: Uint8Array }> {
    const row = await this.db
      .selectFrom("attachments")
      .innerJoin("messages", "messages.id", "attachments.message_id")
      .select(["attachments.file_name", "attachments.content_type", "attachments.content"])
      .where("attachments.tenant_id", "=", session.tenant_id)
      .where("messages.tenant_id", "=", session.tenant_id)
      .where("messages.conversation_id", "=", session.conversation_id)
      .where("messages.direction", "in", ["inbound", "outbound"])
      .where("attachments.id", "=", attachmentId)
      .executeTakeFirst();
    if (!row) throw notFound("attachment", attachmentId);
    return { fileName: row.file_name, contentType: row.content_type, content: row.content };
  }

  #assert(limits: Parameters<typeof checkAttachment>[0], contentType: string, sizeBytes: number): void {
    const verdict = checkAttachment(limits, contentType, sizeBytes);
    if (verdict.ok) return;
    if (verdict.reason === "type_not_allowed") {
      throw new UserError("unsupported_media_type", "web_chat_attachment_type", verdict.message, {
        accepted: limits.types,
      });
    }
    if (verdict.reason === "too_large") {
      throw new UserError("too_large", "web_chat_attachment_too_large", verdict.message, {
        maxBytes: limits.maxBytes,
      });
    }
    throw new UserError("invalid", "web_chat_attachment_empty", verdict.message);
  }
}
