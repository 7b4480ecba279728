import type { Clock } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database } from "../db/schema.js";
import { CustomerMergeService } from "./customer-merge-service.js";
import { CustomerPrivacyService } from "./customer-privacy-service.js";
import { CustomerReader } from "./customer-reader.js";
import { CustomerService } from "./customer-service.js";
import { CustomerSettingsService } from "./customer-settings-service.js";
import { CustomerVerificationService, type InteractionLookup } from "./customer-verification-service.js";
import { RetentionService } from "./retention-service.js";

/** Everything about customers the adapters call, built once per process. */
export interface CustomerCapability {
  readonly settings: CustomerSettingsService;
  readonly records: CustomerService;
  readonly reader: CustomerReader;
  readonly verification: CustomerVerificationService;
  readonly merges: CustomerMergeService;
  readonly privacy: CustomerPrivacyService;
  readonly retention: RetentionService;
}

export function createCustomerCapability(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  interactions: InteractionLookup;
  clock: Clock;
  logger: Logger;
}): CustomerCapability {
  const settings = new CustomerSettingsService(deps.db, deps.audit);
  const records = new CustomerService(deps.db, deps.audit, settings);
  const verification = new CustomerVerificationService(deps.db, deps.audit, records, deps.interactions);
  const merges = new CustomerMergeService(deps.db, deps.audit, records);
  return {
    settings,
    records,
    verification,
    merges,
    reader: new CustomerReader(records, settings, verification, deps.audit),
    privacy: new CustomerPrivacyService(deps.db, deps.audit, records, merges),
    retention: new RetentionService(deps.db, deps.audit, deps.clock, deps.logger),
  };
}
