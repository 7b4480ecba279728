import { anyOfTsQuery, type KbLanguage, searchTermsFrom } from "@sentra/core";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../db/schema.js";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, parseHeadline, type SearchHitView } from "./kb-views.js";

const HEADLINE_OPTIONS = `MaxFragments=2, MinWords=8, MaxWords=25, FragmentDelimiter=" … ", StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`;

interface HitRow {
  id: string;
  title: string;
  language: KbLanguage;
  category_id: string | null;
  tags: string[];
  rank: number;
  headline: string;
}

/**
 * Full-text search over published articles. Each article's text was indexed with its own language's
 * configuration (kb_ts_config: indonesian or english), and the query is parsed with the same one, so the
 * Indonesian stemmer maps "pembayaran" and "membayar" to the same lexeme "bayar". Ranked with ts_rank_cd
 * (cover density: matched words close together rank higher; title weighs A, tags B, body C); excerpts come
 * from ts_headline.
 */
export class KbSearch {
  constructor(private readonly db: Kysely<Database>) {}

  /** Searches with web-search syntax ("quoted phrases", -exclusions, or). */
  async search(
    tenantId: string,
    q: string,
    language: KbLanguage | undefined,
    limit: number,
  ): Promise<SearchHitView[]> {
    return this.#run(tenantId, language, limit, (config) => sql`websearch_to_tsquery(${config}, ${q})`);
  }

  /** Top articles for a live conversation: its significant words, any of which may match. */
  async suggest(
    tenantId: string,
    text: string,
    language: KbLanguage,
    limit: number,
  ): Promise<{ terms: string[]; items: SearchHitView[] }> {
    const terms = searchTermsFrom(text, language);
    const query = anyOfTsQuery(terms);
    if (query === null) return { terms, items: [] };
    const items = await this.#run(
      tenantId,
      language,
      limit,
      (config) => sql`to_tsquery(${config}, ${query})`,
    );
    return { terms, items };
  }

  async #run(
    tenantId: string,
    language: KbLanguage | undefined,
    limit: number,
    tsquery: (config: RawBuilder<unknown>) => RawBuilder<unknown>,
  ): Promise<SearchHitView[]> {
    const config = sql`kb_ts_config(a.language)`;
    const { rows } = await sql<HitRow>`
      select a.id, a.title, a.language, a.category_id, a.tags,
             ts_rank_cd(a.search_vector, q.query)::float8 as rank,
             ts_headline(${config}, a.body, q.query, ${HEADLINE_OPTIONS}) as headline
      from kb_articles a
      cross join lateral (select ${tsquery(config)} as query) q
      where a.tenant_id = ${tenantId}
        and a.status = 'published'
        and (${language ?? null}::text is null or a.language = ${language ?? null}::text)
        and a.search_vector @@ q.query
      order by rank desc, a.updated_at desc, a.id
      limit ${limit}
    `.execute(this.db);
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      language: row.language,
      categoryId: row.category_id,
      tags: row.tags,
      rank: Number(row.rank),
      ...parseHeadline(row.headline),
    }));
  }
}
