import {
  ATTACHMENT_HARD_MAX_BYTES,
  UserError,
  webChatCsatBody,
  webChatOfflineBody,
  webChatTranscriptBody,
} from "@sentra/core";
import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Api, commonErrors, errorReply } from "../../http/api.js";
import type { Services } from "../../services.js";

const tags = ["web chat (visitor)"];

const attachmentView = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
});
export const visitorMessageView = z.object({
  id: z.string(),
  from: z.enum(["visitor", "agent"]),
  text: z.string(),
  createdAt: z.string(),
  attachments: z.array(attachmentView),
});

/** Types a browser may show inline (thumbnails); everything else downloads as opaque bytes. */
const INLINE_SAFE = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"]);

/** The visitor token: header `x-webchat-token`, or `?token=` where a browser cannot send headers (img src). */
export const visitorToken = (request: FastifyRequest): string | undefined => {
  const header = request.headers["x-webchat-token"];
  if (typeof header === "string") return header;
  const query = request.query as { token?: unknown } | undefined;
  return typeof query?.token === "string" ? query.token : undefined;
};

const fileNameOf = (request: FastifyRequest): string => {
  const header = request.headers["x-file-name"];
  if (typeof header !== "string") return "file";
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
};

/**
 * The widget's extras: its configuration (live or offline), the offline form, attachments both ways, ending
 * the chat, the post-chat rating and the transcript by email.
 */
export function registerWebChatExtrasRoutes(api: Api, services: Services): void {
  const {
    webChatVisitors: visitors,
    webChatAttachments: attachments,
    webChatClosing: closing,
    webChatOffline: offline,
  } = services.channels;

  api.get(
    "/webchat/config",
    {
      config: { access: "public", rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags,
        description: "Whether the widget offers a live chat or the offline form, and its attachment limits.",
        querystring: z.object({ key: z.string().max(80) }),
        response: {
          200: z.object({
            online: z.boolean(),
            reason: z.enum(["closed", "no_agents"]).nullable(),
            language: z.string().nullable(),
            attachments: z.object({ maxBytes: z.number(), types: z.array(z.string()) }),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => offline.widgetConfig(request.query.key, request.headers.origin),
  );

  api.post(
    "/webchat/offline",
    {
      config: { access: "public", rateLimit: { max: 5, timeWindow: "1 minute" } },
      schema: {
        tags,
        description: "The offline form: becomes an email-type interaction on the key's queue.",
        body: webChatOfflineBody,
        response: { 201: z.object({ received: z.literal(true) }), ...commonErrors },
      },
    },
    async (request, reply) => {
      await offline.leaveMessage(request.body, request.headers.origin);
      return reply.status(201).send({ received: true });
    },
  );

  // Uploads are the file's own bytes (Content-Type = the file's type, X-File-Name = its URL-encoded name):
  // no multipart parsing, and the key's limits are checked from the headers before the body is read.
  api.register(async (plugin) => {
    const uploads = plugin.withTypeProvider<ZodTypeProvider>();
    uploads.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: ATTACHMENT_HARD_MAX_BYTES },
      (_r, body, done) => done(null, body),
    );
    uploads.post(
      "/webchat/attachments",
      {
        bodyLimit: ATTACHMENT_HARD_MAX_BYTES,
        config: { access: "public", rateLimit: { max: 20, timeWindow: "1 minute" } },
        schema: {
          tags,
          description: "A visitor's file (the raw bytes), stored as a chat message with one attachment.",
          querystring: z.object({ caption: z.string().trim().max(4000).optional() }),
          response: { 201: visitorMessageView, 413: errorReply, 415: errorReply, ...commonErrors },
        },
        onRequest: async (request) => {
          const contentType = request.headers["content-type"];
          if (!contentType || contentType.startsWith("application/json")) {
            throw new UserError(
              "unsupported_media_type",
              "web_chat_attachment_type",
              "Send the file's bytes with its own Content-Type, e.g. image/png.",
            );
          }
          const declared = Number(request.headers["content-length"]);
          const session = await visitors.session(visitorToken(request));
          await attachments.precheck(session, contentType, Number.isFinite(declared) ? declared : undefined);
        },
      },
      async (request, reply) => {
        const session = await visitors.session(visitorToken(request));
        const content = request.body instanceof Buffer ? request.body : Buffer.alloc(0);
        const message = await attachments.upload(session, {
          fileName: fileNameOf(request),
          contentType: request.headers["content-type"] ?? "",
          content: new Uint8Array(content.buffer, content.byteOffset, content.byteLength),
          caption: request.query.caption,
        });
        return reply.status(201).send(message);
      },
    );
  });

  api.get(
    "/webchat/attachments/:id",
    {
      config: { access: "public", rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        tags,
        description: "A file of the visitor's own chat; the token may come as ?token= for image tags.",
        params: z.object({ id: z.uuid("The attachment id is not a valid id.") }),
        querystring: z.object({ token: z.string().max(200).optional() }),
      },
    },
    async (request, reply) => {
      const session = await visitors.session(visitorToken(request));
      const file = await attachments.download(session, request.params.id);
      const type = INLINE_SAFE.has(file.contentType) ? file.contentType : "application/octet-stream";
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
      const disposition = type.startsWith("image/") ? "inline" : "attachment";
      return reply
        .type(type)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cross-origin-resource-policy", "cross-origin")
        .header("cache-control", "private, max-age=3600")
        .header(
          "content-disposition",
          `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(Buffer.from(file.content));
    },
  );

  api.post(
    "/webchat/end",
    {
      config: { access: "public", rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: {
        tags,
        description: "The visitor ends the chat: the conversation closes and the agent is told.",
        response: { 200: z.object({ endedAt: z.string() }), ...commonErrors },
      },
    },
    async (request) => closing.end(await visitors.session(visitorToken(request))),
  );

  api.post(
    "/webchat/csat",
    {
      config: { access: "public", rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: {
        tags,
        description: "The post-chat question: a rating 1–5 and an optional comment, once per chat.",
        body: webChatCsatBody,
        response: { 201: z.object({ rating: z.number() }), ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await closing.rate(await visitors.session(visitorToken(request)), request.body)),
  );

  api.post(
    "/webchat/transcript",
    {
      config: { access: "public", rateLimit: { max: 3, timeWindow: "1 minute" } },
      schema: {
        tags,
        description:
          "Emails the chat's transcript to the visitor (the pre-chat address unless another is given).",
        body: webChatTranscriptBody,
        response: { 202: z.object({ to: z.string() }), 503: errorReply, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await closing.emailTranscript(await visitors.session(visitorToken(request)), request.body)),
  );
}
