import { newUserBody, userPatchBody, userView } from "../../people/user-views.js";
import type { Services } from "../../services.js";
import { type Api, commonErrors, idParams, originOf } from "../api.js";
import { pageOf, pageQuery } from "../pagination.js";

export function registerUserRoutes(api: Api, services: Services): void {
  api.get(
    "/users",
    {
      config: { access: "users:read" },
      schema: {
        tags: ["users"],
        summary: "List the tenant's users",
        querystring: pageQuery,
        response: { 200: pageOf(userView), ...commonErrors },
      },
    },
    async (request) => services.users.list(request.actor!, request.query),
  );

  api.post(
    "/users",
    {
      config: { access: "users:manage" },
      schema: {
        tags: ["users"],
        summary: "Create a user in the tenant",
        body: newUserBody,
        response: { 201: userView, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const user = await services.users.create(actor, actor.tenantId, request.body, originOf(request));
      return reply.status(201).send(user);
    },
  );

  api.get(
    "/users/:id",
    {
      config: { access: "users:read" },
      schema: {
        tags: ["users"],
        summary: "One user",
        params: idParams,
        response: { 200: userView, ...commonErrors },
      },
    },
    async (request) => services.users.get(request.actor!, request.params.id),
  );

  api.patch(
    "/users/:id",
    {
      config: { access: "users:manage" },
      schema: {
        tags: ["users"],
        summary: "Change a user's name, role, locale, password or disable them",
        params: idParams,
        body: userPatchBody,
        response: { 200: userView, ...commonErrors },
      },
    },
    async (request) =>
      services.users.update(request.actor!, request.params.id, request.body, originOf(request)),
  );
}
