import { z } from "zod";
import { apiKeyBody, apiKeyView } from "../../auth/api-key-service.js";
import type { Services } from "../../services.js";
import { type Api, commonErrors, idParams, originOf } from "../api.js";

export function registerApiKeyRoutes(api: Api, services: Services): void {
  api.get(
    "/api-keys",
    {
      config: { access: "api_keys:manage" },
      schema: {
        tags: ["api-keys"],
        response: { 200: z.object({ items: z.array(apiKeyView) }), ...commonErrors },
      },
    },
    async (request) => ({ items: await services.apiKeys.list(request.actor!) }),
  );

  api.post(
    "/api-keys",
    {
      config: { access: "api_keys:manage" },
      schema: {
        tags: ["api-keys"],
        summary: "Create an API key; the key is shown only in this reply",
        body: apiKeyBody,
        response: { 201: apiKeyView.extend({ key: z.string() }), ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.apiKeys.create(request.actor!, request.body, originOf(request))),
  );

  api.delete(
    "/api-keys/:id",
    {
      config: { access: "api_keys:manage" },
      schema: { tags: ["api-keys"], params: idParams, response: { 200: apiKeyView, ...commonErrors } },
    },
    async (request) => services.apiKeys.revoke(request.actor!, request.params.id, originOf(request)),
  );
}
