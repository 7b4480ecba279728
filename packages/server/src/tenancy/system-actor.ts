import type { Actor } from "./actor.js";

/**
 * Background work (SLA jobs, channel receivers) calls tenant services as the system: an admin-level actor of
 * that tenant whose id `system` is what routing and the audit log record. `name` says which job it was.
 */
export const systemActorFor = (tenantId: string, name: string): Actor => ({
  kind: "api_key",
  id: "system",
  tenantId,
  role: "admin",
  name,
});
