import {
  assertCaseTransition,
  type CaseFilters,
  type CaseNoteBody,
  type CasePatchBody,
  type CaseStatusBody,
  type Clock,
  conflict,
  type EscalationTier,
  forbidden,
  type NewCaseBody,
  roleAllows,
  UserError,
} from "@sentra/core";
import type { Kysely, Updateable } from "kysely";
import type { AuditLog } from "../audit/audit-log.js";
import type { CaseRow, CasesTable, Database } from "../db/schema.js";
import type { Page, PageQuery } from "../http/pagination.js";
import type { RoutingWorkService } from "../routing/routing-work-service.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { assertOwners, listCases } from "./case-queries.js";
import { clockOf, resumedColumns, slaColumns } from "./case-sla.js";
import { appendCaseEvents, type CaseEventInput, findCase, lockCase, saveCase } from "./case-store.js";
import { type CaseEventView, type CaseView, toCaseView } from "./case-views.js";
import type { FollowUpService } from "./follow-up-service.js";
import type { SlaPolicyService } from "./sla-policy-service.js";

export type CaseDetail = CaseView & { interactionIds: string[] };

/**
 * Cases: complaints, requests and inquiries about one customer, with an SLA clock and a timeline. Every change
 * locks the case row, appends to the timeline and writes the audit log in one transaction.
 */
