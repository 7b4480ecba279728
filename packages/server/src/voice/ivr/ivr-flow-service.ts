import {
  conflict,
  type FlowIssue,
  type IvrFlow,
  type IvrFlowBody,
  type IvrFlowPatch,
  type IvrFlowVersionView,
  type IvrFlowView,
  notFound,
  UserError,
  validateFlow,
} from "@sentra/core";
import { type Kysely, sql } from "kysely";
import type { AuditLog } from "../../audit/audit-log.js";
import type { Database } from "../../db/schema.js";
import type { RoutingConfigService } from "../../routing/routing-config-service.js";
import type { Actor, Origin } from "../../tenancy/actor.js";

interface FlowRow {
  id: string;
  name: string;
  draft: Record<string, unknown>;
  published_version: number | null;
  published_at: Date | null;
  changed: boolean | null;
  updated_at: Date;
}

const toView = (row: FlowRow): IvrFlowView => {
  const result = validateFlow(row.draft);
  return {
    id: row.id,
    name: row.name,
    definition: row.draft,
    errors: result.ok ? [] : [...result.errors],
    warnings: [...result.warnings],
    publishedVersion: row.published_version,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    changedSincePublish: row.published_version === null || row.changed !== false,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
};

/** A published flow as a call runs it. */
export interface PublishedFlow {
  readonly flowId: string;
  readonly version: number;
  readonly flow: IvrFlow;
}

/**
 * A tenant's IVR flows: an editable draft per flow and immutable published versions. Publishing checks the
 * draft with the core validator and that every queue it names belongs to this tenant and takes the channel.
 */
export class IvrFlowService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly routingConfig: RoutingConfigService,
  ) {}

  #select(tenantId: string) {
    return this.db
      .selectFrom("ivr_flows as f")
      .leftJoin("ivr_flow_versions as v", (join) =>
        join.onRef("v.flow_id", "=", "f.id").onRef("v.version", "=", "f.published_version"),
      )
      .select([
        "f.id",
        "f.name",
        "f.draft",
        "f.published_version",
        "f.updated_at",
        "v.published_at",
        sql<boolean | null>`f.draft::text = v.definition::text`.as("changed_inverse"),
      ])
      .where("f.tenant_id", "=", tenantId);
  }

  async list(actor: Actor): Promise<{ items: IvrFlowView[] }> {
    const rows = await this.#select(actor.tenantId).orderBy("f.name").execute();
    return { items: rows.map((row) => toView(fromRow(row))) };
  }

  async get(actor: Actor, id: string): Promise<IvrFlowView> {
    return toView(await this.#row(actor.tenantId, id));
  }

  async create(actor: Actor, body: IvrFlowBody, origin: Origin): Promise<IvrFlowView> {
    await this.#assertNameFree(actor.tenantId, body.name);
    const id = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("ivr_flows")
        .values({ tenant_id: actor.tenantId, name: body.name, draft: JSON.stringify(body.definition) })
        .returning("id")
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "voice.ivr_flow_created",
          target: { type: "ivr_flow", id: row.id },
          details: { name: body.name },
          origin,
        },
        trx,
      );
      return row.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, patch: IvrFlowPatch, origin: Origin): Promise<IvrFlowView> {
    const current = await this.#row(actor.tenantId, id);
    if (patch.name !== undefined && patch.name !== current.name)
      await this.#assertNameFree(actor.tenantId, patch.name);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("ivr_flows")
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.definition !== undefined ? { draft: JSON.stringify(patch.definition) } : {}),
          updated_at: new Date(),
        })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "voice.ivr_flow_updated",
          target: { type: "ivr_flow", id },
          details: { fields: Object.keys(patch) },
          origin,
        },
        trx,
      );
    });
    return this.get(actor, id);
  }

  /** Makes the draft the version new calls run; refuses a draft with errors, listing them with paths. */
  async publish(actor: Actor, id: string, origin: Origin): Promise<IvrFlowView> {
    const row = await this.#row(actor.tenantId, id);
    const result = validateFlow(row.draft);
    const errors = result.ok ? await this.#queueIssues(actor, result.flow) : result.errors;
    if (errors.length > 0) {
      const first = errors[0];
      throw new UserError(
        "invalid",
        "ivr_flow_invalid",
        `The flow cannot be published: ${first?.path || "(flow)"}: ${first?.message}`,
        { issues: errors },
      );
    }
    await this.db.transaction().execute(async (trx) => {
      const latest = await trx
        .selectFrom("ivr_flow_versions")
        .select((eb) => eb.fn.max("version").as("max"))
        .where("tenant_id", "=", actor.tenantId)
        .where("flow_id", "=", id)
        .executeTakeFirst();
      const version = Number(latest?.max ?? 0) + 1;
      await trx
        .insertInto("ivr_flow_versions")
        .values({
          tenant_id: actor.tenantId,
          flow_id: id,
          version,
          definition: JSON.stringify(row.draft),
          published_by: actor.kind === "user" ? actor.id : null,
        })
        .execute();
      await trx
        .updateTable("ivr_flows")
        .set({ published_version: version })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "voice.ivr_flow_published",
          target: { type: "ivr_flow", id },
          details: { version },
          origin,
        },
        trx,
      );
    });
    return this.get(actor, id);
  }

  async versions(actor: Actor, id: string): Promise<{ items: IvrFlowVersionView[] }> {
    await this.#row(actor.tenantId, id);
    const rows = await this.db
      .selectFrom("ivr_flow_versions")
      .select(["version", "definition", "published_at", "published_by"])
      .where("tenant_id", "=", actor.tenantId)
      .where("flow_id", "=", id)
      .orderBy("version", "desc")
      .execute();
    return {
      items: rows.map((r) => ({
        version: r.version,
        definition: r.definition,
        publishedAt: new Date(r.published_at).toISOString(),
        publishedBy: r.published_by,
      })),
    };
  }

  /** Deletes a flow no number points at; its published versions go with it. */
  async delete(actor: Actor, id: string, origin: Origin): Promise<void> {
    await this.#row(actor.tenantId, id);
    const used = await this.db
      .selectFrom("ivr_dids")
      .select("number")
      .where("tenant_id", "=", actor.tenantId)
      .where("flow_id", "=", id)
      .execute();
    if (used.length > 0)
      throw conflict(
        "ivr_flow_in_use",
        `Numbers still lead to this flow: ${used.map((d) => d.number).join(", ")}. Map them elsewhere first.`,
      );
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom("ivr_flows")
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "voice.ivr_flow_deleted",
          target: { type: "ivr_flow", id },
          origin,
        },
        trx,
      );
    });
  }

  /** The version calls run; undefined while the flow has never been published. */
  async published(tenantId: string, flowId: string): Promise<PublishedFlow | undefined> {
    const row = await this.db
      .selectFrom("ivr_flows as f")
      .innerJoin("ivr_flow_versions as v", (join) =>
        join.onRef("v.flow_id", "=", "f.id").onRef("v.version", "=", "f.published_version"),
      )
      .select(["v.version", "v.definition"])
      .where("f.tenant_id", "=", tenantId)
      .where("f.id", "=", flowId)
      .executeTakeFirst();
    if (!row) return undefined;
    const result = validateFlow(row.definition);
    // Published versions were valid when stored; a schema change that breaks one must not crash a call.
    return result.ok ? { flowId, version: row.version, flow: result.flow } : undefined;
  }

  async #queueIssues(actor: Actor, flow: IvrFlow): Promise<FlowIssue[]> {
    const queues = new Map((await this.routingConfig.listQueues(actor.tenantId)).map((q) => [q.id, q]));
    const issues: FlowIssue[] = [];
    for (const [id, node] of Object.entries(flow.nodes)) {
      if (node.type !== "transfer" && node.type !== "callback") continue;
      const channel = node.type === "transfer" ? "voice" : "callback";
      const queue = queues.get(node.queueId);
      if (!queue)
        issues.push({
          severity: "error",
          code: "unknown_queue",
          path: `nodes.${id}.queueId`,
          message: `No queue with id ${node.queueId} in this tenant.`,
        });
      else if (!queue.settings.channels.includes(channel))
        issues.push({
          severity: "error",
          code: `queue_takes_no_${channel}`,
          path: `nodes.${id}.queueId`,
          message: `Queue "${queue.name}" does not take ${channel}.`,
        });
    }
    return issues;
  }

  async #assertNameFree(tenantId: string, name: string): Promise<void> {
    const clash = await this.db
      .selectFrom("ivr_flows")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("name", "=", name)
      .executeTakeFirst();
    if (clash) throw conflict("ivr_flow_name_taken", `A flow named "${name}" already exists.`);
  }

  async #row(tenantId: string, id: string): Promise<FlowRow> {
    const row = await this.#select(tenantId).where("f.id", "=", id).executeTakeFirst();
    if (!row) throw notFound("ivr_flow", id);
    return fromRow(row);
  }
}

function fromRow(row: {
  id: string;
  name: string;
  draft: Record<string, unknown>;
  published_version: number | null;
  updated_at: Date;
  published_at: Date | null;
  changed_inverse: boolean | null;
}): FlowRow {
  return {
    id: row.id,
    name: row.name,
    draft: row.draft,
    published_version: row.published_version,
    published_at: row.published_at,
    updated_at: row.updated_at,
    changed: row.changed_inverse === null ? null : !row.changed_inverse,
  };
}
