import { z } from "zod";
import type { Services } from "../../services.js";
import { type Api, commonErrors } from "../api.js";
import { decodeCursor, pageOf, pageQuery, toPage } from "../pagination.js";

const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export function registerAuditRoutes(api: Api, services: Services): void {
  api.get(
    "/audit",
    {
      config: { access: "audit:read" },
      schema: {
        tags: ["audit"],
        summary: "The tenant's audit log, newest first",
        querystring: pageQuery,
        response: { 200: pageOf(auditEntry), ...commonErrors },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const before = cursor ? decodeCursor(cursor, z.tuple([z.number().int()]))[0] : undefined;
      const rows = await services.audit.list(request.actor!.tenantId, limit + 1, before);
      return toPage(
        rows,
        limit,
        (row) => ({
          id: row.id,
          at: row.at.toISOString(),
          actorType: row.actor_type,
          actorId: row.actor_id,
          action: row.action,
          targetType: row.target_type,
          targetId: row.target_id,
          details: row.details,
          ip: row.ip,
          userAgent: row.user_agent,
        }),
        (row) => [row.id],
      );
    },
  );
}
