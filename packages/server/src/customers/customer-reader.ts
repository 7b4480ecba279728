import { forbidden, maskPersonalData, roleAllows } from "@sentra/core";
import type { AuditLog } from "../audit/audit-log.js";
import type { CustomerRow } from "../db/schema.js";
import { type Page, type PageQuery, toPage } from "../http/pagination.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import type { CustomerService } from "./customer-service.js";
import type { CustomerSettingsService } from "./customer-settings-service.js";
import type { CustomerVerificationService } from "./customer-verification-service.js";
import { type CustomerView, viewOf } from "./customer-views.js";

export interface ViewOptions {
  /** The interaction the caller is handling; a verified caller on it sees the customer unmasked. */
  interactionId?: string | undefined;
  /** Ask for unmasked data without verification: roles with customers:unmask only, audited. */
  reveal?: boolean | undefined;
}

/**
 * Every customer view leaving the API goes through here. Personal fields the tenant marks sensitive are masked
 * unless the caller verified this customer on the interaction they handle, or holds customers:unmask and asks
 * to reveal (which is audited). Masking is the default; there is no path that skips it.
 */
export class CustomerReader {
  constructor(
    private readonly customers: CustomerService,
    private readonly settings: CustomerSettingsService,
    private readonly verification: CustomerVerificationService,
    private readonly audit: AuditLog,
  ) {}

  async view(actor: Actor, id: string, options: ViewOptions, origin: Origin): Promise<CustomerView> {
    const row = await this.customers.row(actor.tenantId, id);
    const reveal = await this.#mayReveal(actor, options, origin, [id]);
    if (reveal) return viewOf(row);
    if (options.interactionId) {
      await this.verification.assertMayActOn(actor, options.interactionId);
      const level = await this.verification.levelFor(actor.tenantId, options.interactionId, id);
      if (level === "verified") return viewOf(row);
    }
    return (await this.masker(actor.tenantId))(row);
  }

  async list(
    actor: Actor,
    q: string | undefined,
    page: PageQuery,
    reveal: boolean | undefined,
    origin: Origin,
  ): Promise<Page<CustomerView>> {
    const rows = await this.customers.search(actor.tenantId, q, page);
    const shown = rows.slice(0, page.limit).map((r) => r.id);
    const view = (await this.#mayReveal(actor, { reveal }, origin, shown))
      ? viewOf
      : await this.masker(actor.tenantId);
    return toPage(rows, page.limit, view, (row) => [row.full_name.toLowerCase(), row.id]);
  }

  /** A function masking rows with the tenant's current choice of sensitive fields. */
  async masker(tenantId: string): Promise<(row: CustomerRow) => CustomerView> {
    const { maskedFields } = await this.verification.settings(tenantId);
    const { fields } = await this.settings.get(tenantId);
    const masked = new Set(maskedFields);
    const sensitive = new Set(fields.filter((f) => f.sensitive).map((f) => f.key));
    return (row) => ({ ...maskPersonalData(viewOf(row), masked, sensitive), masked: true });
  }

  async #mayReveal(actor: Actor, options: ViewOptions, origin: Origin, ids: string[]): Promise<boolean> {
    if (!options.reveal) return false;
    if (!roleAllows(actor.role, "customers:unmask")) {
      throw forbidden("Your role may not reveal masked customer data; verify the customer instead.");
    }
    await this.audit.record({
      tenantId: actor.tenantId,
      actor,
      action: "customer.revealed",
      ...(ids.length === 1 ? { target: { type: "customer", id: ids[0]! } } : {}),
      details: {
        customerIds: ids,
        ...(options.interactionId ? { interactionId: options.interactionId } : {}),
      },
      origin,
    });
    return true;
  }
}
