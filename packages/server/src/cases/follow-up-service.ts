import {
  type Clock,
  conflict,
  type FollowUpBody,
  type FollowUpPlan,
  type FollowUpTrigger,
  followUpFor,
  newInteractionBody,
  UserError,
} from "@sentra/core";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { AuditLog } from "../audit/audit-log.js";
import type { CaseRow, Database } from "../db/schema.js";
import type { RoutingWorkService } from "../routing/routing-work-service.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { appendCaseEvents, type CaseActor, findCase } from "./case-store.js";
import type { FollowUpView } from "./case-views.js";
import type { SlaPolicyService } from "./sla-policy-service.js";

const HOUR = 3_600_000;

/**
 * Follow-up tasks: getting back to the customer of a case. Each task with a queue becomes a routed interaction
 * (channel `callback` or `outbound`), so it reaches an agent like any other work and shows in queue KPIs.
 */
export class FollowUpService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly policies: SlaPolicyService,
    private readonly routingWork: RoutingWorkService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async list(actor: Actor, caseId: string): Promise<{ items: FollowUpView[] }> {
    await findCase(this.db, actor.tenantId, caseId);
    const rows = await this.db
      .selectFrom("follow_up_tasks")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("case_id", "=", caseId)
      .orderBy("created_at")
      .execute();
    return { items: rows.map(toFollowUpView) };
  }

  /** A follow-up asked for by hand; it needs a queue (from the body or the case's SLA policy). */
  async create(actor: Actor, caseId: string, body: FollowUpBody, origin: Origin): Promise<FollowUpView> {
    const row = await findCase(this.db, actor.tenantId, caseId);
    if (row.status === "closed") throw conflict("case_closed", "A closed case takes no follow-ups.");
    const resolved = await this.policies.byId(actor.tenantId, row.sla_policy_id);
    const queueId = body.queueId ?? resolved?.view.queueId ?? null;
    if (queueId === null) {
      throw new UserError(
        "invalid",
        "follow_up_needs_queue",
        "Name the queueId that routes the follow-up; the case's SLA policy has none.",
      );
    }
    const plan = followUpFor(
      {
        kind: "callback_requested",
        reason: body.reason,
        dueAt: body.dueAt ? Date.parse(body.dueAt) : undefined,
      },
      {
        now: this.clock.now(),
        calendar: resolved?.policy.calendar,
        followUpMs: resolved?.policy.followUpMs ?? 4 * HOUR,
      },
    );
    return this.#store(actor, actor, row, { ...plan!, channel: body.channel }, queueId, origin);
  }

  /**
   * Applies the house follow-up rule after something happened to a case. Never throws: the change that
   * triggered it is already committed, so a failure here is logged and the task can be created by hand.
   */
  async afterRule(
    routingActor: Actor,
    row: CaseRow,
    trigger: FollowUpTrigger,
    by: CaseActor = routingActor,
  ): Promise<void> {
    try {
      const resolved = await this.policies.byId(row.tenant_id, row.sla_policy_id);
      const plan = followUpFor(trigger, {
        now: this.clock.now(),
        calendar: resolved?.policy.calendar,
        followUpMs: resolved?.policy.followUpMs ?? 4 * HOUR,
      });
      if (plan === null) return;
      await this.#store(routingActor, by, row, plan, resolved?.view.queueId ?? null, {
        ip: null,
        userAgent: null,
      });
    } catch (error) {
      this.logger.warn(
        { err: error, caseId: row.id, trigger: trigger.kind },
        "automatic follow-up not created",
      );
    }
  }

  async #store(
    routingActor: Actor,
    by: CaseActor,
    row: CaseRow,
    plan: FollowUpPlan,
    queueId: string | null,
    origin: Origin,
  ): Promise<FollowUpView> {
    const now = this.clock.now();
    const interactionId =
      queueId === null
        ? null
        : (
            await this.routingWork.createInteraction(
              routingActor,
              newInteractionBody.parse({
                channel: plan.channel,
                queueId,
                direction: "outbound",
                customerId: row.customer_id,
                subject: `${row.subject} — ${plan.reason}`.slice(0, 300),
              }),
            )
          ).interaction.interactionId;
    const task = await this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("follow_up_tasks")
        .values({
          tenant_id: row.tenant_id,
          case_id: row.id,
          channel: plan.channel,
          reason: plan.reason,
          due_at: new Date(plan.dueAt),
          queue_id: queueId,
          interaction_id: interactionId,
          created_by: by.id ?? "system",
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (interactionId !== null) {
        await trx
          .insertInto("case_interactions")
          .values({
            tenant_id: row.tenant_id,
            case_id: row.id,
            interaction_id: interactionId,
            linked_at: new Date(now),
            linked_by: by.id ?? "system",
          })
          .execute();
      }
      await appendCaseEvents(trx, row, by, now, [
        {
          type: "follow_up_created",
          data: {
            followUpId: created.id,
            channel: plan.channel,
            reason: plan.reason,
            dueAt: new Date(plan.dueAt).toISOString(),
            interactionId,
          },
        },
      ]);
      await this.audit.record(
        {
          tenantId: row.tenant_id,
          actor: by.kind === "system" ? { kind: "system", id: null } : by,
          action: "case.follow_up_created",
          target: { type: "case", id: row.id },
          details: { followUpId: created.id, channel: plan.channel, queueId, interactionId },
          origin,
        },
        trx,
      );
      return created;
    });
    return toFollowUpView(task);
  }
}

function toFollowUpView(row: {
  id: string;
  case_id: string;
  channel: string;
  reason: string;
  due_at: Date;
  queue_id: string | null;
  interaction_id: string | null;
  status: string;
}): FollowUpView {
  return {
    id: row.id,
    caseId: row.case_id,
    channel: row.channel as FollowUpView["channel"],
    reason: row.reason,
    dueAt: row.due_at.toISOString(),
    queueId: row.queue_id,
    interactionId: row.interaction_id,
    status: row.status,
  };
}
