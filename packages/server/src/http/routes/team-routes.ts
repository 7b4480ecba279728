import { z } from "zod";
import { teamBody, teamView } from "../../people/team-service.js";
import type { Services } from "../../services.js";
import { type Api, commonErrors, idParams, originOf } from "../api.js";
import { pageOf, pageQuery } from "../pagination.js";

const teamPatch = teamBody
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "Send a name or memberIds to change.");

export function registerTeamRoutes(api: Api, services: Services): void {
  api.get(
    "/teams",
    {
      config: { access: "teams:read" },
      schema: {
        tags: ["teams"],
        querystring: pageQuery,
        response: { 200: pageOf(teamView), ...commonErrors },
      },
    },
    async (request) => services.teams.list(request.actor!, request.query),
  );

  api.post(
    "/teams",
    {
      config: { access: "teams:manage" },
      schema: { tags: ["teams"], body: teamBody, response: { 201: teamView, ...commonErrors } },
    },
    async (request, reply) =>
      reply.status(201).send(await services.teams.create(request.actor!, request.body, originOf(request))),
  );

  api.get(
    "/teams/:id",
    {
      config: { access: "teams:read" },
      schema: { tags: ["teams"], params: idParams, response: { 200: teamView, ...commonErrors } },
    },
    async (request) => services.teams.get(request.actor!, request.params.id),
  );

  api.patch(
    "/teams/:id",
    {
      config: { access: "teams:manage" },
      schema: {
        tags: ["teams"],
        params: idParams,
        body: teamPatch,
        response: { 200: teamView, ...commonErrors },
      },
    },
    async (request) =>
      services.teams.update(request.actor!, request.params.id, request.body, originOf(request)),
  );

  api.delete(
    "/teams/:id",
    {
      config: { access: "teams:manage" },
      schema: { tags: ["teams"], params: idParams, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await services.teams.remove(request.actor!, request.params.id, originOf(request));
      return reply.status(204).send(null);
    },
  );
}
