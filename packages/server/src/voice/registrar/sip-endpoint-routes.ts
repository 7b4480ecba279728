import { randomBytes, randomInt } from "node:crypto";
import { conflict, notFound } from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, idParams, originOf } from "../../http/api.js";
import type { Services } from "../../services.js";
import { SIP_REALM } from "./registrar.js";

const tags = ["voice"];
const access = { access: "voice:manage" } as const;

const registrationView = z.object({
  contact: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
});
const endpointView = z.object({
  id: z.string(),
  agentId: z.string(),
  username: z.string(),
  realm: z.string(),
  enabled: z.boolean(),
  registration: registrationView.nullable(),
});
const createdView = endpointView.extend({
  /** Shown once: give it to the agent's phone. */
  password: z.string(),
});

/**
 * Admin management of agents' SIP phones: one endpoint per agent with a generated username (digits, easy to
 * type on a phone keypad) and password, and whether the phone is registered right now.
 */
export function registerSipEndpointRoutes(api: Api, services: Services): void {
  const { db, sipRegistrar } = services;
  const view = (row: { id: string; agent_id: string; username: string; enabled: boolean }) => {
    const binding = sipRegistrar.bindingOfUser(row.username);
    return {
      id: row.id,
      agentId: row.agent_id,
      username: row.username,
      realm: SIP_REALM,
      enabled: row.enabled,
      registration: binding
        ? {
            contact: binding.contact,
            expiresAt: new Date(binding.expiresAt).toISOString(),
            userAgent: binding.userAgent,
          }
        : null,
    };
  };

  api.get(
    "/voice/sip-endpoints",
    {
      config: access,
      schema: { tags, response: { 200: z.object({ items: z.array(endpointView) }), ...commonErrors } },
    },
    async (request) => {
      const rows = await db
        .selectFrom("sip_endpoints")
        .selectAll()
        .where("tenant_id", "=", request.actor!.tenantId)
        .orderBy("created_at")
        .execute();
      return { items: rows.map(view) };
    },
  );

  api.post(
    "/voice/sip-endpoints",
    {
      config: access,
      schema: {
        tags,
        body: z.object({ agentId: z.uuid("Choose an agent.") }),
        response: { 201: createdView, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const agent = await db
        .selectFrom("users")
        .select(["id", "role"])
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", request.body.agentId)
        .executeTakeFirst();
      if (!agent) throw notFound("user", request.body.agentId);
      const taken = await db
        .selectFrom("sip_endpoints")
        .select("id")
        .where("tenant_id", "=", actor.tenantId)
        .where("agent_id", "=", agent.id)
        .executeTakeFirst();
      if (taken)
        throw conflict("sip_endpoint_exists", "This agent already has a SIP phone; delete it first.");
      const password = randomBytes(12).toString("base64url");
      const row = await db
        .insertInto("sip_endpoints")
        .values({
          tenant_id: actor.tenantId,
          agent_id: agent.id,
          username: String(randomInt(1_000_000_000, 9_999_999_999)),
          password,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await services.audit.record({
        tenantId: actor.tenantId,
        actor,
        action: "sip_endpoint.created",
        target: { type: "sip_endpoint", id: row.id },
        details: { agentId: agent.id, username: row.username },
        origin: originOf(request),
      });
      return reply.status(201).send({ ...view(row), password });
    },
  );

  api.delete(
    "/voice/sip-endpoints/:id",
    { config: access, schema: { tags, params: idParams, response: { 204: z.null(), ...commonErrors } } },
    async (request, reply) => {
      const actor = request.actor!;
      const row = await db
        .deleteFrom("sip_endpoints")
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", request.params.id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound("sip_endpoint", request.params.id);
      sipRegistrar.forget(row.username);
      await services.audit.record({
        tenantId: actor.tenantId,
        actor,
        action: "sip_endpoint.deleted",
        target: { type: "sip_endpoint", id: row.id },
        details: { username: row.username },
        origin: originOf(request),
      });
      return reply.status(204).send(null);
    },
  );
}
