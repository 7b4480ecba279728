import { type Clock, systemClock } from "@sentra/core";
import type { SentraConfig } from "./config/config.js";
import { type DatabaseHandle, migrateToLatest, openDatabase } from "./db/database.js";
import type { SentraApp } from "./http/api.js";
import { buildApp } from "./http/app.js";
import { createLogger } from "./observability/logger.js";
import { Metrics } from "./observability/metrics.js";
import { type EventBus, InProcessEventBus } from "./realtime/event-bus.js";
import { NatsEventBus } from "./realtime/nats-event-bus.js";
import { acquireRoutingLease } from "./routing/routing-lease.js";
import { RoutingLog } from "./routing/routing-log.js";
import { RoutingRuntime } from "./routing/routing-runtime.js";
import { type SeededLogin, seedFirstStart } from "./seed/demo-seed.js";
import { createServices, type Services } from "./services.js";
import { VoiceRuntime } from "./voice/calls/voice-runtime.js";

export interface RunningPlatform {
  readonly app: SentraApp;
  readonly services: Services;
  readonly database: DatabaseHandle;
  /** The base URL it listens on, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  readonly seededLogins: SeededLogin[];
  /** The port Sentra's SMTP receiver listens on; null when SENTRA_SMTP_ENABLED is false. */
  readonly smtpPort: number | null;
  /** The voice engine (SIP, media, calls); null when SENTRA_SIP_ENABLED is false. */
  readonly voice: VoiceRuntime | null;
  /** Stops accepting, lets in-flight requests finish, then closes the event bus and the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Listen on the configured port (default) or skip listening, for in-process tests using inject(). */
  listen?: boolean;
  /** The clock of case SLAs and the knowledge base (routing keeps the system clock); tests pass a ManualClock. */
  clock?: Clock;
}

export interface OpenedServices {
  readonly services: Services;
  readonly database: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * Opens storage, applies migrations and connects the event bus: everything but HTTP. The CLI uses this for
 * one-off commands; startPlatform adds the seed and the listener.
 */
export async function openServices(
  config: SentraConfig,
  logger = createLogger(config.logLevel),
  clock: Clock = systemClock,
): Promise<OpenedServices> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(database.db);
    logger.info({ store: database.kind, location: database.location, applied }, "database ready");
    const bus: EventBus = config.natsUrl
      ? await NatsEventBus.connect(config.natsUrl, logger)
      : new InProcessEventBus((error) => logger.error({ err: error }, "event handler failed"));
    const routingRuntime = new RoutingRuntime(new RoutingLog(database.db), bus, systemClock, logger);
    const lease = acquireRoutingLease(config.databaseUrl, logger);
    const services = createServices({
      config,
      logger,
      db: database.db,
      bus,
      metrics: new Metrics(),
      routingRuntime,
      ping: database.ping,
      clock,
    });
    const runRouting = async () => {
      services.routingConfig.forgetCaches();
      await routingRuntime.activate();
      await services.routingWork.reconcile();
    };
    // Wait briefly for the lease so a lone process starts routing before it serves; a standby process serves
    // at once and takes routing over in the background when the holder stops.
    const leased = await Promise.race([
      lease.acquired.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 3_000).unref()),
    ]);
    if (leased) await runRouting();
    else {
      void lease.acquired
        .then(runRouting)
        .catch((error) => logger.fatal({ err: error }, "could not take routing over"));
    }
    await services.liveKpis.load(database.db, routingRuntime, services.routingConfig);
    services.cases.escalationJob.start();
    services.adherenceMonitor.start();
    return {
      services,
      database,
      close: async () => {
        await services.cases.escalationJob.stop();
        await services.channels.close();
        await services.customers.retention.stop();
        services.liveKpis.close();
        await services.adherenceMonitor.close();
        await routingRuntime.close();
        await lease.release();
        await services.realtime.close();
        await bus.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** Opens everything, seeds a first start and serves HTTP and realtime. */
export async function startPlatform(
  config: SentraConfig,
  options: StartOptions = {},
): Promise<RunningPlatform> {
  const logger = createLogger(config.logLevel);
  const opened = await openServices(config, logger, options.clock);
  try {
    const { services, database } = opened;
    const seededLogins = await seedFirstStart(services);
    // The daily purge belongs to the serving process, not to one-off CLI commands that open services too.
    services.customers.retention.start();
    services.channels.outbox.start();
    if (config.imap.enabled) services.channels.imapPoller.start();
    const app = await buildApp(services);
    const smtpPort = config.smtp.enabled ? await services.channels.smtpReceiver.listen() : null;
    const voice = config.sip.enabled ? await VoiceRuntime.start(services) : null;
    const url =
      options.listen === false
        ? "http://in-process"
        : await app.listen({ port: config.port, host: config.host });
    logger.info({ url, store: database.kind, events: services.bus.kind }, "Sentra is serving");
    return {
      app,
      services,
      database,
      url,
      seededLogins,
      smtpPort,
      voice,
      close: async () => {
        await voice?.close();
        if (smtpPort !== null) await services.channels.smtpReceiver.close();
        await app.close();
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close().catch(() => undefined);
    throw error;
  }
}
