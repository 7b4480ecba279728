import { isRole, type Role, UserError } from "@sentra/core";
import type { Kysely } from "kysely";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database, UserRow } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import { ActorCache } from "./actor-cache.js";
import { parseApiKey } from "./api-key-format.js";
import { burnPasswordCheck, randomToken, sameSecret, sha256, verifyPassword } from "./secrets.js";

export interface AuthPolicy {
  maxFailures: number;
  lockMinutes: number;
  sessionHours: number;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserRow;
}

const invalidCredentials = () =>
  new UserError("unauthenticated", "invalid_credentials", "The email or password is not correct.");

/**
 * Password login with lockout after repeated failures, opaque session tokens (only their hash is stored), and
 * API keys. `resolve` turns a presented token (cookie or Bearer) into the Actor every other module trusts.
 */
export class AuthService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly policy: AuthPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async login(email: string, password: string, origin: Origin): Promise<LoginResult> {
    const user = await this.db
      .selectFrom("users")
      .selectAll()
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
      .executeTakeFirst();
    const now = this.now();
    if (!user?.password_hash || user.disabled) {
      await burnPasswordCheck(password);
      await this.audit.record({
        tenantId: user?.tenant_id ?? null,
        actor: { kind: "anonymous", id: null },
        action: "auth.login_failed",
        details: { email, reason: user ? "login_disabled" : "unknown_email" },
        origin,
      });
      throw invalidCredentials();
    }
    if (user.locked_until && user.locked_until > now) {
      await this.audit.record({
        tenantId: user.tenant_id,
        actor: { kind: "anonymous", id: null },
        action: "auth.login_refused_locked",
        target: { type: "user", id: user.id },
        origin,
      });
      throw new UserError(
        "rate_limited",
        "account_locked",
        `Too many failed attempts; this account is locked until ${user.locked_until.toISOString()}.`,
        { lockedUntil: user.locked_until.toISOString() },
      );
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      await this.#recordFailure(user, now, origin);
      throw invalidCredentials();
    }
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + this.policy.sessionHours * 3_600_000);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom("sessions")
        .where("user_id", "=", user.id)
        .where("expires_at", "<=", now)
        .execute();
      await trx
        .updateTable("users")
        .set({ failed_logins: 0, locked_until: null, updated_at: now })
        .where("id", "=", user.id)
        .execute();
      await trx
        .insertInto("sessions")
        .values({
          token_hash: sha256(token),
          tenant_id: user.tenant_id,
          user_id: user.id,
          expires_at: expiresAt,
          ip: origin.ip,
          user_agent: origin.userAgent,
        })
        .execute();
      await this.audit.record(
        {
          tenantId: user.tenant_id,
          actor: { kind: "user", id: user.id },
          action: "auth.login",
          target: { type: "user", id: user.id },
          origin,
        },
        trx,
      );
    });
    return { token, expiresAt, user };
  }

  async #recordFailure(user: UserRow, now: Date, origin: Origin): Promise<void> {
    const failures = user.failed_logins + 1;
    const locks = failures >= this.policy.maxFailures;
    const lockedUntil = locks ? new Date(now.getTime() + this.policy.lockMinutes * 60_000) : null;
    await this.db
      .updateTable("users")
      .set({ failed_logins: locks ? 0 : failures, locked_until: lockedUntil, updated_at: now })
      .where("id", "=", user.id)
      .execute();
    await this.audit.record({
      tenantId: user.tenant_id,
      actor: { kind: "anonymous", id: null },
      action: locks ? "auth.account_locked" : "auth.login_failed",
      target: { type: "user", id: user.id },
      details: { failures, ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}) },
      origin,
    });
  }

  readonly #cache = new ActorCache();

  async logout(token: string, actor: Actor, origin: Origin): Promise<void> {
    const hash = sha256(token);
    this.#cache.delete(hash);
    await this.db.deleteFrom("sessions").where("token_hash", "=", hash).execute();
    await this.audit.record({
      tenantId: actor.tenantId,
      actor,
      action: "auth.logout",
      target: { type: "user", id: actor.id },
      origin,
    });
  }

  /** Ends every session of a user, e.g. when they are disabled or their password changes. */
  async endSessionsOf(userId: string, db: Kysely<Database> = this.db): Promise<void> {
    this.#cache.forgetActor("user", userId);
    await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  }

  /** Called when a key is revoked, so this process stops honouring it at once. */
  forgetApiKey(id: string): void {
    this.#cache.forgetActor("api_key", id);
  }

  /** A session token or an API key, as presented in a cookie or `Authorization: Bearer`. */
  async resolve(token: string): Promise<Actor | undefined> {
    const apiKey = parseApiKey(token);
    return apiKey ? this.#resolveApiKey(apiKey.prefix, apiKey.secret) : this.#resolveSession(token);
  }

  async #resolveSession(token: string): Promise<Actor | undefined> {
    const hash = sha256(token);
    const cached = this.#cache.get(hash);
    if (cached) return cached;
    const row = await this.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select([
        "users.id",
        "users.tenant_id",
        "users.role",
        "users.display_name",
        "users.disabled",
        "expires_at",
      ])
      .where("sessions.token_hash", "=", hash)
      .executeTakeFirst();
    if (!row || row.disabled || row.expires_at <= this.now() || !isRole(row.role)) return undefined;
    const actor: Actor = {
      kind: "user",
      id: row.id,
      tenantId: row.tenant_id,
      role: row.role,
      name: row.display_name,
    };
    this.#cache.set(hash, actor, row.expires_at.getTime());
    return actor;
  }

  async #resolveApiKey(prefix: string, secret: string): Promise<Actor | undefined> {
    const cacheKey = `key:${prefix}:${sha256(secret)}`;
    const cached = this.#cache.get(cacheKey);
    if (cached) return cached;
    const key = await this.db
      .selectFrom("api_keys")
      .selectAll()
      .where("prefix", "=", prefix)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (!key || !sameSecret(key.secret_hash, sha256(secret)) || !isRole(key.role)) return undefined;
    await this.db
      .updateTable("api_keys")
      .set({ last_used_at: this.now() })
      .where("id", "=", key.id)
      .execute();
    const actor: Actor = {
      kind: "api_key",
      id: key.id,
      tenantId: key.tenant_id,
      role: key.role as Role,
      name: key.name,
    };
    // last_used_at is therefore refreshed at most once per cache period, not on every request.
    this.#cache.set(cacheKey, actor, Number.POSITIVE_INFINITY);
    return actor;
  }
}
