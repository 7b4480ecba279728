import { webChatKeyBody, webChatKeyPatch } from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../../http/api.js";
import type { Services } from "../../services.js";
import { webChatKeyView } from "./web-chat-key-service.js";

const tags = ["channels"];

/** Admin CRUD of the tenant's web-chat keys (the `data-key` of the widget tag). */
export function registerWebChatKeyRoutes(api: Api, services: Services): void {
  const { webChatKeys } = services.channels;

  api.get(
    "/channels/web-chat",
    {
      config: { access: "channels:manage" },
      schema: { tags, response: { 200: z.object({ items: z.array(webChatKeyView) }), ...commonErrors } },
    },
    async (request) => webChatKeys.list(request.actor!),
  );

  api.post(
    "/channels/web-chat",
    {
      config: { access: "channels:manage" },
      schema: { tags, body: webChatKeyBody, response: { 201: webChatKeyView, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await webChatKeys.create(request.actor!, request.body, originOf(request))),
  );

  api.get(
    "/channels/web-chat/:id",
    {
      config: { access: "channels:manage" },
      schema: { tags, params: idParams, response: { 200: webChatKeyView, ...commonErrors } },
    },
    async (request) => webChatKeys.get(request.actor!, request.params.id),
  );

  api.patch(
    "/channels/web-chat/:id",
    {
      config: { access: "channels:manage" },
      schema: {
        tags,
        params: idParams,
        body: webChatKeyPatch,
        response: { 200: webChatKeyView, ...commonErrors },
      },
    },
    async (request) => webChatKeys.update(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.delete(
    "/channels/web-chat/:id",
    {
      config: { access: "channels:manage" },
      schema: { tags, params: idParams, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await webChatKeys.delete(request.actor!, request.params.id, originOf(request));
      return reply.status(204).send(null);
    },
  );
}

/** The agent desktop tells a chat visitor the agent is typing (nothing is stored). */
export function registerWebChatAgentRoutes(api: Api, services: Services): void {
  api.post(
    "/conversations/:id/typing",
    {
      config: { access: "conversations:reply" },
      schema: {
        tags,
        params: idParams,
        body: z.object({ typing: z.boolean() }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await services.channels.webChatTyping.agentTyping(
        request.actor!,
        request.params.id,
        request.body.typing,
      );
      return reply.status(204).send(null);
    },
  );
}
