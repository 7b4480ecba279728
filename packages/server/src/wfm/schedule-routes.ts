import { agentContractBody, generateScheduleBody, shiftPatchBody, shiftTemplateBody } from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../http/api.js";
import type { Services } from "../services.js";
import { adherenceReport } from "./adherence-service.js";
import { agentContractView, shiftTemplateView } from "./schedule-setup-service.js";
import { myScheduleView, scheduleSummaryView, scheduleView, shiftView } from "./schedule-views.js";

const shiftParams = z.object({
  id: z.uuid("The schedule id in the URL is not a valid id."),
  shiftId: z.uuid("The shift id in the URL is not a valid id."),
});
const weekQuery = z.object({ week: z.iso.date("week must be the week-start date, e.g. 2026-11-23.") });
const adherenceQuery = z.object({
  date: z.iso.date("date must be a date like 2026-11-23."),
  teamId: z.uuid().optional(),
  graceMinutes: z.coerce.number().min(0).max(120).default(3),
});

/**
 * Workforce scheduling under /api/v1/wfm: shift templates, agent contracts, schedule generation, edits and
 * publication, an agent's own shifts, and adherence.
 */
export function registerScheduleRoutes(api: Api, services: Services): void {
  const { scheduleSetup: setup, schedules, adherence } = services;
  const tags = ["wfm"];

  api.get(
    "/wfm/shift-templates",
    {
      config: { access: "wfm:read" },
      schema: { tags, response: { 200: z.object({ items: z.array(shiftTemplateView) }), ...commonErrors } },
    },
    async (request) => ({ items: await setup.listTemplates(request.actor!.tenantId) }),
  );
  api.post(
    "/wfm/shift-templates",
    {
      config: { access: "wfm:plan" },
      schema: { tags, body: shiftTemplateBody, response: { 201: shiftTemplateView, ...commonErrors } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await setup.saveTemplate(request.actor!, undefined, request.body, originOf(request))),
  );
  api.get(
    "/wfm/shift-templates/:id",
    {
      config: { access: "wfm:read" },
      schema: { tags, params: idParams, response: { 200: shiftTemplateView, ...commonErrors } },
    },
    async (request) => setup.getTemplate(request.actor!, request.params.id),
  );
  api.put(
    "/wfm/shift-templates/:id",
    {
      config: { access: "wfm:plan" },
      schema: {
        tags,
        params: idParams,
        body: shiftTemplateBody,
        response: { 200: shiftTemplateView, ...commonErrors },
      },
    },
    async (request) => setup.saveTemplate(request.actor!, request.params.id, request.body, originOf(request)),
  );
  api.delete(
    "/wfm/shift-templates/:id",
    {
      config: { access: "wfm:plan" },
      schema: { tags, params: idParams, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await setup.removeTemplate(request.actor!, request.params.id, originOf(request));
      return reply.status(204).send(null);
    },
  );

  api.get(
    "/wfm/contracts",
    {
      config: { access: "wfm:read" },
      schema: {
        tags,
        summary: "Contracts of every agent (stored or the defaults)",
        response: { 200: z.object({ items: z.array(agentContractView) }), ...commonErrors },
      },
    },
    async (request) => ({ items: await setup.listContracts(request.actor!.tenantId) }),
  );
  api.get(
    "/wfm/contracts/:id",
    {
      config: { access: "wfm:read" },
      schema: { tags, params: idParams, response: { 200: agentContractView, ...commonErrors } },
    },
    async (request) => setup.getContract(request.actor!, request.params.id),
  );
  api.put(
    "/wfm/contracts/:id",
    {
      config: { access: "wfm:plan" },
      schema: {
        tags,
        params: idParams,
        body: agentContractBody,
        response: { 200: agentContractView, ...commonErrors },
      },
    },
    async (request) => setup.saveContract(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.post(
    "/wfm/schedules/generate",
    {
      config: { access: "wfm:plan" },
      schema: {
        tags,
        summary: "Generate a draft weekly schedule (MILP, or the heuristic for large or failed solves)",
        body: generateScheduleBody,
        response: { 201: scheduleView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await schedules.generate(request.actor!, request.body, originOf(request))),
  );
  api.get(
    "/wfm/schedules",
    {
      config: { access: "wfm:read" },
      schema: {
        tags,
        summary: "Schedules, newest first (at most 200), optionally of one week",
        querystring: z.object({ week: weekQuery.shape.week.optional() }),
        response: { 200: z.object({ items: z.array(scheduleSummaryView) }), ...commonErrors },
      },
    },
    async (request) => ({ items: await schedules.list(request.actor!, request.query.week) }),
  );
  api.get(
    "/wfm/schedules/me",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "The caller's own shifts in the published schedules of a week",
        querystring: weekQuery,
        response: { 200: myScheduleView, ...commonErrors },
      },
    },
    async (request) => schedules.mine(request.actor!, request.query.week),
  );
  api.get(
    "/wfm/schedules/:id",
    {
      config: { access: "wfm:read" },
      schema: { tags, params: idParams, response: { 200: scheduleView, ...commonErrors } },
    },
    async (request) => schedules.get(request.actor!, request.params.id),
  );
  api.patch(
    "/wfm/schedules/:id/shifts/:shiftId",
    {
      config: { access: "wfm:plan" },
      schema: {
        tags,
        summary: "Move or resize a shift (contract rules are checked; breaks are placed again)",
        params: shiftParams,
        body: shiftPatchBody,
        response: { 200: shiftView, ...commonErrors },
      },
    },
    async (request) =>
      schedules.moveShift(
        request.actor!,
        request.params.id,
        request.params.shiftId,
        request.body,
        originOf(request),
      ),
  );
  api.post(
    "/wfm/schedules/:id/publish",
    {
      config: { access: "wfm:plan" },
      schema: { tags, params: idParams, response: { 200: scheduleView, ...commonErrors } },
    },
    async (request) => schedules.publish(request.actor!, request.params.id, originOf(request)),
  );

  api.get(
    "/wfm/adherence",
    {
      config: { access: "wfm:read" },
      schema: {
        tags,
        summary: "Adherence, conformance and out-of-adherence episodes per agent for one local day",
        querystring: adherenceQuery,
        response: { 200: adherenceReport, ...commonErrors },
      },
    },
    async (request) =>
      adherence.report(request.actor!, request.query.date, request.query.teamId, request.query.graceMinutes),
  );
}
