import { Readable } from "node:stream";
import {
  forecastAdjustmentBody,
  forecastBody,
  forecastSummaryView,
  forecastView,
  historyImportQuery,
  historyImportView,
  historyIntervalView,
  historyQuery,
  historyRebuildBody,
  INDONESIAN_HOLIDAYS,
  specialDayBody,
  specialDayView,
  staffingQuery,
  staffingView,
  UserError,
} from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../http/api.js";
import type { Services } from "../services.js";

/** History files may be far larger than the JSON body limit; a month of the bank's call log is ~3 MB. */
const HISTORY_FILE_LIMIT_BYTES = 64 * 1024 * 1024;
const HISTORY_CONTENT_TYPES = ["text/csv", "text/tab-separated-values"];

/**
 * Workforce management: interval history, special days, forecasts and staffing. Registered in its own plugin so
 * the CSV/TSV body parser exists for these routes only (the app refuses text bodies everywhere else).
 */
export async function registerWfmRoutes(api: Api, services: Services): Promise<void> {
  await api.register(async (wfm: Api) => {
    wfm.addContentTypeParser(
      HISTORY_CONTENT_TYPES,
      { parseAs: "string", bodyLimit: HISTORY_FILE_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
    routes(wfm, services);
  });
}

function routes(api: Api, services: Services): void {
  const { history, specialDays, forecasts } = services.wfm;
  const tags = ["wfm"];

  api.get(
    "/wfm/history",
    {
      config: { access: "wfm:read" },
      schema: {
        tags,
        summary: "Interval history added up to the requested interval (per queue/channel when given)",
        querystring: historyQuery,
        response: {
          200: z.object({ timeZone: z.string(), items: z.array(historyIntervalView) }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { interval, from, to, queue, channel } = request.query;
      return history.query(
        request.actor!,
        { queue, channel, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
        interval,
      );
    },
  );
  api.post(
    "/wfm/history/import",
    {
      config: { access: "wfm:plan" },
      bodyLimit: HISTORY_FILE_LIMIT_BYTES,
      schema: {
        tags,
        summary:
          "Import history: the Anonymous Bank call log or interval CSV (text/csv or text/tab-separated-values)",
        querystring: historyImportQuery,
        response: { 200: historyImportView, ...commonErrors },
      },
    },
    async (request) => {
      if (typeof request.body !== "string") {
        throw new UserError(
          "invalid",
          "history_body_required",
          `Send the file as ${HISTORY_CONTENT_TYPES.join(" or ")}.`,
        );
      }
      const actor = request.actor!;
      return history.importFile(
        actor.tenantId,
        actor,
        Readable.from([request.body]),
        request.query.interval,
        originOf(request),
      );
    },
  );
  api.post(
    "/wfm/history/rebuild",
    {
      config: { access: "wfm:plan" },
      schema: {
        tags,
        summary: "Recompute interval history from Sentra's routing event log",
        body: historyRebuildBody,
        response: {
          200: z.object({ interactions: z.number(), intervalsStored: z.number() }),
          ...commonErrors,
        },
      },
    },
    async (request) =>
      history.rebuildFromEvents(
        request.actor!,
        new Date(request.body.from),
        new Date(request.body.to),
        request.body.interval,
        originOf(request),
      ),
  );

  api.get(
    "/wfm/special-days",
    {
      config: { access: "wfm:read" },
      schema: { tags, response: { 200: z.object({ items: z.array(specialDayView) }), ...commonErrors } },
    },
    async (request) => ({ items: await specialDays.list(request.actor!.tenantId) }),
  );
  api.post(
    "/wfm/special-days",
    {
      config: { access: "wfm:plan" },
      schema: { tags, body: specialDayBody, response: { 201: specialDayView, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await specialDays.create(request.actor!, request.body, originOf(request))),
  );
  api.put(
    "/wfm/special-days/:id",
    {
      config: { access: "wfm:plan" },
      schema: {
        tags,
        params: idParams,
        body: specialDayBody,
        response: { 200: specialDayView, ...commonErrors },
      },
    },
    async (request) => specialDays.update(request.actor!, request.params.id, request.body, originOf(request)),
  );
  api.delete(
    "/wfm/special-days/:id",
    {
      config: { access: "wfm:plan" },
      schema: { tags, params: idParams, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await specialDays.remove(request.actor!, request.params.id, originOf(request));
      return reply.status(204).send(null);
    },
  );
  api.get(
    "/wfm/holidays/suggested",
    {
      config: { access: "wfm:read" },
      schema: {
        tags,
        summary:
          "Indonesian national holidays and collective leave 2026–2027 (SKB 3 Menteri), to mark as special days",
        response: {
          200: z.object({
            items: z.array(
              z.object({ date: z.string(), name: z.string(), type: z.string(), provisional: z.boolean() }),
            ),
          }),
          ...commonErrors,
        },
      },
    },
    async () => ({ items: [...INDONESIAN_HOLIDAYS] }),
  );

  api.post(
    "/wfm/forecasts",
    {
      config: { access: "wfm:plan" },
      schema: {
        tags,
        summary:
          "Backtest the methods on history, forecast the horizon with the chosen (or best) one, and store it",
        body: forecastBody,
        response: { 201: forecastView, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const id = await forecasts.create(actor, request.body, originOf(request));
      return reply.status(201).send(await forecasts.get(actor, id));
    },
  );
  api.get(
    "/wfm/forecasts",
    {
      config: { access: "wfm:read" },
      schema: { tags, response: { 200: z.object({ items: z.array(forecastSummaryView) }), ...commonErrors } },
    },
    async (request) => ({ items: await forecasts.list(request.actor!.tenantId) }),
  );
  api.get(
    "/wfm/forecasts/:id",
    {
      config: { access: "wfm:read" },
      schema: { tags, params: idParams, response: { 200: forecastView, ...commonErrors } },
    },
    async (request) => forecasts.get(request.actor!, request.params.id),
  );
  api.post(
    "/wfm/forecasts/:id/adjustments",
    {
      config: { access: "wfm:plan" },
      schema: {
        tags,
        summary: "Adjust the forecast over [from, to) by a factor or a delta, with a reason (audited)",
        params: idParams,
        body: forecastAdjustmentBody,
        response: { 200: forecastView, ...commonErrors },
      },
    },
    async (request) => forecasts.adjust(request.actor!, request.params.id, request.body, originOf(request)),
  );
  api.get(
    "/wfm/forecasts/:id/staffing",
    {
      config: { access: "wfm:read" },
      schema: {
        tags,
        summary: "Required agents per interval (Erlang C; Erlang A when patienceSeconds is given)",
        params: idParams,
        querystring: staffingQuery,
        response: { 200: staffingView, ...commonErrors },
      },
    },
    async (request) => forecasts.staffing(request.actor!, request.params.id, request.query),
  );
}
