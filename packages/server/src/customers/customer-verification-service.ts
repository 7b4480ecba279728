import {
  DEFAULT_MASKED_FIELDS,
  DEFAULT_VERIFICATION_POLICY,
  evaluateVerification,
  forbidden,
  type InteractionState,
  type KnownFacts,
  type MaskableField,
  roleAllows,
  TERMINAL_STATES,
  UserError,
  type VerificationAnswersBody,
  type VerificationLevel,
  type VerificationPolicy,
  type VerificationSettingsBody,
  verificationLocked,
  verificationPolicySchema,
} from "@sentra/core";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../audit/audit-log.js";
import type { CustomerRow, Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import type { CustomerService } from "./customer-service.js";

export const verificationStatusView = z.object({
  interactionId: z.string(),
  customerId: z.uuid(),
  level: z.enum(["none", "partial", "verified"]),
  /** Facts matched by the latest attempt; the answers themselves are never stored or returned. */
  matched: z.array(z.string()),
  failed: z.array(z.string()),
  failedAttempts: z.number().int(),
  attemptsLeft: z.number().int(),
  locked: z.boolean(),
});
export type VerificationStatus = z.infer<typeof verificationStatusView>;

export const verificationSettingsView = z.object({
  policy: z.object({
    mode: z.enum(["all", "any"]),
    facts: z.array(z.string()),
    required: z.number().int(),
    maxFailedAttempts: z.number().int(),
  }),
  maskedFields: z.array(z.string()),
});

export interface VerificationSettings {
  policy: VerificationPolicy;
  maskedFields: MaskableField[];
}

/** How the verification service learns who handles an interaction; the routing work service provides it. */
export interface InteractionLookup {
  interaction(
    actor: Actor,
    interactionId: string,
  ): Promise<{ agentId: string | undefined; state: InteractionState }>;
}

const knownFactsOf = (row: CustomerRow): KnownFacts => ({
  customer_number: row.customer_number ? [row.customer_number] : [],
  birth_date: row.birth_date ? [row.birth_date] : [],
  account_last4: row.account_numbers,
  mothers_maiden_name: row.mothers_maiden_name ? [row.mothers_maiden_name] : [],
  registered_email: row.emails,
  phone_last4: row.phones,
});

/**
 * Identity verification on an interaction: the tenant's policy says which facts must match; each attempt is
 * recorded with the facts that matched or failed (never the answers) and audited; too many failed attempts
 * lock verification of that customer on that interaction.
 */
export class CustomerVerificationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly customers: CustomerService,
    private readonly interactions: InteractionLookup,
  ) {}

  async settings(tenantId: string): Promise<VerificationSettings> {
    const row = await this.db
      .selectFrom("verification_policies")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst();
    if (!row) return { policy: DEFAULT_VERIFICATION_POLICY, maskedFields: [...DEFAULT_MASKED_FIELDS] };
    return {
      policy: verificationPolicySchema.parse(row.policy),
      maskedFields: row.masked_fields as MaskableField[],
    };
  }

  async putSettings(actor: Actor | null, tenantId: string, body: VerificationSettingsBody, origin?: Origin) {
    const values = { policy: JSON.stringify(body.policy), masked_fields: JSON.stringify(body.maskedFields) };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("verification_policies")
        .values({ tenant_id: tenantId, ...values })
        .onConflict((oc) => oc.column("tenant_id").doUpdateSet({ ...values, updated_at: new Date() }))
        .execute();
      await this.audit.record(
        {
          tenantId,
          actor: actor ?? { kind: "system", id: null },
          action: "verification_policy.updated",
          details: { ...body },
          ...(origin ? { origin } : {}),
        },
        trx,
      );
    });
    return this.settings(tenantId);
  }

  /**
   * An agent may verify and see unmasked data only on an interaction they handle, and only until it ends:
   * verification proves who is on the line now, not forever. Roles allowed to unmask may act on any
   * interaction of their tenant. Unknown or foreign interactions are 404.
   */
  async assertMayActOn(actor: Actor, interactionId: string): Promise<void> {
    const interaction = await this.interactions.interaction(actor, interactionId);
    if (roleAllows(actor.role, "customers:unmask")) return;
    if (interaction.agentId !== actor.id) {
      throw forbidden("Only the agent handling this interaction may verify its customer.");
    }
    if (TERMINAL_STATES.has(interaction.state)) {
      throw forbidden("This interaction has ended; its verification no longer unlocks customer data.");
    }
  }

  async verify(
    actor: Actor,
    customerId: string,
    body: VerificationAnswersBody,
    origin: Origin,
  ): Promise<VerificationStatus> {
    const customer = await this.customers.row(actor.tenantId, customerId);
    if (customer.erased_at) throw new UserError("conflict", "customer_erased", "This customer was erased.");
    await this.assertMayActOn(actor, body.interactionId);
    const { policy } = await this.settings(actor.tenantId);
    const before = await this.status(actor.tenantId, body.interactionId, customerId, policy);
    if (before.locked) {
      throw new UserError(
        "conflict",
        "verification_locked",
        `Verification is locked after ${before.failedAttempts} failed attempts on this interaction.`,
      );
    }
    const result = evaluateVerification(policy, knownFactsOf(customer), body.answers);
    const succeeded = result.failed.length === 0;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("verification_attempts")
        .values({
          tenant_id: actor.tenantId,
          interaction_id: body.interactionId,
          customer_id: customerId,
          level: result.level,
          matched: JSON.stringify(result.matched),
          failed: JSON.stringify(result.failed),
          succeeded,
          actor_id: actor.id,
        })
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: succeeded ? "customer.verification_attempted" : "customer.verification_failed",
          target: { type: "customer", id: customerId },
          details: {
            interactionId: body.interactionId,
            level: result.level,
            matched: result.matched,
            failed: result.failed,
          },
          origin,
        },
        trx,
      );
    });
    return this.status(actor.tenantId, body.interactionId, customerId, policy);
  }

  /** Every customer verified (or tried) on an interaction, for the agent's screen. */
  async statusesFor(actor: Actor, interactionId: string): Promise<VerificationStatus[]> {
    await this.assertMayActOn(actor, interactionId);
    const { policy } = await this.settings(actor.tenantId);
    const customers = await this.db
      .selectFrom("verification_attempts")
      .select("customer_id")
      .distinct()
      .where("tenant_id", "=", actor.tenantId)
      .where("interaction_id", "=", interactionId)
      .execute();
    return Promise.all(
      customers.map((c) => this.status(actor.tenantId, interactionId, c.customer_id, policy)),
    );
  }

  async levelFor(tenantId: string, interactionId: string, customerId: string): Promise<VerificationLevel> {
    const { policy } = await this.settings(tenantId);
    return (await this.status(tenantId, interactionId, customerId, policy)).level;
  }

  /** The best level reached so far; once verified, later attempts cannot lower it. */
  async status(
    tenantId: string,
    interactionId: string,
    customerId: string,
    policy: VerificationPolicy,
  ): Promise<VerificationStatus> {
    const attempts = await this.db
      .selectFrom("verification_attempts")
      .select(["level", "matched", "failed", "succeeded"])
      .where("tenant_id", "=", tenantId)
      .where("interaction_id", "=", interactionId)
      .where("customer_id", "=", customerId)
      .orderBy("at")
      .orderBy("id")
      .execute();
    const rank = { none: 0, partial: 1, verified: 2 } as const;
    let level: VerificationLevel = "none";
    for (const a of attempts) {
      const l = a.level as VerificationLevel;
      if (rank[l] > rank[level]) level = l;
    }
    const failedAttempts = attempts.filter((a) => !a.succeeded).length;
    const last = attempts.at(-1);
    return {
      interactionId,
      customerId,
      level,
      matched: last?.matched ?? [],
      failed: last?.failed ?? [],
      failedAttempts,
      attemptsLeft: Math.max(0, policy.maxFailedAttempts - failedAttempts),
      locked: level !== "verified" && verificationLocked(policy, failedAttempts),
    };
  }
}
