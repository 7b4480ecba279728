import type { Clock, RetentionSettingsBody } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { z } from "zod";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";

export const retentionSettingsView = z.object({
  messagesDays: z.number().int().nullable(),
  recordingsDays: z.number().int().nullable(),
  verificationAttemptsDays: z.number().int(),
});
export type RetentionSettings = z.infer<typeof retentionSettingsView>;

export const DEFAULT_RETENTION: RetentionSettings = {
  messagesDays: null,
  recordingsDays: null,
  verificationAttemptsDays: 365,
};

/**
 * Removes one kind of data older than the tenant's retention period. Channels register theirs (messages,
 * recordings) as they are built; returns how many items were removed.
 */
export interface Purger {
  readonly name: string;
  purge(db: Kysely<Database>, tenantId: string, settings: RetentionSettings, now: Date): Promise<number>;
}

const DAY_MS = 86_400_000;

export const verificationAttemptsPurger: Purger = {
  name: "verification_attempts",
  async purge(db, tenantId, settings, now) {
    const cutoff = new Date(now.getTime() - settings.verificationAttemptsDays * DAY_MS);
    const result = await db
      .deleteFrom("verification_attempts")
      .where("tenant_id", "=", tenantId)
      .where("at", "<", cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

export interface PurgeReport {
  tenantId: string;
  purger: string;
  removed: number;
}

/**
 * Per-tenant retention periods and the daily purge. The job wakes hourly on a real timer but decides from the
 * injected clock whether a day has passed since the last run, so tests drive it with a manual clock.
 */
export class RetentionService {
  readonly #purgers: Purger[] = [verificationAttemptsPurger];
  #timer: NodeJS.Timeout | undefined;
  #nextRunAt = 0;
  #running: Promise<PurgeReport[]> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  register(purger: Purger): void {
    if (this.#purgers.some((p) => p.name === purger.name)) throw new Error(`Purger ${purger.name} exists.`);
    this.#purgers.push(purger);
  }

  async settings(tenantId: string): Promise<RetentionSettings> {
    const row = await this.db
      .selectFrom("retention_settings")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst();
    return row
      ? {
          messagesDays: row.messages_days,
          recordingsDays: row.recordings_days,
          verificationAttemptsDays: row.verification_attempts_days,
        }
      : DEFAULT_RETENTION;
  }

  async putSettings(actor: Actor, body: RetentionSettingsBody, origin: Origin): Promise<RetentionSettings> {
    const values = {
      messages_days: body.messagesDays,
      recordings_days: body.recordingsDays,
      verification_attempts_days: body.verificationAttemptsDays,
    };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("retention_settings")
        .values({ tenant_id: actor.tenantId, ...values })
        .onConflict((oc) => oc.column("tenant_id").doUpdateSet({ ...values, updated_at: new Date() }))
        .execute();
      await this.audit.record(
        { tenantId: actor.tenantId, actor, action: "retention.updated", details: { ...body }, origin },
        trx,
      );
    });
    return this.settings(actor.tenantId);
  }

  /** Runs every purger for every tenant now; each removal is audited as the system's doing. */
  async purgeAll(): Promise<PurgeReport[]> {
    const now = new Date(this.clock.now());
    const tenants = await this.db.selectFrom("tenants").select("id").execute();
    const reports: PurgeReport[] = [];
    for (const { id: tenantId } of tenants) {
      const settings = await this.settings(tenantId);
      for (const purger of this.#purgers) {
        const removed = await purger.purge(this.db, tenantId, settings, now);
        reports.push({ tenantId, purger: purger.name, removed });
        if (removed > 0) {
          await this.audit.record({
            tenantId,
            actor: { kind: "system", id: null },
            action: "retention.purged",
            details: { purger: purger.name, removed, at: now.toISOString() },
          });
        }
      }
    }
    return reports;
  }

  /** Runs the purge when a day has passed since the last run (or on the first call). */
  async runIfDue(): Promise<PurgeReport[] | null> {
    if (this.#running || this.clock.now() < this.#nextRunAt) return null;
    this.#nextRunAt = this.clock.now() + DAY_MS;
    this.#running = this.purgeAll();
    try {
      return await this.#running;
    } finally {
      this.#running = undefined;
    }
  }

  start(checkEveryMs = 3_600_000): void {
    if (this.#timer) return;
    const tick = () =>
      void this.runIfDue().catch((error) => this.logger.error({ err: error }, "retention purge failed"));
    this.#timer = setInterval(tick, checkEveryMs);
    this.#timer.unref();
    tick();
  }

  /** Stops the timer and waits for a purge in progress, so shutdown never cuts one in half. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }
}
