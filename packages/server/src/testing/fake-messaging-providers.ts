import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { smsSignature, whatsappSignature } from "../channels/messaging/webhook-signatures.js";

/** One request a fake provider received. */
export interface ReceivedCall {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: unknown;
}

export const GRAPH_VERSION = "v21.0";
export const WA_PHONE_NUMBER_ID = "106540352242922";
export const WA_ACCESS_TOKEN = "EAAG-fake-access-token-0123456789";
export const TG_BOT_TOKEN = "7012345678:AAH-fake-bot-token-abcdefghijkl";
export const MEDIA_BYTES = Buffer.from("%PDF-1.4 fake statement");

/**
 * Local stand-ins for the providers' send APIs, following their documented request and reply shapes:
 * - Graph API: `POST /{version}/{phone-number-id}/messages` with `Authorization: Bearer`, answering
 *   `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id: "wamid…" }] }`; `GET /{media-id}`
 *   answering `{ url, mime_type }`, and the URL serving the bytes to the same bearer token.
 * - Telegram: `POST /bot<token>/sendMessage` answering `{ ok: true, result: Message }`, `{ ok: false,
 *   error_code, description }` otherwise; `getFile` and `/file/bot<token>/<file_path>`.
 * - A generic SMS gateway at `POST /sms/send` that checks Sentra's signature and answers `{ id }`.
 * `failNext(status, n)` makes the next n sends answer with that status (a provider outage).
 */
export class FakeMessagingProviders {
  readonly calls: ReceivedCall[] = [];
  #failures: number[] = [];
  #telegramMessageId = 500;
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly smsSecret: string,
  ) {}

  static async start(smsSecret: string): Promise<FakeMessagingProviders> {
    let fake: FakeMessagingProviders | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (c: Buffer) => chunks.push(c));
      request.on("end", () => {
        const raw = Buffer.concat(chunks);
        const [status, body, type] = fake!.handle(request, raw);
        response.writeHead(status, { "content-type": type ?? "application/json" });
        response.end(typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeMessagingProviders(server, `http://127.0.0.1:${port}`, smsSecret);
    return fake;
  }

  get graphBase(): string {
    return `${this.url}/${GRAPH_VERSION}`;
  }

  failNext(status: number, times: number): void {
    this.#failures.push(...Array.from({ length: times }, () => status));
  }

  sends(path: string): ReceivedCall[] {
    return this.calls.filter((c) => c.method === "POST" && c.path.endsWith(path));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, raw: Buffer): [number, unknown, string?] {
    const url = new URL(request.url ?? "/", this.url);
    const path = url.pathname;
    let body: unknown = null;
    try {
      body = raw.length > 0 ? JSON.parse(raw.toString("utf8")) : null;
    } catch {
      body = raw.toString("utf8");
    }
    this.calls.push({
      method: request.method ?? "",
      path,
      query: url.search,
      headers: request.headers,
      body,
    });
    const bearer = request.headers.authorization === `Bearer ${WA_ACCESS_TOKEN}`;

    if (request.method === "POST") {
      const failure = this.#failures.shift();
      if (failure !== undefined)
        return [failure, { error: { message: `Fake outage (${failure})`, type: "OAuthException", code: 2 } }];
    }
    // --- Graph API (WhatsApp Cloud API)
    if (path === `/${GRAPH_VERSION}/${WA_PHONE_NUMBER_ID}/messages` && request.method === "POST") {
      if (!bearer) return [401, { error: { message: "Invalid OAuth access token.", code: 190 } }];
      const to = (body as { to?: string }).to ?? "";
      if (to === "0000")
        return [400, { error: { message: "Recipient phone number not valid", code: 131030 } }];
      return [
        200,
        {
          messaging_product: "whatsapp",
          contacts: [{ input: to, wa_id: to }],
          messages: [{ id: `wamid.${randomBytes(12).toString("base64url")}` }],
        },
      ];
    }
    if (path.startsWith(`/${GRAPH_VERSION}/media-`) && request.method === "GET") {
      if (!bearer) return [401, { error: { message: "Invalid OAuth access token.", code: 190 } }];
      return [
        200,
        { url: `${this.url}/whatsapp-cdn/${path.split("/").pop()}`, mime_type: "application/pdf" },
      ];
    }
    if (path.startsWith("/whatsapp-cdn/")) {
      if (!bearer) return [401, "no token", "text/plain"];
      return [200, MEDIA_BYTES, "application/pdf"];
    }
    // --- Telegram Bot API
    if (path.startsWith("/bot")) {
      const [token, method] = path.slice(4).split("/");
      if (token !== TG_BOT_TOKEN) return [401, { ok: false, error_code: 401, description: "Unauthorized" }];
      if (method === "sendMessage") {
        const { chat_id, text } = body as { chat_id: string; text: string };
        return [
          200,
          {
            ok: true,
            result: {
              message_id: ++this.#telegramMessageId,
              chat: { id: Number(chat_id), type: "private" },
              date: Math.floor(Date.now() / 1000),
              text,
            },
          },
        ];
      }
      if (method === "getFile")
        return [
          200,
          { ok: true, result: { file_id: url.searchParams.get("file_id"), file_path: "photos/file_1.jpg" } },
        ];
      return [404, { ok: false, error_code: 404, description: "Not Found: method not found" }];
    }
    if (path === `/file/bot${TG_BOT_TOKEN}/photos/file_1.jpg`)
      return [200, Buffer.from("jpeg bytes"), "image/jpeg"];
    // --- Generic SMS gateway
    if (path === "/sms/send" && request.method === "POST") {
      const timestamp = String(request.headers["x-sentra-timestamp"] ?? "");
      if (request.headers["x-sentra-signature"] !== smsSignature(this.smsSecret, timestamp, raw))
        return [401, { error: "bad signature" }];
      return [200, { id: `gw-${randomBytes(6).toString("hex")}` }];
    }
    return [404, { error: `no fake route ${request.method} ${path}` }];
  }
}

/** A WhatsApp webhook body as Meta posts it (one entry, one change of field `messages`). */
export function whatsappWebhook(value: Record<string, unknown>): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: WA_PHONE_NUMBER_ID },
              ...value,
            },
          },
        ],
      },
    ],
  });
}

/** Posts a webhook to Sentra over real HTTP, signed as the provider would sign it. */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<{
  status: number;
  json: { error?: { code: string; message: string } } & Record<string, unknown>;
}> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {} };
}

export const signedForWhatsApp = (appSecret: string, body: string) => ({
  "x-hub-signature-256": whatsappSignature(appSecret, body),
});

export const signedForSms = (secret: string, body: string, nowMs = Date.now()) => {
  const timestamp = String(Math.floor(nowMs / 1000));
  return { "x-sentra-timestamp": timestamp, "x-sentra-signature": smsSignature(secret, timestamp, body) };
};
