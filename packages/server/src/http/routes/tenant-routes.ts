import { notFound } from "@sentra/core";
import { z } from "zod";
import type { Services } from "../../services.js";
import { type Api, commonErrors } from "../api.js";

const tenantView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  defaultLocale: z.string(),
});

export function registerTenantRoutes(api: Api, services: Services): void {
  api.get(
    "/tenant",
    {
      config: { access: "tenant:read" },
      schema: {
        tags: ["tenant"],
        summary: "The caller's own tenant",
        response: { 200: tenantView, ...commonErrors },
      },
    },
    async (request) => {
      const tenantId = request.actor!.tenantId;
      const tenant = await services.tenants.findById(tenantId);
      if (!tenant) throw notFound("tenant", tenantId);
      return {
        id: tenant.id,
        slug: tenant.slug,
        name: tenant.name,
        timeZone: tenant.time_zone,
        defaultLocale: tenant.default_locale,
      };
    },
  );
}
