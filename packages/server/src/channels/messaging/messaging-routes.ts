import { messagingAccountBody, messagingAccountPatch } from "@sentra/core";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Api, commonErrors, errorReply, idParams, originOf } from "../../http/api.js";
import type { Services } from "../../services.js";
import { messagingAccountView } from "./messaging-account-service.js";

const tags = ["channels"];

/** Webhook bodies are small JSON documents; anything near this is not a provider's. */
export const WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;

/** Admin CRUD of the tenant's messaging accounts. */
export function registerMessagingAccountRoutes(api: Api, services: Services): void {
  const { messagingAccounts } = services.channels;

  api.get(
    "/channels/messaging",
    {
      config: { access: "channels:manage" },
      schema: {
        tags,
        response: { 200: z.object({ items: z.array(messagingAccountView) }), ...commonErrors },
      },
    },
    async (request) => messagingAccounts.list(request.actor!),
  );

  api.post(
    "/channels/messaging",
    {
      config: { access: "channels:manage" },
      schema: { tags, body: messagingAccountBody, response: { 201: messagingAccountView, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await messagingAccounts.create(request.actor!, request.body, originOf(request))),
  );

  api.get(
    "/channels/messaging/:id",
    {
      config: { access: "channels:manage" },
      schema: { tags, params: idParams, response: { 200: messagingAccountView, ...commonErrors } },
    },
    async (request) => messagingAccounts.get(request.actor!, request.params.id),
  );

  api.patch(
    "/channels/messaging/:id",
    {
      config: { access: "channels:manage" },
      schema: {
        tags,
        params: idParams,
        body: messagingAccountPatch,
        response: { 200: messagingAccountView, ...commonErrors },
      },
    },
    async (request) =>
      messagingAccounts.update(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.delete(
    "/channels/messaging/:id",
    {
      config: { access: "channels:manage" },
      schema: { tags, params: idParams, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await messagingAccounts.delete(request.actor!, request.params.id, originOf(request));
      return reply.status(204).send(null);
    },
  );
}

const keyParams = z.object({ key: z.string().max(100) });

/**
 * The public webhook every provider posts to: `/api/v1/hooks/messaging/:key`. In its own plugin scope the
 * body is kept as raw bytes (whatever the content type), because signatures are computed over the exact
 * bytes the provider sent; MessagingWebhooks checks them before parsing anything.
 */
export async function registerMessagingWebhookRoutes(api: Api, services: Services): Promise<void> {
  const { messagingWebhooks } = services.channels;
  await api.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    const hooks = scope.withTypeProvider<ZodTypeProvider>();

    hooks.get(
      "/hooks/messaging/:key",
      {
        config: { access: "public" },
        schema: {
          tags,
          params: keyParams,
          querystring: z.record(z.string(), z.string()),
          response: { 200: z.string(), 403: errorReply, 404: errorReply },
        },
      },
      async (request, reply) =>
        reply
          .type("text/plain")
          .send(await messagingWebhooks.verifySubscription(request.params.key, request.query)),
    );

    hooks.post(
      "/hooks/messaging/:key",
      {
        config: { access: "public" },
        bodyLimit: WEBHOOK_BODY_LIMIT_BYTES,
        schema: {
          tags,
          params: keyParams,
          response: {
            200: z.object({ stored: z.number(), duplicates: z.number(), receipts: z.number() }),
            400: errorReply,
            401: errorReply,
            404: errorReply,
            413: errorReply,
          },
        },
      },
      async (request) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return messagingWebhooks.receive(request.params.key, body, request.headers);
      },
    );
  });
}
