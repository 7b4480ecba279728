import { automatedKind } from "@sentra/core";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import sanitizeHtml from "sanitize-html";
import type { ChannelEndpoint, InboundAttachment, InboundMessage } from "../inbound-message.js";

export const MAX_ATTACHMENTS_PER_MESSAGE = 20;

/**
 * Mail HTML is hostile by default (scripts, tracking pixels, CSS that restyles the desktop). sanitize-html
 * (maintained by Apostrophe, parses with htmlparser2, allow-list based) keeps formatting tags and drops the
 * rest; images are dropped too, so a remote pixel cannot tell the sender an agent opened the mail.
 */
export function sanitizeMailHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    transformTags: {
      a: sanitizeHtml.simpleTransform("a", { target: "_blank", rel: "noopener noreferrer nofollow" }),
    },
  });
}

/** What a raw mail says, read as far as it can be: broken MIME yields what parsed plus the problem. */
export interface ReadMail {
  readonly messageId: string | null;
  readonly inReplyTo: string | null;
  readonly references: string[];
  readonly subject: string | null;
  readonly from: { address: string | null; name: string | null };
  readonly to: string[];
  readonly text: string;
  readonly html: string | null;
  readonly headers: Record<string, string>;
  readonly contentType: string | null;
  readonly attachments: InboundAttachment[];
  readonly problem: string | null;
}

export async function readMail(raw: Buffer): Promise<ReadMail> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch (error) {
    return fallbackRead(raw, error instanceof Error ? error.message : String(error));
  }
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const value = line.slice(line.indexOf(":") + 1).trim();
    headers[key.toLowerCase()] = value;
  }
  const attachments = parsed.attachments.slice(0, MAX_ATTACHMENTS_PER_MESSAGE).map((a, i) => ({
    fileName: safeFileName(a.filename ?? `attachment-${i + 1}`),
    contentType: (a.contentType || "application/octet-stream").toLowerCase().slice(0, 200),
    content: new Uint8Array(a.content),
  }));
  const dropped = parsed.attachments.length - attachments.length;
  const first = addressesOf(parsed.from)[0];
  return {
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: typeof parsed.references === "string" ? [parsed.references] : (parsed.references ?? []),
    subject: parsed.subject ?? null,
    from: { address: first?.address ?? null, name: first?.name || null },
    to: [...addressesOf(parsed.to), ...addressesOf(parsed.cc)].flatMap((a) => (a.address ? [a.address] : [])),
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : null,
    headers,
    contentType: headers["content-type"] ?? null,
    attachments,
    problem:
      dropped > 0
        ? `${dropped} attachments over the limit of ${MAX_ATTACHMENTS_PER_MESSAGE} were not stored`
        : null,
  };
}

/** The mail as an inbound message of one of the tenant's mailboxes. */
export function toInboundMessage(mail: ReadMail, endpoint: ChannelEndpoint): InboundMessage {
  return {
    endpoint,
    contact: {
      ...(mail.from.address ? { email: mail.from.address } : {}),
      ...(mail.from.name ? { name: mail.from.name } : {}),
    },
    providerMessageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    subject: mail.subject,
    bodyText: mail.text,
    bodyHtmlSanitized: mail.html ? sanitizeMailHtml(mail.html) : null,
    toAddresses: mail.to,
    attachments: mail.attachments,
    automated: automatedKind({
      headers: mail.headers,
      fromAddress: mail.from.address,
      subject: mail.subject,
      contentType: mail.contentType,
    }),
    parseProblem: mail.problem,
  };
}

function addressesOf(field: AddressObject | AddressObject[] | undefined) {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((f) => f.value);
}

/** A name safe to put in a Content-Disposition header and on a disk: no paths, no control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = [...base]
    .filter((c) => c !== '"' && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join("")
    .trim()
    .slice(0, 200);
  return clean || "attachment";
}

/** When mailparser gives up, the raw text is still kept so nothing the customer wrote is lost. */
function fallbackRead(raw: Buffer, problem: string): ReadMail {
  const text = raw.toString("utf8");
  const headerEnd = text.search(/\r?\n\r?\n/);
  const head = headerEnd >= 0 ? text.slice(0, headerEnd) : "";
  const header = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, "im").exec(head)?.[1]?.trim() ?? null;
  const from = header("from");
  return {
    messageId: header("message-id"),
    inReplyTo: header("in-reply-to"),
    references: header("references")?.split(/\s+/) ?? [],
    subject: header("subject"),
    from: { address: /[^\s<>"]+@[^\s<>"]+/.exec(from ?? "")?.[0] ?? null, name: null },
    to: [],
    text: headerEnd >= 0 ? text.slice(headerEnd).trim() : text,
    html: null,
    headers: {},
    contentType: null,
    attachments: [],
    problem: `unreadable MIME: ${problem}`.slice(0, 1000),
  };
}
