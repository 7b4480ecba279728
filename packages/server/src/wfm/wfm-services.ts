import type { Kysely } from "kysely";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database } from "../db/schema.js";
import { ForecastService } from "./forecast-service.js";
import { SpecialDayService } from "./special-day-service.js";
import { WfmHistoryService } from "./wfm-history-service.js";

/** The workforce-management capabilities the HTTP routes and the CLI call. */
export interface WfmServices {
  readonly history: WfmHistoryService;
  readonly specialDays: SpecialDayService;
  readonly forecasts: ForecastService;
}

export function createWfmServices(db: Kysely<Database>, audit: AuditLog): WfmServices {
  const history = new WfmHistoryService(db, audit);
  const specialDays = new SpecialDayService(db, audit);
  return { history, specialDays, forecasts: new ForecastService(db, audit, history, specialDays) };
}
