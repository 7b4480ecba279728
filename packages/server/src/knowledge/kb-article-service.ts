import {
  type ArticleBody,
  type ArticlePatchBody,
  type ArticleStatus,
  type Clock,
  conflict,
  type KbLanguage,
  notFound,
  roleAllows,
  UserError,
} from "@sentra/core";
import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import type { AuditLog } from "../audit/audit-log.js";
import type { Database, KbArticleRow } from "../db/schema.js";
import { decodeCursor, type Page, type PageQuery, toPage } from "../http/pagination.js";
import type { Actor, Origin } from "../tenancy/actor.js";
import {
  type ArticleSummaryView,
  type ArticleView,
  type articleVersionView,
  toArticleSummary,
  toArticleView,
} from "./kb-views.js";

type Row = Omit<KbArticleRow, "search_vector">;
const COLUMNS = [
  "id",
  "tenant_id",
  "category_id",
  "language",
  "title",
  "body",
  "tags",
  "status",
  "version",
  "published_at",
  "created_by",
  "created_at",
  "updated_at",
] as const;

const articleCursor = z.tuple([z.string(), z.uuid()]);

export interface ArticleFilters {
  status?: ArticleStatus | undefined;
  lang?: KbLanguage | undefined;
  categoryId?: string | undefined;
}

/**
 * Knowledge-base articles and categories. Every save is a new numbered version kept in an append-only history;
 * publishing makes the current version visible to agents and to search. Readers without `kb:write` see only
 * published articles (drafts answer 404 to them).
 */
