import { conflict, type ImapAccountBody, type ImapAccountPatch, notFound } from "@sentra/core";
import { type Kysely, type Selectable, sql } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../../audit/audit-log.js";
import type { Database, EmailAddressesTable, ImapAccountsTable } from "../../db/schema.js";
import type { Actor, Origin } from "../../tenancy/actor.js";

export type ImapAccountRow = Selectable<ImapAccountsTable>;

/** An account as the API shows it: everything but the password, plus how polling goes. */
export const imapAccountView = z.object({
  id: z.string(),
  emailAddressId: z.string(),
  host: z.string(),
  port: z.number(),
  security: z.enum(["tls", "starttls", "none"]),
  username: z.string(),
  folder: z.string(),
  enabled: z.boolean(),
  uidValidity: z.string().nullable(),
  lastUid: z.number(),
  lastPolledAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type ImapAccountView = z.infer<typeof imapAccountView>;

const toView = (row: ImapAccountRow): ImapAccountView => ({
  id: row.id,
  emailAddressId: row.email_address_id,
  host: row.host,
  port: row.port,
  security: row.security,
  username: row.username,
  folder: row.folder,
  enabled: row.enabled,
  uidValidity: row.uid_validity,
  lastUid: Number(row.last_uid),
  lastPolledAt: row.last_polled_at ? new Date(row.last_polled_at).toISOString() : null,
  lastError: row.last_error,
});

/** A leased account with the address it delivers to, as the poller needs it. */
export interface LeasedImapAccount {
  readonly account: ImapAccountRow;
  readonly address: Selectable<EmailAddressesTable>;
}

/**
 * The tenant's IMAP mailboxes (admin CRUD, tenant-scoped) and, for the poller, the lease and cursor of each.
 * The lease and cursor methods run across tenants: the poller serves every tenant, as the SMTP receiver does.
 */
export class ImapAccountService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor): Promise<{ items: ImapAccountView[] }> {
    const rows = await this.db
      .selectFrom("imap_accounts")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .orderBy("created_at")
      .execute();
    return { items: rows.map(toView) };
  }

  async get(actor: Actor, id: string): Promise<ImapAccountView> {
    return toView(await this.#row(actor.tenantId, id));
  }

  async create(actor: Actor, body: ImapAccountBody, origin: Origin): Promise<ImapAccountView> {
    await this.#assertAddress(actor.tenantId, body.emailAddressId);
    await this.#assertFree(actor.tenantId, body, null);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("imap_accounts")
        .values({
          tenant_id: actor.tenantId,
          email_address_id: body.emailAddressId,
          host: body.host,
          port: body.port,
          security: body.security,
          username: body.username,
          password: body.password,
          folder: body.folder,
          enabled: body.enabled,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "channel.imap_account_created",
          target: { type: "imap_account", id: row.id },
          details: { host: row.host, username: row.username, folder: row.folder },
          origin,
        },
        trx,
      );
      return toView(row);
    });
  }

  async update(actor: Actor, id: string, patch: ImapAccountPatch, origin: Origin): Promise<ImapAccountView> {
    const current = await this.#row(actor.tenantId, id);
    const next = {
      host: patch.host ?? current.host,
      port: patch.port ?? current.port,
      username: patch.username ?? current.username,
      folder: patch.folder ?? current.folder,
    };
    await this.#assertFree(actor.tenantId, next, id);
    // Another server or folder is another numbering: the cursor starts over (Message-IDs still dedupe).
    const moved = next.host !== current.host || next.port !== current.port || next.folder !== current.folder;
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("imap_accounts")
        .set({
          ...next,
          ...(patch.security !== undefined ? { security: patch.security } : {}),
          ...(patch.password !== undefined ? { password: patch.password } : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
          ...(moved ? { uid_validity: null, last_uid: 0 } : {}),
          last_error: null,
          updated_at: new Date(),
        })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "channel.imap_account_updated",
          target: { type: "imap_account", id },
          // The password's value never goes into the audit log, only that it changed.
          details: { fields: Object.keys(patch) },
          origin,
        },
        trx,
      );
      return toView(row);
    });
  }

  async delete(actor: Actor, id: string, origin: Origin): Promise<void> {
    const row = await this.#row(actor.tenantId, id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom("imap_accounts")
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "channel.imap_account_deleted",
          target: { type: "imap_account", id },
          details: { host: row.host, username: row.username },
          origin,
        },
        trx,
      );
    });
  }

  /**
   * Takes or renews the lease of every enabled account that no other process holds, in one atomic UPDATE
   * per account row, and releases the ones this process no longer may poll. The database's clock decides
   * expiry, so processes with skewed clocks still agree.
   */
  async lease(owner: string, leaseMs: number): Promise<LeasedImapAccount[]> {
    await this.db
      .updateTable("imap_accounts")
      .set({ lease_owner: null, lease_until: null })
      .where("lease_owner", "=", owner)
      .where("enabled", "=", false)
      .execute();
    const leased = await this.db
      .updateTable("imap_accounts")
      .set({
        lease_owner: owner,
        lease_until: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})`,
      })
      .where("enabled", "=", true)
      .where((eb) =>
        eb.or([
          eb("lease_owner", "is", null),
          eb("lease_owner", "=", owner),
          eb("lease_until", "<", sql<Date>`now()`),
        ]),
      )
      .returningAll()
      .execute();
    if (leased.length === 0) return [];
    const addresses = await this.db
      .selectFrom("email_addresses")
      .selectAll()
      .where(
        "id",
        "in",
        leased.map((a) => a.email_address_id),
      )
      .execute();
    const byId = new Map(addresses.map((a) => [a.id, a]));
    return leased.flatMap((account) => {
      const address = byId.get(account.email_address_id);
      return address && address.tenant_id === account.tenant_id ? [{ account, address }] : [];
    });
  }

  /** Gives this process's leases up (shutdown), so another process takes over at once. */
  async release(owner: string): Promise<void> {
    await this.db
      .updateTable("imap_accounts")
      .set({ lease_owner: null, lease_until: null })
      .where("lease_owner", "=", owner)
      .execute();
  }

  /** Moves the cursor past a handled message; false when the lease was lost meanwhile (stop polling). */
  async advance(owner: string, id: string, uidValidity: string, lastUid: number): Promise<boolean> {
    const result = await this.db
      .updateTable("imap_accounts")
      .set({ uid_validity: uidValidity, last_uid: lastUid })
      .where("id", "=", id)
      .where("lease_owner", "=", owner)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Records how a poll went, for the admin's view of the account. */
  async polled(owner: string, id: string, error: string | null): Promise<void> {
    await this.db
      .updateTable("imap_accounts")
      .set({ last_polled_at: new Date(), last_error: error?.slice(0, 1000) ?? null })
      .where("id", "=", id)
      .where("lease_owner", "=", owner)
      .execute();
  }

  async #assertAddress(tenantId: string, emailAddressId: string): Promise<void> {
    const address = await this.db
      .selectFrom("email_addresses")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("id", "=", emailAddressId)
      .executeTakeFirst();
    if (!address) throw notFound("email_address", emailAddressId);
  }

  async #assertFree(
    tenantId: string,
    mailbox: { host: string; port: number; username: string; folder: string },
    exceptId: string | null,
  ): Promise<void> {
    const taken = await this.db
      .selectFrom("imap_accounts")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("host", "=", mailbox.host)
      .where("port", "=", mailbox.port)
      .where("username", "=", mailbox.username)
      .where("folder", "=", mailbox.folder)
      .$if(exceptId !== null, (q) => q.where("id", "!=", exceptId!))
      .executeTakeFirst();
    if (taken)
      throw conflict(
        "imap_account_taken",
        `${mailbox.username}@${mailbox.host} (${mailbox.folder}) is already polled for this tenant.`,
      );
  }

  async #row(tenantId: string, id: string): Promise<ImapAccountRow> {
    const row = await this.db
      .selectFrom("imap_accounts")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw notFound("imap_account", id);
    return row;
  }
}