export class CaseService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly policies: SlaPolicyService,
    private readonly routingWork: RoutingWorkService,
    private readonly followUps: FollowUpService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, filters: CaseFilters & PageQuery): Promise<Page<CaseView>> {
    return listCases(this.db, actor.tenantId, filters, this.clock.now());
  }

  async get(actor: Actor, id: string): Promise<CaseDetail> {
    return this.#detail(await findCase(this.db, actor.tenantId, id));
  }

  /** A case is about a customer of this tenant; a merged-away record is fine (history follows the survivor). */
  async #assertCustomer(tenantId: string, customerId: string): Promise<void> {
    const found = await this.db
      .selectFrom("customers")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("id", "=", customerId)
      .executeTakeFirst();
    if (!found) {
      throw new UserError("invalid", "unknown_customer", "customerId is not a customer of this tenant.", {
        customerId,
      });
    }
  }

  async create(actor: Actor, body: NewCaseBody, origin: Origin): Promise<CaseDetail> {
    const now = this.clock.now();
    await this.#assertCustomer(actor.tenantId, body.customerId);
    if (body.interactionId) await this.routingWork.interaction(actor, body.interactionId);
    await assertOwners(this.db, actor.tenantId, body.ownerUserId ?? null, body.ownerTeamId ?? null);
    const resolved = await this.policies.pick(actor.tenantId, body.type, body.priority);
    const row = await this.db.transaction().execute(async (trx) => {
      const base = {
        status: "new" as const,
        tier: "agent" as const,
        openedAt: now,
        pausedBusinessMs: 0,
      };
      const created = await trx
        .insertInto("cases")
        .values({
          tenant_id: actor.tenantId,
          customer_id: body.customerId,
          origin_interaction_id: body.interactionId ?? null,
          type: body.type,
          category: body.category ?? null,
          subject: body.subject,
          description: body.description,
          priority: body.priority,
          status: "new",
          owner_user_id: body.ownerUserId ?? null,
          owner_team_id: body.ownerTeamId ?? null,
          sla_policy_id: resolved?.view.id ?? null,
          opened_at: new Date(now),
          created_by: actor.id,
          ...slaColumns(resolved?.policy, base),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const events: CaseEventInput[] = [
        { type: "created", data: { type: body.type, priority: body.priority, subject: body.subject } },
      ];
      if (body.interactionId) {
        await trx
          .insertInto("case_interactions")
          .values({
            tenant_id: actor.tenantId,
            case_id: created.id,
            interaction_id: body.interactionId,
            linked_at: new Date(now),
            linked_by: actor.id,
          })
          .execute();
        events.push({ type: "interaction_linked", data: { interactionId: body.interactionId } });
      }
      await appendCaseEvents(trx, created, actor, now, events);
      await this.#audit(trx, actor, "case.created", created.id, { ...body }, origin);
      return created;
    });
    return this.#detail(row);
  }

  async update(actor: Actor, id: string, patch: CasePatchBody, origin: Origin): Promise<CaseDetail> {
    const now = this.clock.now();
    const reassigning = patch.ownerUserId !== undefined || patch.ownerTeamId !== undefined;
    const toSelf = patch.ownerTeamId === undefined && patch.ownerUserId === actor.id;
    if (reassigning && !toSelf && !roleAllows(actor.role, "cases:manage")) {
      throw forbidden("Only supervisors may reassign a case to someone else; you may take it yourself.");
    }
    await assertOwners(this.db, actor.tenantId, patch.ownerUserId ?? null, patch.ownerTeamId ?? null);
    const row = await this.db.transaction().execute(async (trx) => {
      const current = await lockCase(trx, actor.tenantId, id);
      if (current.status === "closed") throw conflict("case_closed", "A closed case cannot be changed.");
      const changes: Updateable<CasesTable> = {};
      if (patch.subject !== undefined) changes.subject = patch.subject;
      if (patch.description !== undefined) changes.description = patch.description;
      if (patch.category !== undefined) changes.category = patch.category;
      if (patch.priority !== undefined) changes.priority = patch.priority;
      if (patch.ownerUserId !== undefined) changes.owner_user_id = patch.ownerUserId;
      if (patch.ownerTeamId !== undefined) changes.owner_team_id = patch.ownerTeamId;
      const saved = await saveCase(trx, current, changes, now);
      const events: CaseEventInput[] = [];
      const { ownerUserId, ownerTeamId, ...fields } = patch;
      if (Object.keys(fields).length > 0) events.push({ type: "updated", data: fields });
      if (reassigning) {
        events.push({
          type: "assigned",
          data: {
            from: { userId: current.owner_user_id, teamId: current.owner_team_id },
            to: { userId: saved.owner_user_id, teamId: saved.owner_team_id },
          },
        });
      }
      await appendCaseEvents(trx, saved, actor, now, events);
      await this.#audit(
        trx,
        actor,
        reassigning ? "case.reassigned" : "case.updated",
        id,
        { ...patch },
        origin,
      );
      return saved;
    });
    return this.#detail(row);
  }

  /**
   * Moves a case through its lifecycle. Leaving `new` counts as the first response; entering
   * `pending_customer` stops the SLA clock and leaving it restarts it; due times are recomputed every time.
   */
  async changeStatus(actor: Actor, id: string, body: CaseStatusBody, origin: Origin): Promise<CaseDetail> {
    const now = this.clock.now();
    const row = await this.db.transaction().execute(async (trx) => {
      const current = await lockCase(trx, actor.tenantId, id);
      assertCaseTransition(current.status as CaseView["status"], body.status, {
        now,
        resolvedAt: current.resolved_at?.getTime(),
      });
      const resolved = await this.policies.byId(actor.tenantId, current.sla_policy_id, trx);
      const changes: Updateable<CasesTable> = { status: body.status };
      if (current.status === "new" && current.first_responded_at === null)
        changes.first_responded_at = new Date(now);
      if (current.status === "pending_customer")
        Object.assign(changes, resumedColumns(resolved?.policy, current, now));
      if (body.status === "pending_customer") changes.paused_since = new Date(now);
      if (body.status === "resolved") changes.resolved_at = new Date(now);
      if (body.status === "closed") changes.closed_at = new Date(now);
      if (current.status === "resolved" && body.status === "open") changes.resolved_at = null;
      const next = { ...current, ...changes } as CaseRow;
      Object.assign(changes, slaColumns(resolved?.policy, clockOf(next)));
      const saved = await saveCase(trx, current, changes, now);
      await appendCaseEvents(trx, saved, actor, now, [
        {
          type: "status_changed",
          data: { from: current.status, to: body.status, ...(body.comment ? { comment: body.comment } : {}) },
        },
      ]);
      await this.#audit(
        trx,
        actor,
        "case.status_changed",
        id,
        { from: current.status, to: body.status },
        origin,
      );
      return saved;
    });
    if (body.status === "resolved") {
      const highestTier = row.highest_tier as EscalationTier;
      await this.followUps.afterRule(actor, row, { kind: "resolved", highestTier });
    }
    return this.#detail(row);
  }

  /** Internal notes: visible to staff in the timeline, never sent to the customer. */
  async addNote(actor: Actor, id: string, body: CaseNoteBody, origin: Origin): Promise<CaseEventView> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const current = await lockCase(trx, actor.tenantId, id);
      if (current.status === "closed") throw conflict("case_closed", "A closed case takes no more notes.");
      await appendCaseEvents(trx, current, actor, now, [{ type: "note", data: { body: body.body } }]);
      await this.#audit(trx, actor, "case.note_added", id, { length: body.body.length }, origin);
    });
    const events = await this.timeline(actor, id);
    return events.items.at(-1)!;
  }

  async linkInteraction(
    actor: Actor,
    id: string,
    interactionId: string,
    origin: Origin,
  ): Promise<CaseDetail> {
    const now = this.clock.now();
    await findCase(this.db, actor.tenantId, id);
    await this.routingWork.interaction(actor, interactionId);
    const row = await this.db.transaction().execute(async (trx) => {
      const current = await lockCase(trx, actor.tenantId, id);
      const inserted = await trx
        .insertInto("case_interactions")
        .values({
          tenant_id: actor.tenantId,
          case_id: id,
          interaction_id: interactionId,
          linked_at: new Date(now),
          linked_by: actor.id,
        })
        .onConflict((oc) => oc.doNothing())
        .returning("interaction_id")
        .executeTakeFirst();
      if (!inserted)
        throw conflict("interaction_already_linked", "That interaction is already linked to this case.");
      await appendCaseEvents(trx, current, actor, now, [
        { type: "interaction_linked", data: { interactionId } },
      ]);
      await this.#audit(trx, actor, "case.interaction_linked", id, { interactionId }, origin);
      return current;
    });
    return this.#detail(row);
  }

  /** The case's timeline, oldest first (the order things happened). */
  async timeline(actor: Actor, id: string): Promise<{ items: CaseEventView[] }> {
    await findCase(this.db, actor.tenantId, id);
    const rows = await this.db
      .selectFrom("case_events")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("case_id", "=", id)
      .orderBy("seq")
      .execute();
    return {
      items: rows.map((row) => ({
        seq: Number(row.seq),
        type: row.type,
        at: row.at.toISOString(),
        actor: { type: row.actor_type, id: row.actor_id },
        data: row.data as Record<string, unknown>,
      })),
    };
  }

  async #detail(row: CaseRow): Promise<CaseDetail> {
    const links = await this.db
      .selectFrom("case_interactions")
      .select("interaction_id")
      .where("tenant_id", "=", row.tenant_id)
      .where("case_id", "=", row.id)
      .orderBy("linked_at")
      .execute();
    return { ...toCaseView(row, this.clock.now()), interactionIds: links.map((l) => l.interaction_id) };
  }

  async #audit(
    trx: Kysely<Database>,
    actor: Actor,
    action: string,
    caseId: string,
    details: Record<string, unknown>,
    origin: Origin,
  ): Promise<void> {
    await this.audit.record(
      { tenantId: actor.tenantId, actor, action, target: { type: "case", id: caseId }, details, origin },
      trx,
    );
  }
}
