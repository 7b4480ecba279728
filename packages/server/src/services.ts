import { type Clock, systemClock } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { AuditLog } from "./audit/audit-log.js";
import { ApiKeyService } from "./auth/api-key-service.js";
import { AuthService } from "./auth/auth-service.js";
import { CaseEscalationJob } from "./cases/case-escalation-job.js";
import { CaseEscalationService } from "./cases/case-escalation-service.js";
import { CaseService } from "./cases/case-service.js";
import { FollowUpService } from "./cases/follow-up-service.js";
import { SlaPolicyService } from "./cases/sla-policy-service.js";
import { type ChannelServices, createChannelServices } from "./channels/channel-services.js";
import { conversationDataEraser } from "./channels/conversation-erasure.js";
import { conversationMessagesPurger } from "./channels/message-retention.js";
import type { SentraConfig } from "./config/config.js";
import { type CustomerCapability, createCustomerCapability } from "./customers/customer-capability.js";
import type { Database } from "./db/schema.js";
import { KbArticleService } from "./knowledge/kb-article-service.js";
import { KbSearch } from "./knowledge/kb-search.js";
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
import { createIvrServices, type IvrServices } from "./voice/ivr/ivr-services.js";
import { Registrar } from "./voice/registrar/registrar.js";
import { SoftphoneHub } from "./voice/webrtc/softphone-hub.js";
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
  readonly cases: CaseServices;
  readonly knowledge: { readonly articles: KbArticleService; readonly search: KbSearch };
  readonly customers: CustomerCapability;
  readonly ping: () => Promise<void>;
  readonly scheduleSetup: ScheduleSetupService;
  readonly schedules: ScheduleService;
  readonly adherence: AdherenceService;
  readonly adherenceMonitor: AdherenceMonitor;
  readonly channels: ChannelServices;
  readonly ivr: IvrServices;
  /** Agents' SIP phones: REGISTER bindings, checked against sip_endpoints. */
  readonly sipRegistrar: Registrar;
}

export interface CaseServices {
  readonly service: CaseService;
  readonly policies: SlaPolicyService;
  readonly escalations: CaseEscalationService;
  readonly followUps: FollowUpService;
  /** The background SLA escalation pass; platform.ts starts and stops it. */
  readonly escalationJob: CaseEscalationJob;
}

export function createServices(deps: {
  config: SentraConfig;
  logger: Logger;
  db: Kysely<Database>;
  bus: EventBus;
  metrics: Metrics;
  routingRuntime: RoutingRuntime;
  ping: () => Promise<void>;
  /** The clock of case SLAs, escalations and the knowledge base; tests pass a ManualClock. */
  clock?: Clock;
}): Services {
  const audit = new AuditLog(deps.db);
  const auth = new AuthService(deps.db, audit, {
    maxFailures: deps.config.loginMaxFailures,
    lockMinutes: deps.config.loginLockMinutes,
    sessionHours: deps.config.sessionHours,
  });
  const routingConfig = new RoutingConfigService(deps.db, audit);
  const routingWork = new RoutingWorkService(deps.db, deps.routingRuntime, routingConfig, audit);
  const { clock = systemClock, ...rest } = deps;
  const scheduleSetup = new ScheduleSetupService(deps.db, audit);
  const customers = createCustomerCapability({
    db: deps.db,
    audit,
    interactions: routingWork,
    clock,
    logger: deps.logger,
  });
  customers.retention.register(conversationMessagesPurger);
  customers.privacy.registerEraser(conversationDataEraser);
  return {
    ...rest,
    cases: createCaseServices(deps, audit, routingWork, clock),
    knowledge: { articles: new KbArticleService(deps.db, audit, clock), search: new KbSearch(deps.db) },
    routingConfig,
    liveKpis: new LiveKpis(deps.bus, systemClock, deps.logger),
    routingWork,
    tenants: new TenantRepository(deps.db),
    audit,
    auth,
    users: new UserService(deps.db, audit, auth, deps.bus),
    teams: new TeamService(deps.db, audit, deps.bus),
    apiKeys: new ApiKeyService(deps.db, audit, (id) => auth.forgetApiKey(id)),
    realtime: new RealtimeGateway(
      deps.bus,
      deps.logger,
      new SoftphoneHub({
        endpoint: deps.config.webrtc,
        logger: deps.logger,
        registry: deps.metrics.registry,
      }),
    ),
    wfmSimulation: new SimulationRunner(systemClock, deps.logger),
    wfm: createWfmServices(deps.db, audit),
    customers,
    scheduleSetup,
    schedules: new ScheduleService(deps.db, audit, deps.bus, scheduleSetup, clock, deps.logger),
    adherence: new AdherenceService(deps.db, clock),
    adherenceMonitor: new AdherenceMonitor(deps.db, deps.bus, clock, deps.logger),
    channels: createChannelServices({
      db: deps.db,
      audit,
      bus: deps.bus,
      smtp: deps.config.smtp,
      webChat: deps.config.webChat,
      imap: deps.config.imap,
      customers: customers.records,
      routingConfig,
      routingWork,
      clock,
      logger: deps.logger,
    }),
    ivr: createIvrServices({ db: deps.db, audit, routingConfig }),
    sipRegistrar: new Registrar(deps.db, deps.logger),
  };
}

function createCaseServices(
  deps: { db: Kysely<Database>; bus: EventBus; logger: Logger },
  audit: AuditLog,
  routingWork: RoutingWorkService,
  clock: Clock,
): CaseServices {
  const policies = new SlaPolicyService(deps.db, audit);
  const followUps = new FollowUpService(deps.db, audit, policies, routingWork, clock, deps.logger);
  const escalations = new CaseEscalationService(
    deps.db,
    audit,
    deps.bus,
    policies,
    followUps,
    clock,
    deps.logger,
  );
  return {
    policies,
    followUps,
    escalations,
    service: new CaseService(deps.db, audit, policies, routingWork, followUps, clock),
    escalationJob: new CaseEscalationJob(escalations, deps.logger),
  };
}
