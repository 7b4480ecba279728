import { conversationFilters, conversationNoteBody, conversationReplyBody } from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../http/api.js";
import type { Services } from "../services.js";
import { conversationDetailView, conversationView, messageView } from "./conversation-views.js";

const tags = ["conversations"];

/** Types a browser may show inline without risk; everything else downloads as opaque bytes. */
const INLINE_SAFE = new Set(["image/png", "image/jpeg", "image/gif", "application/pdf", "text/plain"]);

export function registerConversationRoutes(api: Api, services: Services): void {
  const { conversations } = services.channels;

  api.get(
    "/conversations",
    {
      config: { access: "conversations:read" },
      schema: {
        tags,
        querystring: conversationFilters,
        response: { 200: z.object({ items: z.array(conversationView) }), ...commonErrors },
      },
    },
    async (request) => conversations.list(request.actor!, request.query),
  );

  api.get(
    "/conversations/:id",
    {
      config: { access: "conversations:read" },
      schema: { tags, params: idParams, response: { 200: conversationDetailView, ...commonErrors } },
    },
    async (request) => conversations.get(request.actor!, request.params.id),
  );

  api.get(
    "/conversations/by-interaction/:interactionId",
    {
      config: { access: "conversations:read" },
      schema: {
        tags,
        params: z.object({ interactionId: z.uuid("The interaction id is not a valid id.") }),
        response: { 200: conversationDetailView, ...commonErrors },
      },
    },
    async (request) => conversations.byInteraction(request.actor!, request.params.interactionId),
  );

  api.post(
    "/conversations/:id/messages",
    {
      config: { access: "conversations:reply" },
      schema: {
        tags,
        description: "An agent reply: stored as queued and sent through the conversation's channel.",
        params: idParams,
        body: conversationReplyBody,
        response: { 201: messageView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await conversations.reply(request.actor!, request.params.id, request.body.body, originOf(request)),
        ),
  );

  api.post(
    "/conversations/:id/notes",
    {
      config: { access: "conversations:reply" },
      schema: {
        tags,
        description: "An internal note for colleagues; never sent to the customer.",
        params: idParams,
        body: conversationNoteBody,
        response: { 201: messageView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await conversations.note(request.actor!, request.params.id, request.body.body)),
  );

  api.get(
    "/attachments/:id",
    {
      config: { access: "conversations:read" },
      schema: { tags, description: "Downloads an attachment of a conversation message.", params: idParams },
    },
    async (request, reply) => {
      const file = await conversations.attachment(request.actor!, request.params.id);
      const type = INLINE_SAFE.has(file.contentType) ? file.contentType : "application/octet-stream";
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
      return reply
        .type(type)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header(
          "content-disposition",
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(Buffer.from(file.content));
    },
  );
}
