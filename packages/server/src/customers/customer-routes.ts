import {
  customerBody,
  customerPatchBody,
  customerSettingsBody,
  mergeCustomersBody,
  verificationAnswersBody,
} from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../http/api.js";
import { pageOf, pageQuery } from "../http/pagination.js";
import type { Services } from "../services.js";
import { customerHistory, customerHistoryView } from "./customer-history.js";
import { duplicatePairView, mergeView } from "./customer-merge-service.js";
import { customerSettingsView } from "./customer-settings-service.js";
import { verificationStatusView } from "./customer-verification-service.js";
import { customerView } from "./customer-views.js";

const reveal = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => v === "true");
const tags = ["customers"];

/** Customer 360: records, search, masked views, verification, duplicates and merges, history. */
export function registerCustomerRoutes(api: Api, services: Services): void {
  const { customers } = services;

  api.get(
    "/customers",
    {
      config: { access: "customers:read" },
      schema: {
        tags,
        description: "Search by name fragment, phone in any format, email, customer or account number.",
        querystring: pageQuery.extend({ q: z.string().max(200).optional(), reveal }),
        response: { 200: pageOf(customerView), ...commonErrors },
      },
    },
    async (request) => {
      const { q, reveal: show, ...page } = request.query;
      return customers.reader.list(request.actor!, q, page, show, originOf(request));
    },
  );

  api.post(
    "/customers",
    {
      config: { access: "customers:write" },
      schema: { tags, body: customerBody, response: { 201: customerView, ...commonErrors } },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const row = await customers.records.create(actor, actor.tenantId, request.body, originOf(request));
      return reply.status(201).send(await customers.reader.view(actor, row.id, {}, originOf(request)));
    },
  );

  api.get(
    "/customers/:id",
    {
      config: { access: "customers:read" },
      schema: {
        tags,
        description:
          "Masked unless the caller verified this customer on interactionId (an interaction they handle), or holds customers:unmask and sends reveal=true (audited).",
        params: idParams,
        querystring: z.object({ interactionId: z.string().min(1).max(100).optional(), reveal }),
        response: { 200: customerView, ...commonErrors },
      },
    },
    async (request) =>
      customers.reader.view(
        request.actor!,
        request.params.id,
        { interactionId: request.query.interactionId, reveal: request.query.reveal },
        originOf(request),
      ),
  );

  api.patch(
    "/customers/:id",
    {
      config: { access: "customers:write" },
      schema: {
        tags,
        params: idParams,
        body: customerPatchBody,
        response: { 200: customerView, ...commonErrors },
      },
    },
    async (request) => {
      const actor = request.actor!;
      await customers.records.update(actor, request.params.id, request.body, originOf(request));
      return customers.reader.view(actor, request.params.id, {}, originOf(request));
    },
  );

  api.get(
    "/customers/:id/history",
    {
      config: { access: "customers:read" },
      schema: { tags, params: idParams, response: { 200: customerHistoryView, ...commonErrors } },
    },
    async (request) => {
      const { tenantId } = request.actor!;
      await customers.records.row(tenantId, request.params.id);
      const family = await customers.merges.mergedFamily(tenantId, request.params.id);
      return customerHistory(services.db, tenantId, family);
    },
  );

  api.post(
    "/customers/:id/verification",
    {
      config: { access: "customers:read" },
      schema: {
        tags,
        description: "Checks the caller's answers against the tenant's policy; answers are never stored.",
        params: idParams,
        body: verificationAnswersBody,
        response: { 200: verificationStatusView, ...commonErrors },
      },
    },
    async (request) =>
      customers.verification.verify(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.get(
    "/customers/verification",
    {
      config: { access: "customers:read" },
      schema: {
        tags,
        querystring: z.object({ interactionId: z.string().min(1).max(100) }),
        response: { 200: z.object({ items: z.array(verificationStatusView) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await customers.verification.statusesFor(request.actor!, request.query.interactionId),
    }),
  );

  api.get(
    "/customers/duplicates",
    {
      config: { access: "customers:merge" },
      schema: {
        tags,
        querystring: z.object({
          threshold: z.coerce.number().min(0).max(1).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(duplicatePairView) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await customers.merges.duplicates(
        request.actor!.tenantId,
        request.query.threshold,
        request.query.limit,
      ),
    }),
  );

  api.post(
    "/customers/merge",
    {
      config: { access: "customers:merge" },
      schema: { tags, body: mergeCustomersBody, response: { 201: mergeView, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await customers.merges.merge(request.actor!, request.body, originOf(request))),
  );

  api.post(
    "/customers/merges/:id/undo",
    {
      config: { access: "customers:merge" },
      schema: { tags, params: idParams, response: { 200: mergeView, ...commonErrors } },
    },
    async (request) => customers.merges.undo(request.actor!, request.params.id, originOf(request)),
  );

  api.get(
    "/customers/settings",
    {
      config: { access: "customers:read" },
      schema: { tags, response: { 200: customerSettingsView, ...commonErrors } },
    },
    async (request) => customers.settings.get(request.actor!.tenantId),
  );

  api.put(
    "/customers/settings",
    {
      config: { access: "privacy:manage" },
      schema: { tags, body: customerSettingsBody, response: { 200: customerSettingsView, ...commonErrors } },
    },
    async (request) => customers.settings.put(request.actor!, request.body, originOf(request)),
  );
}
