import type { MessagingMedia } from "@sentra/core";
import { z } from "zod";
import type { InboundAttachment } from "../inbound-message.js";
import { apiBaseOf, type MessagingAccountRow } from "./messaging-account-service.js";
import { callProvider, downloadFromProvider, providerErrorText } from "./provider-http.js";

/** Media larger than this is not fetched (the message is stored, naming the problem). */
export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;

// Meta, "WhatsApp Cloud API – Media: retrieve media URL": GET /{media-id} → { url, mime_type, … }; the URL
// is then downloaded with the same bearer token.
const whatsappMedia = z.object({ url: z.string(), mime_type: z.string().optional() });
// Telegram Bot API getFile → File { file_path }, downloaded from /file/bot<token>/<file_path>.
const telegramFile = z.object({ ok: z.literal(true), result: z.object({ file_path: z.string() }) });

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

/** The file a WhatsApp or Telegram message carries, fetched from the provider. */
export async function fetchMedia(
  account: MessagingAccountRow,
  media: MessagingMedia,
): Promise<InboundAttachment> {
  const file =
    account.provider === "whatsapp"
      ? await fetchWhatsApp(account, media.mediaId)
      : account.provider === "telegram"
        ? await fetchTelegram(account, media.mediaId)
        : undefined;
  if (!file) throw new Error("this provider sends no media");
  const contentType = media.mimeType ?? file.contentType?.split(";")[0]?.trim() ?? "application/octet-stream";
  const fileName =
    media.fileName ?? `${media.kind}-${media.mediaId.slice(0, 16)}.${EXTENSIONS[contentType] ?? "bin"}`;
  return { fileName: fileName.slice(0, 200), contentType, content: file.content };
}

async function fetchWhatsApp(account: MessagingAccountRow, mediaId: string) {
  const headers = { authorization: `Bearer ${account.secrets.accessToken ?? ""}` };
  const meta = await callProvider(
    `${apiBaseOf(account)}/${encodeURIComponent(mediaId)}`,
    { method: "GET", headers },
    providerErrorText,
  );
  const { url } = whatsappMedia.parse(meta.json);
  return downloadFromProvider(url, headers, MAX_MEDIA_BYTES);
}

async function fetchTelegram(account: MessagingAccountRow, fileId: string) {
  const base = `${apiBaseOf(account)}`;
  const token = account.secrets.botToken ?? "";
  const meta = await callProvider(
    `${base}/bot${token}/getFile?file_id=${encodeURIComponent(fileId)}`,
    { method: "GET" },
    providerErrorText,
  );
  const { result } = telegramFile.parse(meta.json);
  return downloadFromProvider(`${base}/file/bot${token}/${result.file_path}`, {}, MAX_MEDIA_BYTES);
}