export class KbArticleService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async listCategories(tenantId: string): Promise<{ items: { id: string; name: string }[] }> {
    const items = await this.db
      .selectFrom("kb_categories")
      .select(["id", "name"])
      .where("tenant_id", "=", tenantId)
      .orderBy("name")
      .execute();
    return { items };
  }

  async createCategory(actor: Actor, name: string, origin: Origin): Promise<{ id: string; name: string }> {
    const clash = await this.db
      .selectFrom("kb_categories")
      .select("id")
      .where("tenant_id", "=", actor.tenantId)
      .where("name", "=", name)
      .executeTakeFirst();
    if (clash) throw conflict("kb_category_exists", `A category named "${name}" already exists.`);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("kb_categories")
        .values({ tenant_id: actor.tenantId, name })
        .returning(["id", "name"])
        .executeTakeFirstOrThrow();
      await this.#audit(trx, actor, "kb_category.created", "kb_category", row.id, { name }, origin);
      return row;
    });
  }

  async list(actor: Actor, filters: ArticleFilters & PageQuery): Promise<Page<ArticleSummaryView>> {
    let query = this.db
      .selectFrom("kb_articles")
      .select(COLUMNS)
      .where("tenant_id", "=", actor.tenantId)
      .orderBy("updated_at", "desc")
      .orderBy("id", "desc")
      .limit(filters.limit + 1);
    const status = roleAllows(actor.role, "kb:write") ? filters.status : "published";
    if (status) query = query.where("status", "=", status);
    if (filters.lang) query = query.where("language", "=", filters.lang);
    if (filters.categoryId) query = query.where("category_id", "=", filters.categoryId);
    if (filters.cursor) {
      const [updatedAt, id] = decodeCursor(filters.cursor, articleCursor);
      query = query.where((eb) =>
        eb.or([
          eb("updated_at", "<", new Date(updatedAt)),
          eb.and([eb("updated_at", "=", new Date(updatedAt)), eb("id", "<", id)]),
        ]),
      );
    }
    const rows = await query.execute();
    return toPage(rows, filters.limit, toArticleSummary, (row) => [row.updated_at.toISOString(), row.id]);
  }

  async get(actor: Actor, id: string): Promise<ArticleView> {
    return toArticleView(await this.#find(this.db, actor, id));
  }

  async create(actor: Actor, body: ArticleBody, origin: Origin): Promise<ArticleView> {
    await this.#assertCategory(actor.tenantId, body.categoryId);
    const now = new Date(this.clock.now());
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("kb_articles")
        .values({
          tenant_id: actor.tenantId,
          category_id: body.categoryId,
          language: body.language,
          title: body.title,
          body: body.body,
          tags: JSON.stringify(body.tags),
          created_by: actor.id,
          created_at: now,
          updated_at: now,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      await this.#storeVersion(trx, actor, created);
      await this.#audit(
        trx,
        actor,
        "kb_article.created",
        "kb_article",
        created.id,
        { title: body.title, language: body.language },
        origin,
      );
      return created;
    });
    return toArticleView(row);
  }

  /** Saves an edit as the next version; a published article shows the new text at once. */
  async update(actor: Actor, id: string, patch: ArticlePatchBody, origin: Origin): Promise<ArticleView> {
    if (patch.categoryId !== undefined) await this.#assertCategory(actor.tenantId, patch.categoryId);
    const row = await this.db.transaction().execute(async (trx) => {
      const current = await this.#find(trx, actor, id, true);
      const saved = await trx
        .updateTable("kb_articles")
        .set({
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.body !== undefined ? { body: patch.body } : {}),
          ...(patch.language !== undefined ? { language: patch.language } : {}),
          ...(patch.categoryId !== undefined ? { category_id: patch.categoryId } : {}),
          ...(patch.tags !== undefined ? { tags: JSON.stringify(patch.tags) } : {}),
          version: current.version + 1,
          updated_at: new Date(this.clock.now()),
        })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      await this.#storeVersion(trx, actor, saved);
      await this.#audit(
        trx,
        actor,
        "kb_article.updated",
        "kb_article",
        id,
        { version: saved.version, fields: Object.keys(patch) },
        origin,
      );
      return saved;
    });
    return toArticleView(row);
  }

  async setStatus(actor: Actor, id: string, status: ArticleStatus, origin: Origin): Promise<ArticleView> {
    const row = await this.db.transaction().execute(async (trx) => {
      const current = await this.#find(trx, actor, id, true);
      if (current.status === status) {
        throw conflict(`kb_article_already_${status}`, `The article is already ${status}.`);
      }
      const saved = await trx
        .updateTable("kb_articles")
        .set({ status, published_at: status === "published" ? new Date(this.clock.now()) : null })
        .where("tenant_id", "=", actor.tenantId)
        .where("id", "=", id)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      const action = status === "published" ? "kb_article.published" : "kb_article.unpublished";
      await this.#audit(trx, actor, action, "kb_article", id, { version: saved.version }, origin);
      return saved;
    });
    return toArticleView(row);
  }

  async versions(actor: Actor, id: string): Promise<{ items: z.infer<typeof articleVersionView>[] }> {
    await this.#find(this.db, actor, id);
    const rows = await this.db
      .selectFrom("kb_article_versions")
      .selectAll()
      .where("tenant_id", "=", actor.tenantId)
      .where("article_id", "=", id)
      .orderBy("version", "desc")
      .execute();
    return {
      items: rows.map((row) => ({
        version: row.version,
        title: row.title,
        body: row.body,
        language: row.language as KbLanguage,
        categoryId: row.category_id,
        tags: row.tags as string[],
        editedBy: row.edited_by,
        createdAt: row.created_at.toISOString(),
      })),
    };
  }

  async #find(db: Kysely<Database>, actor: Actor, id: string, forUpdate = false): Promise<Row> {
    let query = db
      .selectFrom("kb_articles")
      .select(COLUMNS)
      .where("tenant_id", "=", actor.tenantId)
      .where("id", "=", id);
    if (forUpdate) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row || (row.status !== "published" && !roleAllows(actor.role, "kb:write")))
      throw notFound("kb_article", id);
    return row;
  }

  async #storeVersion(trx: Transaction<Database>, actor: Actor, row: Row): Promise<void> {
    await trx
      .insertInto("kb_article_versions")
      .values({
        tenant_id: row.tenant_id,
        article_id: row.id,
        version: row.version,
        title: row.title,
        body: row.body,
        language: row.language,
        category_id: row.category_id,
        tags: JSON.stringify(row.tags),
        edited_by: actor.id,
      })
      .execute();
  }

  async #assertCategory(tenantId: string, categoryId: string | null): Promise<void> {
    if (categoryId === null) return;
    const found = await this.db
      .selectFrom("kb_categories")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where("id", "=", categoryId)
      .executeTakeFirst();
    if (!found)
      throw new UserError(
        "invalid",
        "unknown_kb_category",
        `No category with id ${categoryId} in this tenant.`,
      );
  }

  async #audit(
    trx: Kysely<Database>,
    actor: Actor,
    action: string,
    type: string,
    id: string,
    details: Record<string, unknown>,
    origin: Origin,
  ): Promise<void> {
    await this.audit.record(
      { tenantId: actor.tenantId, actor, action, target: { type, id }, details, origin },
      trx,
    );
  }
}
