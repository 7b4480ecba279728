import type { Kysely, Selectable } from "kysely";
import type { Database, VoiceCallsTable } from "../../db/schema.js";

export type VoiceCallRow = Selectable<VoiceCallsTable>;

/** What the agent's screen pop and reports read of a call. */
export interface VoiceCallView {
  readonly id: string;
  readonly direction: "inbound" | "outbound";
  readonly fromNumber: string | null;
  readonly toNumber: string;
  readonly state: VoiceCallRow["state"];
  readonly interactionId: string | null;
  readonly customerId: string | null;
  readonly language: string | null;
  /** What the IVR collected (`customerNumber`, `birthDate`, …) and looked up. */
  readonly ivrVariables: Record<string, string>;
  readonly startedAt: string;
  readonly queuedAt: string | null;
  readonly connectedAt: string | null;
  readonly endedAt: string | null;
  readonly endReason: string | null;
  readonly endedBy: VoiceCallRow["ended_by"];
}

export const toVoiceCallView = (row: VoiceCallRow): VoiceCallView => ({
  id: row.id,
  direction: row.direction,
  fromNumber: row.from_number,
  toNumber: row.to_number,
  state: row.state,
  interactionId: row.interaction_id,
  customerId: row.customer_id,
  language: row.ivr_language,
  ivrVariables: row.ivr_variables,
  startedAt: row.started_at.toISOString(),
  queuedAt: row.queued_at?.toISOString() ?? null,
  connectedAt: row.connected_at?.toISOString() ?? null,
  endedAt: row.ended_at?.toISOString() ?? null,
  endReason: row.end_reason,
  endedBy: row.ended_by,
});

/** The voice_calls table; every statement is scoped by tenant. */
export class VoiceCallStore {
  constructor(private readonly db: Kysely<Database>) {}

  async begin(call: {
    tenantId: string;
    sipCallId: string;
    fromNumber: string | null;
    toNumber: string;
    flowId: string | null;
    flowVersion: number | null;
  }): Promise<string> {
    const row = await this.db
      .insertInto("voice_calls")
      .values({
        tenant_id: call.tenantId,
        sip_call_id: call.sipCallId,
        direction: "inbound",
        from_number: call.fromNumber,
        to_number: call.toNumber,
        state: "ivr",
        ivr_flow_id: call.flowId,
        ivr_flow_version: call.flowVersion,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async queued(
    tenantId: string,
    id: string,
    details: {
      interactionId: string;
      customerId: string | null;
      language: string;
      variables: Readonly<Record<string, string>>;
    },
  ): Promise<void> {
    await this.db
      .updateTable("voice_calls")
      .set({
        state: "queued",
        interaction_id: details.interactionId,
        customer_id: details.customerId,
        ivr_language: details.language,
        ivr_variables: JSON.stringify(details.variables),
        queued_at: new Date(),
      })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .execute();
  }

  async connected(tenantId: string, id: string): Promise<void> {
    await this.db
      .updateTable("voice_calls")
      .set({ state: "connected", connected_at: new Date() })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .execute();
  }

  async ended(
    tenantId: string,
    id: string,
    reason: string,
    by: "caller" | "agent" | "system",
    variables?: Readonly<Record<string, string>>,
  ): Promise<void> {
    await this.db
      .updateTable("voice_calls")
      .set({
        state: "ended",
        ended_at: new Date(),
        end_reason: reason.slice(0, 100),
        ended_by: by,
        ...(variables ? { ivr_variables: JSON.stringify(variables) } : {}),
      })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .where("state", "!=", "ended")
      .execute();
  }

  async byInteraction(tenantId: string, interactionId: string): Promise<VoiceCallView | undefined> {
    const row = await this.db
      .selectFrom("voice_calls")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("interaction_id", "=", interactionId)
      .orderBy("started_at", "desc")
      .executeTakeFirst();
    return row && toVoiceCallView(row);
  }

  async recent(tenantId: string, limit: number): Promise<VoiceCallView[]> {
    const rows = await this.db
      .selectFrom("voice_calls")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .orderBy("started_at", "desc")
      .limit(limit)
      .execute();
    return rows.map(toVoiceCallView);
  }
}
