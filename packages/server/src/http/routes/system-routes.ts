import { z } from "zod";
import type { Services } from "../../services.js";
import type { Api } from "../api.js";

export function registerSystemRoutes(api: Api, services: Services): void {
  api.get(
    "/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Liveness, including a database round trip",
        security: [],
        response: {
          200: z.object({
            status: z.literal("ok"),
            database: z.literal("ok"),
            events: z.string(),
            routing: z.enum(["active", "standby"]),
          }),
          503: z.object({ status: z.literal("unavailable"), database: z.string(), events: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await services.ping();
        return {
          status: "ok" as const,
          database: "ok" as const,
          events: services.bus.kind,
          routing: services.routingRuntime.active ? ("active" as const) : ("standby" as const),
        };
      } catch (error) {
        services.logger.warn({ err: error }, "health check: database unreachable");
        return reply
          .status(503)
          .send({ status: "unavailable", database: "unreachable", events: services.bus.kind });
      }
    },
  );

  api.get("/metrics", { config: { access: "public" }, schema: { hide: true } }, async (_request, reply) =>
    reply.type(services.metrics.registry.contentType).send(await services.metrics.registry.metrics()),
  );

  api.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
    api.swagger(),
  );
}
