import type { Kysely } from "kysely";
import type { AuditLog } from "../../audit/audit-log.js";
import type { Database } from "../../db/schema.js";
import type { RoutingConfigService } from "../../routing/routing-config-service.js";
import { IvrDidService } from "./ivr-did-service.js";
import { IvrFlowService } from "./ivr-flow-service.js";
import { IvrLookupExecutor } from "./ivr-lookup-executor.js";

/** The IVR's server side: flows, the numbers that reach them, and the HTTP lookups flows make. */
export interface IvrServices {
  readonly flows: IvrFlowService;
  /** `dids.resolveDid(number)` is how the call engine finds the tenant and flow of an inbound call. */
  readonly dids: IvrDidService;
  readonly lookups: IvrLookupExecutor;
}

export function createIvrServices(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  routingConfig: RoutingConfigService;
}): IvrServices {
  const flows = new IvrFlowService(deps.db, deps.audit, deps.routingConfig);
  return { flows, dids: new IvrDidService(deps.db, deps.audit, flows), lookups: new IvrLookupExecutor() };
}
