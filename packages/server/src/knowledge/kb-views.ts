import { ARTICLE_STATUSES, excerptAround, KB_LANGUAGES } from "@sentra/core";
import { z } from "zod";
import type { KbArticleRow } from "../db/schema.js";

export const articleView = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  language: z.enum(KB_LANGUAGES),
  categoryId: z.uuid().nullable(),
  tags: z.array(z.string()),
  status: z.enum(ARTICLE_STATUSES),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ArticleView = z.infer<typeof articleView>;

/** List items carry a plain-text excerpt of the body instead of the whole Markdown. */
export const articleSummaryView = articleView.omit({ body: true }).extend({ excerpt: z.string() });
export type ArticleSummaryView = z.infer<typeof articleSummaryView>;

export const articleVersionView = z.object({
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  language: z.enum(KB_LANGUAGES),
  categoryId: z.uuid().nullable(),
  tags: z.array(z.string()),
  editedBy: z.string(),
  createdAt: z.string(),
});

/** A search hit: `excerpt` is plain text; `highlights` mark the matched words in it (UTF-16 offsets). */
export const searchHitView = z.object({
  id: z.uuid(),
  title: z.string(),
  language: z.enum(KB_LANGUAGES),
  categoryId: z.uuid().nullable(),
  tags: z.array(z.string()),
  rank: z.number(),
  excerpt: z.string(),
  highlights: z.array(z.object({ start: z.number().int(), length: z.number().int() })),
});
export type SearchHitView = z.infer<typeof searchHitView>;

export const kbCategoryView = z.object({ id: z.uuid(), name: z.string() });

export function toArticleView(row: Omit<KbArticleRow, "search_vector">): ArticleView {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    language: row.language as ArticleView["language"],
    categoryId: row.category_id,
    tags: row.tags as string[],
    status: row.status as ArticleView["status"],
    version: row.version,
    publishedAt: row.published_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toArticleSummary(row: Omit<KbArticleRow, "search_vector">): ArticleSummaryView {
  const { body, ...rest } = toArticleView(row);
  return { ...rest, excerpt: excerptAround(body, [], 200) };
}

export const HIGHLIGHT_START = "⟦";
export const HIGHLIGHT_STOP = "⟧";

/** Turns ts_headline output with our start/stop markers into plain text plus highlight offsets. */
export function parseHeadline(headline: string): Pick<SearchHitView, "excerpt" | "highlights"> {
  let excerpt = "";
  const highlights: SearchHitView["highlights"] = [];
  const parts = headline.split(HIGHLIGHT_START);
  excerpt += parts[0] ?? "";
  for (const part of parts.slice(1)) {
    const stop = part.indexOf(HIGHLIGHT_STOP);
    const word = stop === -1 ? part : part.slice(0, stop);
    highlights.push({ start: excerpt.length, length: word.length });
    excerpt += word + (stop === -1 ? "" : part.slice(stop + HIGHLIGHT_STOP.length));
  }
  return { excerpt, highlights };
}
