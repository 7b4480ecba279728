import {
  caseFilters,
  caseNoteBody,
  casePatchBody,
  caseStatusBody,
  escalateBody,
  followUpBody,
  linkInteractionBody,
  newCaseBody,
} from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../http/api.js";
import { pageOf, pageQuery } from "../http/pagination.js";
import type { Services } from "../services.js";
import { caseEventView, caseView, followUpView } from "./case-views.js";

const caseDetail = caseView.extend({ interactionIds: z.array(z.uuid()) });
const tags = ["cases"];

export function registerCaseRoutes(api: Api, services: Services): void {
  const { cases } = services;

  api.get(
    "/cases",
    {
      config: { access: "cases:read" },
      schema: {
        tags,
        querystring: pageQuery.extend(caseFilters.shape),
        response: { 200: pageOf(caseView), ...commonErrors },
      },
    },
    async (request) => cases.service.list(request.actor!, request.query),
  );

  api.post(
    "/cases",
    {
      config: { access: "cases:work" },
      schema: { tags, body: newCaseBody, response: { 201: caseDetail, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.service.create(request.actor!, request.body, originOf(request))),
  );

  api.get(
    "/cases/:id",
    {
      config: { access: "cases:read" },
      schema: { tags, params: idParams, response: { 200: caseDetail, ...commonErrors } },
    },
    async (request) => cases.service.get(request.actor!, request.params.id),
  );

  api.patch(
    "/cases/:id",
    {
      config: { access: "cases:work" },
      schema: { tags, params: idParams, body: casePatchBody, response: { 200: caseDetail, ...commonErrors } },
    },
    async (request) =>
      cases.service.update(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.post(
    "/cases/:id/status",
    {
      config: { access: "cases:work" },
      schema: {
        tags,
        params: idParams,
        body: caseStatusBody,
        response: { 200: caseDetail, ...commonErrors },
      },
    },
    async (request) =>
      cases.service.changeStatus(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.post(
    "/cases/:id/notes",
    {
      config: { access: "cases:work" },
      schema: {
        tags,
        params: idParams,
        body: caseNoteBody,
        response: { 201: caseEventView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await cases.service.addNote(request.actor!, request.params.id, request.body, originOf(request)),
        ),
  );

  api.post(
    "/cases/:id/escalate",
    {
      config: { access: "cases:work" },
      schema: { tags, params: idParams, body: escalateBody, response: { 200: caseDetail, ...commonErrors } },
    },
    async (request) => {
      await cases.escalations.escalate(request.actor!, request.params.id, request.body, originOf(request));
      return cases.service.get(request.actor!, request.params.id);
    },
  );

  api.post(
    "/cases/:id/interactions",
    {
      config: { access: "cases:work" },
      schema: {
        tags,
        params: idParams,
        body: linkInteractionBody,
        response: { 200: caseDetail, ...commonErrors },
      },
    },
    async (request) =>
      cases.service.linkInteraction(
        request.actor!,
        request.params.id,
        request.body.interactionId,
        originOf(request),
      ),
  );

  api.get(
    "/cases/:id/timeline",
    {
      config: { access: "cases:read" },
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(caseEventView) }), ...commonErrors },
      },
    },
    async (request) => cases.service.timeline(request.actor!, request.params.id),
  );

  api.get(
    "/cases/:id/follow-ups",
    {
      config: { access: "cases:read" },
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(followUpView) }), ...commonErrors },
      },
    },
    async (request) => cases.followUps.list(request.actor!, request.params.id),
  );

  api.post(
    "/cases/:id/follow-ups",
    {
      config: { access: "cases:work" },
      schema: {
        tags,
        params: idParams,
        body: followUpBody,
        response: { 201: followUpView, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await cases.followUps.create(request.actor!, request.params.id, request.body, originOf(request)),
        ),
  );
}
