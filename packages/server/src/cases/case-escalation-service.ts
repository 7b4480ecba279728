import {
  assertCaseTransition,
  type CaseStatus,
  type Clock,
  conflict,
  type EscalateBody,
  type EscalationTier,
  nextEscalation,
  tierAbove,
  tierRank,
} from "@sentra/core";
import { type Kysely, sql, type Transaction, type Updateable } from "kysely";
import type { Logger } from "pino";
import type { AuditLog } from "../audit/audit-log.js";
import type { CaseRow, CasesTable, Database } from "../db/schema.js";
import { type EventBus, newEvent } from "../realtime/event-bus.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { systemActorFor } from "../tenancy/system-actor.js";
import { clockOf, resumedColumns, slaColumns } from "./case-sla.js";
import { appendCaseEvents, type CaseActor, lockCase, saveCase } from "./case-store.js";
import type { FollowUpService } from "./follow-up-service.js";
import type { ResolvedPolicy, SlaPolicyService } from "./sla-policy-service.js";

interface Escalation {
  readonly toTier: EscalationTier;
  readonly reason: string;
  readonly trigger: "manual" | "time";
  readonly teamId?: string | undefined;
}

interface Escalated {
  readonly row: CaseRow;
  readonly fromTier: string;
  readonly escalation: Escalation;
}

/** Supervisors see escalations live on the wallboard topic, which every supervisor may watch. */
export const CASE_ESCALATED_TOPIC = "wallboard";

/**
 * Escalations, by hand (with a reason) or by time (the SLA job). Either way the case climbs a tier, enters
 * `escalated`, the timeline and audit log say who or what escalated it and why, supervisors are told in real
 * time, and the follow-up rule runs.
 */
