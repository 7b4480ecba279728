import {
  type AgentProfile,
  type AgentProfileBody,
  agentProfileBody,
  type Channel,
  conflict,
  notFound,
  type QueueConfig,
  type QueueSettings,
  type QueueView,
  queueSettings,
  type RoutingSettings,
  routingSettings,
  UserError,
} from "@sentra/core";
import type { Kysely } from "kysely";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database } from "../db/schema.js";
import type { Actor, Origin } from "../tenancy/actor.js";

/** How long another process's configuration change may take to be seen here. */
const CONFIG_CACHE_MS = 2_000;

export const DEFAULT_NOT_READY_REASONS = ["break", "lunch", "training", "meeting", "coaching"];
export const DEFAULT_DISPOSITIONS = ["resolved", "follow_up", "escalated", "wrong_number", "no_answer"];

export function toQueueConfig(tenantId: string, queueId: string, settings: QueueSettings): QueueConfig {
  return { tenantId, queueId, ...settings, calendar: settings.calendar };
}

/**
 * Skills, queues, agent profiles and routing vocabulary of a tenant: stored as rows (the admin's source of
 * truth) and pushed into the engine by the work service whenever they change.
 */
export class RoutingConfigService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
  ) {}

  listSkills(actor: Actor) {
    return this.db
      .selectFrom("skills")
      .select(["id", "name"])
      .where("tenant_id", "=", actor.tenantId)
      .orderBy("name")
      .execute();
  }

  async createSkill(actor: Actor, name: string, origin: Origin) {
    const taken = await this.db
      .selectFrom("skills")
      .select("id")
      .where("tenant_id", "=", actor.tenantId)
      .where("name", "=", name)
      .executeTakeFirst();
    if (taken) throw conflict("skill_exists", `A skill named "${name}" already exists.`);
    return this.db.transaction().execute(async (trx) => {
      const skill = await trx
        .insertInto("skills")
        .values({ tenant_id: actor.tenantId, name })
        .returning(["id", "name"])
        .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "skill.created",
          target: { type: "skill", id: skill.id },
          details: { name },
          origin,
        },
        trx,
      );
      return skill;
    });
  }

  /**
   * Queues are read on every interaction created, so each tenant's list is kept in memory for a moment:
   * dropped at once when this process saves a queue, and after CONFIG_CACHE_MS when another process may have.
   */
  readonly #queueCache = new Map<string, { loaded: Promise<QueueView[]>; until: number }>();

  /** A process taking routing over must not act on what it cached while another process was in charge. */
  forgetCaches(): void {
    this.#queueCache.clear();
    this.#settingsCache.clear();
  }

  listQueues(tenantId: string): Promise<QueueView[]> {
    const cached = this.#queueCache.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.loaded;
    const loaded = this.#loadQueues(tenantId);
    this.#queueCache.set(tenantId, { loaded, until: Date.now() + CONFIG_CACHE_MS });
    loaded.catch(() => this.#queueCache.delete(tenantId));
    return loaded;
  }

  async #loadQueues(tenantId: string): Promise<QueueView[]> {
    const rows = await this.db
      .selectFrom("queues")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .orderBy("name")
      .execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      settings: queueSettings.parse(row.config),
      updatedAt: row.updated_at.toISOString(),
    }));
  }

  async getQueue(actor: Actor, id: string): Promise<QueueView> {
    const queue = (await this.listQueues(actor.tenantId)).find((q) => q.id === id);
    if (!queue) throw notFound("queue", id);
    return queue;
  }

  /**
   * A channel entry point (mailbox, chat key…) may only feed a queue that takes its channel: otherwise its
   * contacts would be stored but never reach an agent.
   */
  async assertQueueTakes(actor: Actor, queueId: string, channel: Channel): Promise<void> {
    const queue = await this.getQueue(actor, queueId);
    if (!queue.settings.channels.includes(channel)) {
      throw new UserError(
        "invalid",
        `queue_takes_no_${channel}`,
        `Queue "${queue.name}" does not take ${channel}; add ${channel} to its channels or choose another queue.`,
      );
    }
  }

  /** Creates or replaces a queue after checking every id it names belongs to the same tenant. */
  async saveQueue(
    actor: Actor,
    id: string | undefined,
    name: string,
    settings: QueueSettings,
    origin: Origin,
  ): Promise<QueueView> {
    if (id) await this.getQueue(actor, id);
    await this.#assertReferences(actor.tenantId, settings, id);
    const clash = await this.db
      .selectFrom("queues")
      .select("id")
      .where("tenant_id", "=", actor.tenantId)
      .where("name", "=", name)
      .executeTakeFirst();
    if (clash && clash.id !== id) throw conflict("queue_exists", `A queue named "${name}" already exists.`);
    const row = await this.db.transaction().execute(async (trx) => {
      const saved = id
        ? await trx
            .updateTable("queues")
            .set({ name, config: JSON.stringify(settings), updated_at: new Date() })
            .where("tenant_id", "=", actor.tenantId)
            .where("id", "=", id)
            .returningAll()
            .executeTakeFirstOrThrow()
        : await trx
            .insertInto("queues")
            .values({ tenant_id: actor.tenantId, name, config: JSON.stringify(settings) })
            .returningAll()
            .executeTakeFirstOrThrow();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: id ? "queue.updated" : "queue.created",
          target: { type: "queue", id: saved.id },
          details: { name, settings },
          origin,
        },
        trx,
      );
      return saved;
    });
    this.#queueCache.delete(actor.tenantId);
    return { id: row.id, name: row.name, settings, updatedAt: row.updated_at.toISOString() };
  }

  async #assertReferences(
    tenantId: string,
    settings: QueueSettings,
    selfId: string | undefined,
  ): Promise<void> {
    const skillIds = [...new Set(settings.skills.map((s) => s.skill))];
    const queueIds = [settings.overflow, settings.closedAction]
      .flatMap((a) => (a && a.type !== "close" && a.queueId ? [a.queueId] : []))
      .filter((q) => q !== selfId);
    const [skills, teams, queues] = await Promise.all([
      this.#existing("skills", tenantId, skillIds),
      this.#existing("teams", tenantId, settings.teamIds),
      this.#existing("queues", tenantId, queueIds),
    ]);
    const unknown = [
      ...skillIds.filter((s) => !skills.has(s)).map((s) => `skill ${s}`),
      ...settings.teamIds.filter((t) => !teams.has(t)).map((t) => `team ${t}`),
      ...queueIds.filter((q) => !queues.has(q)).map((q) => `queue ${q}`),
    ];
    if (unknown.length > 0) {
      throw new UserError(
        "invalid",
        "unknown_references",
        `Not found in this tenant: ${unknown.join(", ")}.`,
        { unknown },
      );
    }
  }

  async #existing(
    table: "skills" | "teams" | "queues",
    tenantId: string,
    ids: readonly string[],
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom(table)
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("id", "in", ids)
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /** The routing profile of a user of the tenant; a user without one gets the default profile. */
  async agentProfile(tenantId: string, userId: string): Promise<AgentProfile> {
    const user = await this.db
      .selectFrom("users")
      .select(["id", "role", "disabled"])
      .where("tenant_id", "=", tenantId)
      .where("id", "=", userId)
      .executeTakeFirst();
    if (!user) throw notFound("agent", userId);
    const [row, teams] = await Promise.all([
      this.db
        .selectFrom("agent_profiles")
        .selectAll()
        .where("tenant_id", "=", tenantId)
        .where("user_id", "=", userId)
        .executeTakeFirst(),
      this.db
        .selectFrom("team_members")
        .select("team_id")
        .where("tenant_id", "=", tenantId)
        .where("user_id", "=", userId)
        .execute(),
    ]);
    const body: AgentProfileBody = agentProfileBody.parse(
      row ? { skills: row.skills, languages: row.languages, capacity: row.capacity } : {},
    );
    return {
      tenantId,
      agentId: userId,
      skills: body.skills,
      languages: body.languages,
      teamIds: teams.map((t) => t.team_id),
      capacity: body.capacity,
    };
  }

  async saveAgentProfile(
    actor: Actor,
    userId: string,
    body: AgentProfileBody,
    origin: Origin,
  ): Promise<AgentProfile> {
    await this.agentProfile(actor.tenantId, userId);
    const skillIds = Object.keys(body.skills);
    const known = await this.#existing("skills", actor.tenantId, skillIds);
    const unknown = skillIds.filter((s) => !known.has(s));
    if (unknown.length > 0) {
      throw new UserError(
        "invalid",
        "unknown_references",
        `Not found in this tenant: ${unknown.map((s) => `skill ${s}`).join(", ")}.`,
        { unknown },
      );
    }
    const values = {
      skills: JSON.stringify(body.skills),
      languages: JSON.stringify(body.languages),
      capacity: JSON.stringify(body.capacity),
      updated_at: new Date(),
    };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("agent_profiles")
        .values({ user_id: userId, tenant_id: actor.tenantId, ...values })
        .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
        .execute();
      await this.audit.record(
        {
          tenantId: actor.tenantId,
          actor,
          action: "agent_profile.updated",
          target: { type: "user", id: userId },
          details: body,
          origin,
        },
        trx,
      );
    });
    return this.agentProfile(actor.tenantId, userId);
  }

  readonly #settingsCache = new Map<string, { settings: RoutingSettings; until: number }>();

  async settings(tenantId: string): Promise<RoutingSettings> {
    const cached = this.#settingsCache.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.settings;
    const settings = await this.#loadSettings(tenantId);
    this.#settingsCache.set(tenantId, { settings, until: Date.now() + CONFIG_CACHE_MS });
    return settings;
  }

  async #loadSettings(tenantId: string): Promise<RoutingSettings> {
    const row = await this.db
      .selectFrom("routing_settings")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst();
    return row
      ? routingSettings.parse({ notReadyReasons: row.not_ready_reasons, dispositions: row.dispositions })
      : { notReadyReasons: DEFAULT_NOT_READY_REASONS, dispositions: DEFAULT_DISPOSITIONS };
  }

  async saveSettings(actor: Actor, settings: RoutingSettings, origin: Origin): Promise<RoutingSettings> {
    const values = {
      not_ready_reasons: JSON.stringify(settings.notReadyReasons),
      dispositions: JSON.stringify(settings.dispositions),
      updated_at: new Date(),
    };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("routing_settings")
        .values({ tenant_id: actor.tenantId, ...values })
        .onConflict((oc) => oc.column("tenant_id").doUpdateSet(values))
        .execute();
      await this.audit.record(
        { tenantId: actor.tenantId, actor, action: "routing_settings.updated", details: settings, origin },
        trx,
      );
    });
    this.#settingsCache.set(actor.tenantId, { settings, until: Date.now() + CONFIG_CACHE_MS });
    return settings;
  }

  async tenantIds(): Promise<string[]> {
    return (await this.db.selectFrom("tenants").select("id").execute()).map((t) => t.id);
  }
}
