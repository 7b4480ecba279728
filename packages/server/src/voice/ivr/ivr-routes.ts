import {
  ivrDidBody,
  ivrDidPatch,
  ivrDidView,
  ivrFlowBody,
  ivrFlowPatch,
  ivrFlowVersionView,
  ivrFlowView,
} from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../../http/api.js";
import type { Services } from "../../services.js";

const tags = ["voice"];
const access = { access: "voice:manage" } as const;

/** Admin CRUD of IVR flows (draft, publish, versions) and of the numbers (DIDs) that lead to them. */
export function registerIvrRoutes(api: Api, services: Services): void {
  const { flows, dids } = services.ivr;

  api.get(
    "/ivr/flows",
    {
      config: access,
      schema: { tags, response: { 200: z.object({ items: z.array(ivrFlowView) }), ...commonErrors } },
    },
    async (request) => flows.list(request.actor!),
  );
  api.post(
    "/ivr/flows",
    { config: access, schema: { tags, body: ivrFlowBody, response: { 201: ivrFlowView, ...commonErrors } } },
    async (request, reply) =>
      reply.status(201).send(await flows.create(request.actor!, request.body, originOf(request))),
  );
  api.get(
    "/ivr/flows/:id",
    { config: access, schema: { tags, params: idParams, response: { 200: ivrFlowView, ...commonErrors } } },
    async (request) => flows.get(request.actor!, request.params.id),
  );
  api.patch(
    "/ivr/flows/:id",
    {
      config: access,
      schema: { tags, params: idParams, body: ivrFlowPatch, response: { 200: ivrFlowView, ...commonErrors } },
    },
    async (request) => flows.update(request.actor!, request.params.id, request.body, originOf(request)),
  );
  api.post(
    "/ivr/flows/:id/publish",
    { config: access, schema: { tags, params: idParams, response: { 200: ivrFlowView, ...commonErrors } } },
    async (request) => flows.publish(request.actor!, request.params.id, originOf(request)),
  );
  api.get(
    "/ivr/flows/:id/versions",
    {
      config: access,
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(ivrFlowVersionView) }), ...commonErrors },
      },
    },
    async (request) => flows.versions(request.actor!, request.params.id),
  );
  api.delete(
    "/ivr/flows/:id",
    { config: access, schema: { tags, params: idParams, response: { 204: z.null(), ...commonErrors } } },
    async (request, reply) => {
      await flows.delete(request.actor!, request.params.id, originOf(request));
      return reply.status(204).send(null);
    },
  );

  api.get(
    "/ivr/dids",
    {
      config: access,
      schema: { tags, response: { 200: z.object({ items: z.array(ivrDidView) }), ...commonErrors } },
    },
    async (request) => dids.list(request.actor!),
  );
  api.post(
    "/ivr/dids",
    { config: access, schema: { tags, body: ivrDidBody, response: { 201: ivrDidView, ...commonErrors } } },
    async (request, reply) =>
      reply.status(201).send(await dids.create(request.actor!, request.body, originOf(request))),
  );
  api.patch(
    "/ivr/dids/:id",
    {
      config: access,
      schema: { tags, params: idParams, body: ivrDidPatch, response: { 200: ivrDidView, ...commonErrors } },
    },
    async (request) => dids.update(request.actor!, request.params.id, request.body, originOf(request)),
  );
  api.delete(
    "/ivr/dids/:id",
    { config: access, schema: { tags, params: idParams, response: { 204: z.null(), ...commonErrors } } },
    async (request, reply) => {
      await dids.delete(request.actor!, request.params.id, originOf(request));
      return reply.status(204).send(null);
    },
  );
}
