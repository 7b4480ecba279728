import { imapAccountBody, imapAccountPatch } from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../../http/api.js";
import type { Services } from "../../services.js";
import { imapAccountView } from "./imap-account-service.js";

const tags = ["channels"];

/** Admin CRUD of the tenant's polled IMAP mailboxes; the password is write-only. */
export function registerImapAccountRoutes(api: Api, services: Services): void {
  const { imapAccounts } = services.channels;

  api.get(
    "/channels/imap-accounts",
    {
      config: { access: "channels:manage" },
      schema: { tags, response: { 200: z.object({ items: z.array(imapAccountView) }), ...commonErrors } },
    },
    async (request) => imapAccounts.list(request.actor!),
  );

  api.post(
    "/channels/imap-accounts",
    {
      config: { access: "channels:manage" },
      schema: { tags, body: imapAccountBody, response: { 201: imapAccountView, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await imapAccounts.create(request.actor!, request.body, originOf(request))),
  );

  api.get(
    "/channels/imap-accounts/:id",
    {
      config: { access: "channels:manage" },
      schema: { tags, params: idParams, response: { 200: imapAccountView, ...commonErrors } },
    },
    async (request) => imapAccounts.get(request.actor!, request.params.id),
  );

  api.patch(
    "/channels/imap-accounts/:id",
    {
      config: { access: "channels:manage" },
      schema: {
        tags,
        params: idParams,
        body: imapAccountPatch,
        response: { 200: imapAccountView, ...commonErrors },
      },
    },
    async (request) =>
      imapAccounts.update(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.delete(
    "/channels/imap-accounts/:id",
    {
      config: { access: "channels:manage" },
      schema: { tags, params: idParams, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await imapAccounts.delete(request.actor!, request.params.id, originOf(request));
      return reply.status(204).send(null);
    },
  );
}
