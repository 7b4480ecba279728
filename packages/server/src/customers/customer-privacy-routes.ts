import { Readable } from "node:stream";
import { consentBody, retentionSettingsBody, UserError, verificationSettingsBody } from "@sentra/core";
import { stringify } from "csv-stringify/sync";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../http/api.js";
import type { Services } from "../services.js";
import { customersCsv } from "./customer-csv-export.js";
import { findMalformation, importCustomers } from "./customer-import.js";
import { type CustomerExport, consentView } from "./customer-privacy-service.js";
import { verificationSettingsView } from "./customer-verification-service.js";
import { retentionSettingsView } from "./retention-service.js";

const tags = ["customers", "privacy"];
const IMPORT_LIMIT_BYTES = 50 * 1024 * 1024;

const importReport = z.object({
  rows: z.number().int(),
  imported: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), message: z.string() })),
  possibleDuplicates: z.array(
    z.object({
      line: z.number().int(),
      customerId: z.uuid(),
      existingCustomerId: z.uuid(),
      score: z.number(),
      reasons: z.array(z.string()),
    }),
  ),
  stoppedAt: z.object({ line: z.number().int(), message: z.string() }).nullable(),
});

/** One export as key/value rows, `section,index,field,value`, for people who want a spreadsheet. */
function exportAsCsv(data: CustomerExport): string {
  const rows: string[][] = [["section", "index", "field", "value"]];
  const add = (section: string, index: number, item: object) => {
    for (const [field, value] of Object.entries(item)) {
      rows.push([section, String(index), field, typeof value === "string" ? value : JSON.stringify(value)]);
    }
  };
  add("customer", 0, data.customer);
  const sections: [string, object[]][] = [
    ["merged_customer", data.mergedCustomers],
    ["consent", data.consents],
    ["verification_attempt", data.verificationAttempts],
    ["interaction", data.interactions],
  ];
  for (const [section, items] of sections) {
    for (const [index, item] of items.entries()) add(section, index, item);
  }
  return stringify(rows);
}

/** Consent, data-subject export and erasure, privacy settings, and bulk CSV in and out. */
export function registerCustomerPrivacyRoutes(api: Api, services: Services): void {
  const { customers } = services;

  api.get(
    "/customers/:id/consents",
    {
      config: { access: "customers:read" },
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(consentView) }), ...commonErrors },
      },
    },
    async (request) => ({
      items: await customers.privacy.consents(request.actor!.tenantId, request.params.id),
    }),
  );

  api.post(
    "/customers/:id/consents",
    {
      config: { access: "customers:write" },
      schema: { tags, params: idParams, body: consentBody, response: { 201: consentView, ...commonErrors } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await customers.privacy.recordConsent(
            request.actor!,
            request.params.id,
            request.body,
            originOf(request),
          ),
        ),
  );

  api.post(
    "/customers/:id/consents/:consentId/withdraw",
    {
      config: { access: "customers:write" },
      schema: {
        tags,
        params: z.object({ id: z.uuid(), consentId: z.uuid() }),
        response: { 200: consentView, ...commonErrors },
      },
    },
    async (request) =>
      customers.privacy.withdrawConsent(
        request.actor!,
        request.params.id,
        request.params.consentId,
        originOf(request),
      ),
  );

  api.get(
    "/customers/:id/export",
    {
      config: { access: "customers:export" },
      schema: {
        tags,
        description: "Everything held about the customer (UU PDP access request), unmasked and audited.",
        params: idParams,
        querystring: z.object({ format: z.enum(["json", "csv"]).default("json") }),
      },
    },
    async (request, reply) => {
      const data = await customers.privacy.export(
        request.actor!,
        request.params.id,
        request.query.format,
        originOf(request),
      );
      if (request.query.format === "json") return reply.type("application/json").send(data);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="customer-${request.params.id}.csv"`)
        .send(exportAsCsv(data));
    },
  );

  api.post(
    "/customers/:id/erase",
    {
      config: { access: "customers:erase" },
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ id: z.uuid(), erased: z.boolean() }), ...commonErrors },
      },
    },
    async (request) => {
      const view = await customers.privacy.erase(request.actor!, request.params.id, originOf(request));
      return { id: view.id, erased: view.erased };
    },
  );

  api.get(
    "/privacy/verification-policy",
    {
      config: { access: "customers:read" },
      schema: { tags, response: { 200: verificationSettingsView, ...commonErrors } },
    },
    async (request) => customers.verification.settings(request.actor!.tenantId),
  );

  api.put(
    "/privacy/verification-policy",
    {
      config: { access: "privacy:manage" },
      schema: {
        tags,
        body: verificationSettingsBody,
        response: { 200: verificationSettingsView, ...commonErrors },
      },
    },
    async (request) =>
      customers.verification.putSettings(
        request.actor!,
        request.actor!.tenantId,
        request.body,
        originOf(request),
      ),
  );

  api.get(
    "/privacy/retention",
    {
      config: { access: "privacy:manage" },
      schema: { tags, response: { 200: retentionSettingsView, ...commonErrors } },
    },
    async (request) => customers.retention.settings(request.actor!.tenantId),
  );

  api.put(
    "/privacy/retention",
    {
      config: { access: "privacy:manage" },
      schema: {
        tags,
        body: retentionSettingsBody,
        response: { 200: retentionSettingsView, ...commonErrors },
      },
    },
    async (request) => customers.retention.putSettings(request.actor!, request.body, originOf(request)),
  );

  api.get(
    "/customers/export.csv",
    {
      config: { access: "customers:export" },
      schema: { tags, description: "All live customers, unmasked, in the import's CSV format; audited." },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const { fields } = await customers.settings.get(actor.tenantId);
      await services.audit.record({
        tenantId: actor.tenantId,
        actor,
        action: "customers.exported",
        details: { format: "csv" },
        origin: originOf(request),
      });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="customers.csv"')
        .send(
          customersCsv(
            services.db,
            actor.tenantId,
            fields.map((f) => f.key),
          ),
        );
    },
  );

  // The app refuses text/plain and unknown types on purpose; only this plugin accepts a CSV body.
  api.register(async (scope) => {
    scope.addContentTypeParser(
      "text/csv",
      { parseAs: "string", bodyLimit: IMPORT_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/customers/import",
      {
        config: { access: "customers:import" },
        bodyLimit: IMPORT_LIMIT_BYTES,
        schema: {
          tags,
          description:
            "text/csv body with a header row (full_name, phones, emails, customer_number, account_numbers, address, birth_date, mothers_maiden_name, language, segment, do_not_contact, custom.<key>; lists split by ; or |). A malformed file is refused whole (400 malformed_csv with the line); otherwise bad rows are reported by line and skipped.",
          response: { 200: importReport, ...commonErrors },
        },
      },
      async (request) => {
        if (typeof request.body !== "string") {
          throw new UserError(
            "invalid",
            "csv_expected",
            "Send the file as the body with Content-Type: text/csv.",
          );
        }
        const text = request.body;
        const malformed = await findMalformation(Readable.from([text]));
        if (malformed) throw new UserError("invalid", "malformed_csv", malformed.message, malformed);
        const actor = request.actor!;
        const report = await importCustomers(
          {
            db: services.db,
            customers: customers.records,
            settings: await customers.settings.get(actor.tenantId),
          },
          actor.tenantId,
          actor,
          Readable.from([text]),
        );
        await services.audit.record({
          tenantId: actor.tenantId,
          actor,
          action: "customers.imported",
          details: { rows: report.rows, imported: report.imported, rejected: report.rejected.length },
          origin: originOf(request),
        });
        return report;
      },
    );
  });
}
