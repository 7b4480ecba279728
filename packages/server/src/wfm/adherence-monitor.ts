import { type AgentStatus, activityAt, adheres, type Clock, type RoutingEvent } from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../db/schema.js";
import { type EventBus, newEvent, type PlatformEvent } from "../realtime/event-bus.js";
import { type AgentDayPlan, publishedPlans, statusTimeline } from "./adherence-shifts.js";

export interface AdherenceMonitorOptions {
  readonly graceMs?: number;
  /** How often agents are checked against the schedule (real timer; time itself comes from the clock). */
  readonly tickMs?: number;
  /** How long a loaded set of published shifts is trusted before it is read again. */
  readonly reloadMs?: number;
}

export interface AdherenceAlert {
  readonly agentId: string;
  readonly shiftId: string;
  readonly expected: string;
  readonly actual: string;
  readonly since: string;
}

const label = (status: AgentStatus): string =>
  status.kind === "not_ready" ? `not_ready(${status.reason})` : status.kind;

/**
 * Follows agent state changes on the event bus against today's published schedules and, once an agent has
 * been out of adherence for longer than the grace period, records an alert and pushes it to supervisors on
 * the `wallboard` topic (type `wfm.adherence_alert`). One alert per out-of-adherence stretch.
 */
export class AdherenceMonitor {
  readonly #graceMs: number;
  readonly #tickMs: number;
  readonly #reloadMs: number;
  readonly #statuses = new Map<string, { status: AgentStatus; since: number }>();
  readonly #alerted = new Set<string>();
  #plans: AgentDayPlan[] = [];
  #loadedAt = Number.NEGATIVE_INFINITY;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: () => void = () => {};
  #running: Promise<void> = Promise.resolve();
  #busy = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: AdherenceMonitorOptions = {},
  ) {
    this.#graceMs = options.graceMs ?? 3 * 60_000;
    this.#tickMs = options.tickMs ?? 15_000;
    this.#reloadMs = options.reloadMs ?? 5 * 60_000;
  }

  /** Starts following events; with `timer: false` the owner calls tick() (tests). */
  start(options: { timer?: boolean } = {}): void {
    this.#unsubscribe = this.bus.subscribe((event) => this.#observe(event));
    if (options.timer !== false) {
      this.#timer = setInterval(() => {
        // One check at a time: a slow database must not pile checks up.
        if (this.#busy) return;
        this.#busy = true;
        this.#running = this.tick()
          .then(
            () => undefined,
            (error: unknown) => this.logger.error({ err: error }, "adherence check failed"),
          )
          .finally(() => {
            this.#busy = false;
          });
      }, this.#tickMs);
      this.#timer.unref();
    }
  }

  async close(): Promise<void> {
    this.#unsubscribe();
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
  }

  #observe(event: PlatformEvent): void {
    if (event.type === "wfm.schedule_published" || event.type === "wfm.shift_changed") {
      this.#loadedAt = Number.NEGATIVE_INFINITY;
      return;
    }
    if (event.type !== "routing.agent_state_changed") return;
    const data = event.data as Extract<RoutingEvent, { type: "agent_state_changed" }>;
    const key = `${event.tenantId}/${data.agentId}`;
    const known = this.#statuses.get(key);
    if (!known || known.since <= data.at) this.#statuses.set(key, { status: data.to, since: data.at });
  }

  /** Checks every scheduled agent now; returns the alerts raised. */
  async tick(): Promise<AdherenceAlert[]> {
    const now = this.clock.now();
    if (now - this.#loadedAt >= this.#reloadMs) {
      this.#plans = await publishedPlans(this.db, undefined, now - 86_400_000, now + 86_400_000);
      this.#loadedAt = now;
      await this.#learnStatuses(now);
    }
    const raised: AdherenceAlert[] = [];
    for (const plan of this.#plans) {
      const activity = activityAt(plan.activities, now);
      if (!activity) continue;
      const known = this.#statuses.get(`${plan.tenantId}/${plan.agentId}`);
      const status: AgentStatus = known?.status ?? { kind: "offline" };
      if (adheres(activity.kind, status)) continue;
      const since = Math.max(activity.start, known?.since ?? activity.start);
      if (now - since < this.#graceMs) continue;
      const key = `${plan.tenantId}/${plan.agentId}/${since}/${activity.kind}`;
      if (this.#alerted.has(key)) continue;
      this.#alerted.add(key);
      const alert: AdherenceAlert = {
        agentId: plan.agentId,
        shiftId: activity.shiftId,
        expected: activity.kind,
        actual: label(status),
        since: new Date(since).toISOString(),
      };
      await this.db
        .insertInto("wfm_adherence_alerts")
        .values({
          tenant_id: plan.tenantId,
          agent_id: plan.agentId,
          shift_id: activity.shiftId,
          expected: alert.expected,
          actual: alert.actual,
          started_at: new Date(since),
          raised_at: new Date(now),
        })
        .execute();
      await this.bus.publish(
        newEvent(plan.tenantId, "wallboard", "wfm.adherence_alert", alert, new Date(now)),
      );
      raised.push(alert);
    }
    this.#forgetOld(now);
    return raised;
  }

  /** After a restart, the status each scheduled agent last reported comes from the routing log. */
  async #learnStatuses(now: number): Promise<void> {
    const unknown = new Map<string, string[]>();
    for (const plan of this.#plans) {
      if (this.#statuses.has(`${plan.tenantId}/${plan.agentId}`)) continue;
      unknown.set(plan.tenantId, [...(unknown.get(plan.tenantId) ?? []), plan.agentId]);
    }
    for (const [tenantId, agentIds] of unknown) {
      const timelines = await statusTimeline(this.db, tenantId, agentIds, now + 1, now + 1);
      for (const [agentId, timeline] of timelines) {
        const key = `${tenantId}/${agentId}`;
        if (timeline.initial && !this.#statuses.has(key)) {
          this.#statuses.set(key, { status: timeline.initial, since: timeline.initialAt ?? now });
        }
      }
    }
  }

  #forgetOld(now: number): void {
    if (this.#alerted.size < 10_000) return;
    for (const key of this.#alerted) {
      const since = Number(key.split("/")[2]);
      if (now - since > 86_400_000) this.#alerted.delete(key);
    }
  }
}
