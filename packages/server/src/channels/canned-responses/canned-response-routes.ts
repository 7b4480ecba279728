import { cannedResponseBody, cannedResponseFilters, cannedResponsePatch } from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../../http/api.js";
import type { Services } from "../../services.js";
import { cannedResponseView } from "./canned-response-service.js";

const tags = ["canned responses"];

/** Canned responses: every agent who may reply reads them; admins who manage channels write them. */
export function registerCannedResponseRoutes(api: Api, services: Services): void {
  const { cannedResponses } = services.channels;

  api.get(
    "/canned-responses",
    {
      config: { access: "conversations:reply" },
      schema: {
        tags,
        querystring: cannedResponseFilters,
        response: { 200: z.object({ items: z.array(cannedResponseView) }), ...commonErrors },
      },
    },
    async (request) => cannedResponses.list(request.actor!, request.query),
  );

  api.post(
    "/canned-responses",
    {
      config: { access: "channels:manage" },
      schema: { tags, body: cannedResponseBody, response: { 201: cannedResponseView, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await cannedResponses.create(request.actor!, request.body, originOf(request))),
  );

  api.patch(
    "/canned-responses/:id",
    {
      config: { access: "channels:manage" },
      schema: {
        tags,
        params: idParams,
        body: cannedResponsePatch,
        response: { 200: cannedResponseView, ...commonErrors },
      },
    },
    async (request) =>
      cannedResponses.update(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.delete(
    "/canned-responses/:id",
    {
      config: { access: "channels:manage" },
      schema: { tags, params: idParams, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await cannedResponses.delete(request.actor!, request.params.id, originOf(request));
      return reply.status(204).send(null);
    },
  );
}
