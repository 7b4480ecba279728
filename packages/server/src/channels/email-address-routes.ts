import { emailAddressBody, emailAddressPatch } from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../http/api.js";
import type { Services } from "../services.js";
import { emailAddressView } from "./conversation-views.js";

const tags = ["channels"];

export function registerEmailAddressRoutes(api: Api, services: Services): void {
  const { emailAddresses } = services.channels;

  api.get(
    "/channels/email-addresses",
    {
      config: { access: "channels:manage" },
      schema: { tags, response: { 200: z.object({ items: z.array(emailAddressView) }), ...commonErrors } },
    },
    async (request) => emailAddresses.list(request.actor!),
  );

  api.post(
    "/channels/email-addresses",
    {
      config: { access: "channels:manage" },
      schema: { tags, body: emailAddressBody, response: { 201: emailAddressView, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await emailAddresses.create(request.actor!, request.body, originOf(request))),
  );

  api.get(
    "/channels/email-addresses/:id",
    {
      config: { access: "channels:manage" },
      schema: { tags, params: idParams, response: { 200: emailAddressView, ...commonErrors } },
    },
    async (request) => emailAddresses.get(request.actor!, request.params.id),
  );

  api.patch(
    "/channels/email-addresses/:id",
    {
      config: { access: "channels:manage" },
      schema: {
        tags,
        params: idParams,
        body: emailAddressPatch,
        response: { 200: emailAddressView, ...commonErrors },
      },
    },
    async (request) =>
      emailAddresses.update(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.delete(
    "/channels/email-addresses/:id",
    {
      config: { access: "channels:manage" },
      schema: { tags, params: idParams, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await emailAddresses.delete(request.actor!, request.params.id, originOf(request));
      return reply.status(204).send(null);
    },
  );
}
