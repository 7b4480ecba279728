import { slaPolicyBody } from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../http/api.js";
import type { Services } from "../services.js";
import { slaPolicyView } from "./case-views.js";

const tags = ["cases"];

export function registerSlaPolicyRoutes(api: Api, services: Services): void {
  const { policies } = services.cases;

  api.get(
    "/sla-policies",
    {
      config: { access: "cases:read" },
      schema: { tags, response: { 200: z.object({ items: z.array(slaPolicyView) }), ...commonErrors } },
    },
    async (request) => ({ items: await policies.list(request.actor!.tenantId) }),
  );

  api.post(
    "/sla-policies",
    {
      config: { access: "cases:manage" },
      schema: { tags, body: slaPolicyBody, response: { 201: slaPolicyView, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await policies.create(request.actor!, request.body, originOf(request))),
  );

  api.get(
    "/sla-policies/:id",
    {
      config: { access: "cases:read" },
      schema: { tags, params: idParams, response: { 200: slaPolicyView, ...commonErrors } },
    },
    async (request) => policies.get(request.actor!.tenantId, request.params.id),
  );

  api.put(
    "/sla-policies/:id",
    {
      config: { access: "cases:manage" },
      schema: {
        tags,
        params: idParams,
        body: slaPolicyBody,
        response: { 200: slaPolicyView, ...commonErrors },
      },
    },
    async (request) => policies.update(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.delete(
    "/sla-policies/:id",
    {
      config: { access: "cases:manage" },
      schema: { tags, params: idParams, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await policies.remove(request.actor!, request.params.id, originOf(request));
      return reply.status(204).send(null);
    },
  );
}
