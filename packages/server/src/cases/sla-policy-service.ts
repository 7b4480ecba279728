import {
  type CasePriority,
  type CaseType,
  conflict,
  notFound,
  pickSlaPolicy,
  type SlaPolicy,
  type SlaPolicyBody,
  toSlaPolicy,
  UserError,
} from "@sentra/core";
import type { Kysely, Transaction } from "kysely";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { type SlaPolicyView, toSlaPolicyView } from "./case-views.js";

/** A stored policy with the engine's view of it. */
export interface ResolvedPolicy {
  readonly view: SlaPolicyView;
  readonly policy: SlaPolicy & { followUpMs: number };
}

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";

/** SLA policies per tenant, case type and priority, with their escalation rules. */
export class SlaPolicyService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {}

  async list(tenantId: string): Promise<SlaPolicyView[]> {
    const rows = await this.db
      .selectFrom("sla_policies")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .orderBy("name")
      .execute();
    const rules = await this.#rulesOf(
      tenantId,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toSlaPolicyView(row, rules.get(row.id) ?? []));
  }

  /** `db` may be a transaction: PGlite has one connection, so reads inside a transaction must use it. */
  async get(tenantId: string, id: string, db: Kysely<Database> = this.db): Promise<SlaPolicyView> {
    const row = await db
      .selectFrom("sla_policies")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("sla_policy", id);
    return toSlaPolicyView(row, (await this.#rulesOf(tenantId, [id], db)).get(id) ?? []);
  }

  /** The policy that governs a new case of this type and priority, if the tenant has one. */
  async pick(
    tenantId: string,
    caseType: CaseType,
    priority: CasePriority,
  ): Promise<ResolvedPolicy | undefined> {
    const resolved = (await this.list(tenantId)).map(resolve);
    return pickSlaPolicy(
      resolved.map((r) => ({ ...r.policy, resolved: r })),
      caseType,
      priority,
    )?.resolved;
  }

  async byId(
    tenantId: string,
    id: string | null,
    db: Kysely<Database> = this.db,
  ): Promise<ResolvedPolicy | undefined> {
    if (id === null) return undefined;
    try {
      return resolve(await this.get(tenantId, id, db));
    } catch (error) {
      if (error instanceof UserError && error.reason === "not_found") return undefined;
      throw error;
    }
  }

  async create(actor: Actor, body: SlaPolicyBody, origin: Origin): Promise<SlaPolicyView> {
    await this.#assertReferences(actor.tenantId, body);
    const id = await this.#write(actor, origin, "sla_policy.created", body, async (trx) => {
      const row = await trx
        .insertInto("sla_policies")
        .values({ tenant_id: actor.tenantId, ...columnsOf(body) })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    });
    return this.get(actor.tenantId, id);
  }

  async update(actor: Actor, id: string, body: SlaPolicyBody, origin: Origin): Promise<SlaPolicyView> {
    await this.get(actor.tenantId, id);
    await this.#assertReferences(actor.tenantId, body);
    await this.#write(actor, origin, "sla_policy.updated", body, async (trx) => {
      await trx
        .updateTable("sla_policies")
        .set({ ...columnsOf(body), updated_at: new Date() })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await trx
        .deleteFrom("escalation_rules")
        .where("tenant_id", "=", actor.tenantId)
        .where("policy_id", "=", id)
        .execute();
      return id;
    });
    return this.get(actor.tenantId, id);
  }

  /** Cases keep their computed due times; they just lose the link (on delete set null). */
  async remove(actor: Actor, id: string, origin: Origin): Promise<void> {
    const view = await this.get(actor.tenantId, id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom("sla_policies")
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "sla_policy.deleted",
          target: { type: "sla_policy", id },
          details: { name: view.name },
          origin,
        },
        trx,
      );
    });
  }

  async #write(
    actor: Actor,
    origin: Origin,
    action: string,
    body: SlaPolicyBody,
    write: (trx: Transaction<Database>) => Promise<string>,
  ): Promise<string> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const id = await write(trx);
        if (body.escalations.length > 0) {
          await trx
            .insertInto("escalation_rules")
            .values(
              body.escalations.map((rule, position) => ({
                tenant_id: actor.tenantId,
                policy_id: id,
                position,
                trigger: rule.on,
                at_percent: rule.atPercent,
                to_tier: rule.toTier,
              })),
            )
            .execute();
        }
        await this.audit.record(
          {
            tenantId: actor.tenantId,
            actor,
            action,
            target: { type: "sla_policy", id },
            details: { ...body },
            origin,
          },
          trx,
        );
        return id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(
          "sla_policy_exists",
          "A policy with this name, or for this case type and priority, already exists.",
        );
      }
      throw error;
    }
  }

  async #assertReferences(tenantId: string, body: SlaPolicyBody): Promise<void> {
    const unknown: string[] = [];
    if (body.queueId) {
      const queue = await this.db
        .selectFrom("queues")
        .select("id")
        .where("tenant_id", "=", tenantId)
        .where("id", "=", body.queueId)
        .executeTakeFirst();
      if (!queue) unknown.push(`queue ${body.queueId}`);
    }
    if (body.backOfficeTeamId) {
      const team = await this.db
        .selectFrom("teams")
        .select("id")
        .where("tenant_id", "=", tenantId)
        .where("id", "=", body.backOfficeTeamId)
        .executeTakeFirst();
      if (!team) unknown.push(`team ${body.backOfficeTeamId}`);
    }
    if (unknown.length > 0) {
      throw new UserError("invalid", "unknown_references", `Unknown in this tenant: ${unknown.join(", ")}.`, {
        unknown,
      });
    }
  }

  async #rulesOf(tenantId: string, policyIds: string[], db: Kysely<Database> = this.db) {
    const byPolicy = new Map<string, { trigger: string; at_percent: number; to_tier: string }[]>();
    if (policyIds.length === 0) return byPolicy;
    const rows = await db
      .selectFrom("escalation_rules")
      .select(["policy_id", "trigger", "at_percent", "to_tier"])
      .where("tenant_id", "=", tenantId)
      .where("policy_id", "in", policyIds)
      .orderBy("position")
      .execute();
    for (const row of rows) byPolicy.set(row.policy_id, [...(byPolicy.get(row.policy_id) ?? []), row]);
    return byPolicy;
  }
}

function columnsOf(body: SlaPolicyBody) {
  return {
    name: body.name,
    case_type: body.caseType,
    priority: body.priority,
    first_response_minutes: body.firstResponseMinutes,
    resolution_minutes: body.resolutionMinutes,
    follow_up_minutes: body.followUpMinutes,
    calendar: body.calendar === null ? null : JSON.stringify(body.calendar),
    queue_id: body.queueId,
    back_office_team_id: body.backOfficeTeamId,
  };
}

const resolve = (view: SlaPolicyView): ResolvedPolicy => ({ view, policy: toSlaPolicy(view) });
