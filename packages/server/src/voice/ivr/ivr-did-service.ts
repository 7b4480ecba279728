import { conflict, type IvrDidBody, type IvrDidPatch, type IvrDidView, notFound } from "@sentra/core";
import type { Kysely } from "kysely";
import type { AuditLog } from "../../audit/audit-log.js";
import type { Database } from "../../db/schema.js";
import type { Actor, Origin } from "../../tenancy/actor.js";
import { didCandidates, normaliseDid } from "./did-number.js";
import type { IvrFlowService, PublishedFlow } from "./ivr-flow-service.js";

/** Where an inbound call goes: the tenant that owns the dialled number and the flow version to run. */
export interface ResolvedDid extends PublishedFlow {
  readonly tenantId: string;
  readonly number: string;
}

/**
 * The numbers callers dial (DIDs), each mapped to a flow. A number belongs to one tenant across the whole
 * installation, since an inbound call has nothing else to find its tenant by.
 */
export class IvrDidService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly flows: IvrFlowService,
  ) {}

  #select() {
    return this.db
      .selectFrom("ivr_dids as d")
      .innerJoin("ivr_flows as f", "f.id", "d.flow_id")
      .select(["d.id", "d.number", "d.flow_id", "d.description", "f.name as flow_name"]);
  }

  async list(actor: Actor): Promise<{ items: IvrDidView[] }> {
    const rows = await this.#select().where("d.tenant_id", "=", actor.tenantId).orderBy("d.number").execute();
    return { items: rows.map(toView) };
  }

  async create(actor: Actor, body: IvrDidBody, origin: Origin): Promise<IvrDidView> {
    const number = normaliseDid(body.number);
    await this.flows.get(actor, body.flowId);
    await this.#assertNumberFree(number);
    const id = await this.db
      .transaction()
      .execute(async (trx) => {
        const row = await trx
          .insertInto("ivr_dids")
          .values({ tenant_id: actor.tenantId, number, flow_id: body.flowId, description: body.description })
          .returning("id")
          .executeTakeFirstOrThrow();
        await this.audit.record(
          {
            tenantId: actor.tenantId,
            actor,
            action: "voice.did_mapped",
            target: { type: "ivr_did", id: row.id },
            details: { number, flowId: body.flowId },
            origin,
          },
          trx,
        );
        return row.id;
      })
      .catch((error: unknown) => {
        // Two admins mapping the same number at once: the unique index decides, the loser hears "taken".
        if (isUniqueViolation(error)) throw conflict("did_taken", `The number ${number} is already mapped.`);
        throw error;
      });
    return this.#view(actor.tenantId, id);
  }

  async update(actor: Actor, id: string, patch: IvrDidPatch, origin: Origin): Promise<IvrDidView> {
    await this.#view(actor.tenantId, id);
    if (patch.flowId !== undefined) await this.flows.get(actor, patch.flowId);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("ivr_dids")
        .set({
          ...(patch.flowId !== undefined ? { flow_id: patch.flowId } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          updated_at: new Date(),
        })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "voice.did_updated",
          target: { type: "ivr_did", id },
          details: { ...patch },
          origin,
        },
        trx,
      );
    });
    return this.#view(actor.tenantId, id);
  }

  async delete(actor: Actor, id: string, origin: Origin): Promise<void> {
    const did = await this.#view(actor.tenantId, id);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("ivr_dids").where("tenant_id", "=", actor.tenantId).where("id", "=", id).execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "voice.did_unmapped",
          target: { type: "ivr_did", id },
          details: { number: did.number },
          origin,
        },
        trx,
      );
    });
  }

  /**
   * The tenant and published flow for a dialled number as an inbound call presents it (`1000`,
   * `+622150001000`, `622150001000`, `02150001000` or a SIP URI). Undefined when no tenant owns the number
   * or its flow has not been published: the call engine then rejects the call.
   */
  async resolveDid(dialled: string): Promise<ResolvedDid | undefined> {
    const candidates = didCandidates(dialled);
    if (candidates.length === 0) return undefined;
    const row = await this.db
      .selectFrom("ivr_dids")
      .select(["tenant_id", "number", "flow_id"])
      .where("number", "in", candidates)
      .executeTakeFirst();
    if (!row) return undefined;
    const published = await this.flows.published(row.tenant_id, row.flow_id);
    return published ? { ...published, tenantId: row.tenant_id, number: row.number } : undefined;
  }

  async #assertNumberFree(number: string): Promise<void> {
    const clash = await this.db
      .selectFrom("ivr_dids")
      .select("id")
      .where("number", "=", number)
      .executeTakeFirst();
    // Whether another tenant holds the number is not this tenant's business: the message says only "taken".
    if (clash) throw conflict("did_taken", `The number ${number} is already mapped.`);
  }

  async #view(tenantId: string, id: string): Promise<IvrDidView> {
    const row = await this.#select()
      .where("d.tenant_id", "=", tenantId)
      .where("d.id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("ivr_did", id);
    return toView(row);
  }
}

const toView = (row: {
  id: string;
  number: string;
  flow_id: string;
  description: string;
  flow_name: string;
}): IvrDidView => ({
  id: row.id,
  number: row.number,
  flowId: row.flow_id,
  flowName: row.flow_name,
  description: row.description,
});

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === "object" && error !== null && "code" in error && error.code === "23505";