export class CaseEscalationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly bus: EventBus,
    private readonly policies: SlaPolicyService,
    private readonly followUps: FollowUpService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async escalate(actor: Actor, id: string, body: EscalateBody, origin: Origin): Promise<void> {
    const now = this.clock.now();
    const escalated = await this.db.transaction().execute(async (trx) => {
      const row = await lockCase(trx, actor.tenantId, id);
      const toTier = body.toTier ?? tierAbove(row.tier as EscalationTier);
      if (toTier === undefined) {
        throw conflict("case_at_top_tier", "The case is already with the back office, the top tier.");
      }
      const resolved = await this.policies.byId(actor.tenantId, row.sla_policy_id, trx);
      const escalation = { toTier, reason: body.reason, trigger: "manual" as const, teamId: body.teamId };
      return this.#apply(trx, row, escalation, resolved, now, actor, origin);
    });
    await this.#announce(actor, escalated);
  }

  /**
   * One pass of the SLA job: escalates every case whose next time trigger has come. Rows are claimed with
   * FOR UPDATE SKIP LOCKED, so several server processes share the work without doing a case twice, and a
   * case's next_escalation_at moves past `now` in the same transaction, so running again is a no-op.
   */
  async escalateDue(batchSize = 50): Promise<number> {
    const now = this.clock.now();
    let total = 0;
    for (;;) {
      const done = await this.db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom("cases")
          .selectAll()
          .where("next_escalation_at", "<=", new Date(now))
          .orderBy("next_escalation_at")
          .limit(batchSize)
          .forUpdate()
          .skipLocked()
          .execute();
        const escalated: Escalated[] = [];
        for (const row of rows) {
          const resolved = await this.policies.byId(row.tenant_id, row.sla_policy_id, trx);
          const due = resolved ? nextEscalation(resolved.policy, clockOf(row), now) : null;
          if (due === null) {
            // Policy changed or removed since the time was stored: just reschedule.
            await saveCase(
              trx,
              row,
              { next_escalation_at: slaColumns(resolved?.policy, clockOf(row)).next_escalation_at },
              now,
            );
            continue;
          }
          const escalation = { toTier: due.tier, reason: due.reason, trigger: "time" as const };
          escalated.push(
            await this.#apply(trx, row, escalation, resolved, now, { kind: "system", id: null }, null),
          );
        }
        return { count: rows.length, escalated };
      });
      for (const item of done.escalated)
        await this.#announce(systemActorFor(item.row.tenant_id, "SLA escalation job"), item, {
          kind: "system",
          id: null,
        });
      total += done.escalated.length;
      if (done.count < batchSize) return total;
    }
  }

  async #apply(
    trx: Transaction<Database>,
    row: CaseRow,
    escalation: Escalation,
    resolved: ResolvedPolicy | undefined,
    now: number,
    by: CaseActor,
    origin: Origin | null,
  ): Promise<Escalated> {
    if (row.status === "resolved" || row.status === "closed") {
      throw conflict("case_not_active", `A ${row.status} case cannot be escalated; reopen it first.`);
    }
    if (tierRank(escalation.toTier) <= tierRank(row.tier as EscalationTier)) {
      throw conflict("case_already_at_tier", `The case is already at the ${row.tier} tier.`);
    }
    if (row.status !== "escalated") {
      assertCaseTransition(row.status as CaseStatus, "escalated", { now, byEscalation: true });
    }
    const teamId =
      escalation.teamId ??
      (escalation.toTier === "back_office" ? resolved?.view.backOfficeTeamId : undefined);
    if (escalation.teamId) await this.#assertTeam(trx, row.tenant_id, escalation.teamId);
    const changes: Updateable<CasesTable> = {
      status: "escalated",
      tier: escalation.toTier,
      ...(tierRank(escalation.toTier) > tierRank(row.highest_tier as EscalationTier)
        ? { highest_tier: escalation.toTier }
        : {}),
      ...resumedColumns(resolved?.policy, row, now),
      ...(teamId ? { owner_team_id: teamId } : {}),
    };
    const next = { ...row, ...changes } as CaseRow;
    const saved = await saveCase(
      trx,
      row,
      { ...changes, ...slaColumns(resolved?.policy, clockOf(next)) },
      now,
    );
    const data = {
      fromTier: row.tier,
      toTier: escalation.toTier,
      reason: escalation.reason,
      trigger: escalation.trigger,
      ...(teamId ? { teamId } : {}),
    };
    await appendCaseEvents(trx, saved, by, now, [{ type: "escalated", data }]);
    await this.audit.record(
      {
        tenantId: row.tenant_id,
        actor: by.kind === "system" ? { kind: "system", id: null } : by,
        action: "case.escalated",
        target: { type: "case", id: row.id },
        details: data,
        ...(origin ? { origin } : {}),
      },
      trx,
    );
    return { row: saved, fromTier: row.tier, escalation };
  }

  async #announce(routingActor: Actor, escalated: Escalated, by: CaseActor = routingActor): Promise<void> {
    const { row, fromTier, escalation } = escalated;
    await this.bus
      .publish(
        newEvent(
          row.tenant_id,
          CASE_ESCALATED_TOPIC,
          "case.escalated",
          {
            caseId: row.id,
            customerId: row.customer_id,
            subject: row.subject,
            priority: row.priority,
            fromTier,
            toTier: escalation.toTier,
            reason: escalation.reason,
            trigger: escalation.trigger,
          },
          new Date(this.clock.now()),
        ),
      )
      .catch((error) => this.logger.warn({ err: error, caseId: row.id }, "case.escalated not published"));
    await this.followUps.afterRule(routingActor, row, { kind: "escalated", toTier: escalation.toTier }, by);
  }

  async #assertTeam(trx: Transaction<Database>, tenantId: string, teamId: string): Promise<void> {
    const team = await trx
      .selectFrom("teams")
      .select(sql<number>`1`.as("one"))
      .where("tenant_id", "=", tenantId)
      .where("id", "=", teamId)
      .executeTakeFirst();
    if (!team) throw conflict("unknown_team", `No team with id ${teamId} in this tenant.`);
  }
}
