import { systemClock } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { AuditLog } from "./audit/audit-log.js";
import { ApiKeyService } from "./auth/api-key-service.js";
import { AuthService } from "./auth/auth-service.js";
import type { SentraConfig } from "./config/config.js";
import type { Database } from "./db/schema.js";
import type { Metrics } from "./observability/metrics.js";
import { TeamService } from "./people/team-service.js";
import { UserService } from "./people/user-service.js";
import type { EventBus } from "./realtime/event-bus.js";
import { RealtimeGateway } from "./realtime/realtime-gateway.js";
import { LiveKpis } from "./routing/live-kpis.js";
import { RoutingConfigService } from "./routing/routing-config-service.js";
import type { RoutingRuntime } from "./routing/routing-runtime.js";
import { RoutingWorkService } from "./routing/routing-work-service.js";
import { TenantRepository } from "./tenancy/tenant-repository.js";
import { AdherenceMonitor } from "./wfm/adherence-monitor.js";
import { AdherenceService } from "./wfm/adherence-service.js";
import { ScheduleService } from "./wfm/schedule-service.js";
import { ScheduleSetupService } from "./wfm/schedule-setup-service.js";
import { SimulationRunner } from "./wfm/simulation-runner.js";
import { createWfmServices, type WfmServices } from "./wfm/wfm-services.js";

/** The capabilities the HTTP and realtime adapters call; built once per server process. */
export interface Services {
  readonly config: SentraConfig;
  readonly logger: Logger;
  readonly db: Kysely<Database>;
  readonly bus: EventBus;
  readonly metrics: Metrics;
  readonly tenants: TenantRepository;
  readonly audit: AuditLog;
  readonly auth: AuthService;
  readonly users: UserService;
  readonly teams: TeamService;
  readonly apiKeys: ApiKeyService;
  readonly realtime: RealtimeGateway;
  readonly routingRuntime: RoutingRuntime;
  readonly routingConfig: RoutingConfigService;
  readonly routingWork: RoutingWorkService;
  readonly liveKpis: LiveKpis;
  readonly wfmSimulation: SimulationRunner;
  readonly wfm: WfmServices;
  readonly ping: () => Promise<void>;
  readonly scheduleSetup: ScheduleSetupService;
  readonly schedules: ScheduleService;
  readonly adherence: AdherenceService;
  readonly adherenceMonitor: AdherenceMonitor;
}

export function createServices(deps: {
  config: SentraConfig;
  logger: Logger;
  db: Kysely<Database>;
  bus: EventBus;
  metrics: Metrics;
  routingRuntime: RoutingRuntime;
  ping: () => Promise<void>;
}): Services {
  const audit = new AuditLog(deps.db);
  const auth = new AuthService(deps.db, audit, {
    maxFailures: deps.config.loginMaxFailures,
    lockMinutes: deps.config.loginLockMinutes,
    sessionHours: deps.config.sessionHours,
  });
  const routingConfig = new RoutingConfigService(deps.db, audit);
  const scheduleSetup = new ScheduleSetupService(deps.db, audit);
  return {
    ...deps,
    routingConfig,
    liveKpis: new LiveKpis(deps.bus, systemClock, deps.logger),
    routingWork: new RoutingWorkService(deps.db, deps.routingRuntime, routingConfig, audit),
    tenants: new TenantRepository(deps.db),
    audit,
    auth,
    users: new UserService(deps.db, audit, auth, deps.bus),
    teams: new TeamService(deps.db, audit, deps.bus),
    apiKeys: new ApiKeyService(deps.db, audit, (id) => auth.forgetApiKey(id)),
    realtime: new RealtimeGateway(deps.bus, deps.logger),
    wfmSimulation: new SimulationRunner(systemClock, deps.logger),
    wfm: createWfmServices(deps.db, audit),
    scheduleSetup,
    schedules: new ScheduleService(deps.db, audit, deps.bus, scheduleSetup, systemClock, deps.logger),
    adherence: new AdherenceService(deps.db, systemClock),
    adherenceMonitor: new AdherenceMonitor(deps.db, deps.bus, systemClock, deps.logger),
  };
}
