import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, pageQuery } from "./http";
import type { Page } from "./types";

/** The knowledge-base API's shapes as the web app reads them (see packages/server/src/knowledge/). */

export const KB_LANGUAGES = ["id", "en"] as const;

export interface Article {
  id: string;
  title: string;
  /** Markdown. */
  body: string;
  language: string;
  categoryId: string | null;
  tags: string[];
  status: "draft" | "published";
  version: number;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A list item or search hit: a plain-text excerpt instead of the body. */
export interface ArticleHit {
  id: string;
  language: string;
  title: string;
  excerpt: string;
  status?: "draft" | "published";
  rank?: number;
}

export interface ArticleVersion {
  version: number;
  title: string;
  body: string;
  language: string;
  editedBy: string;
  createdAt: string;
}

export interface ArticleBody {
  language: string;
  title: string;
  body: string;
  tags: string[];
}

export const kbKeys = {
  all: ["kb"] as const,
  search: (q: string, lang: string | null) => ["kb", "search", q, lang] as const,
  suggest: (text: string, language: string) => ["kb", "suggest", text, language] as const,
  list: (lang: string | null) => ["kb", "list", lang] as const,
  article: (id: string) => ["kb", "article", id] as const,
  versions: (id: string) => ["kb", "versions", id] as const,
};

export function useKbSearch(q: string, lang: string | null) {
  return useQuery({
    queryKey: kbKeys.search(q, lang),
    queryFn: async () => {
      const params = new URLSearchParams({ q });
      if (lang) params.set("lang", lang);
      return (await api<{ items: ArticleHit[] }>(`/kb/search?${params.toString()}`)).items;
    },
    placeholderData: (previous) => previous,
    enabled: q.trim().length > 0,
  });
}

/** The newest articles (drafts too, for editors), shown before anything is searched. */
export function useArticles(lang: string | null) {
  return useQuery({
    queryKey: kbKeys.list(lang),
    queryFn: async () =>
      (await api<Page<ArticleHit>>(`/kb/articles${pageQuery(50, null)}${lang ? `&lang=${lang}` : ""}`)).items,
  });
}

/** Articles that fit what the customer wrote; asked again only when the text changes. */
export function useKbSuggestions(text: string, language: string) {
  return useQuery({
    queryKey: kbKeys.suggest(text, language),
    queryFn: async () =>
      (await api<{ items: ArticleHit[] }>("/kb/suggest", { method: "POST", body: { text, language } })).items,
    enabled: text.trim().length >= 3,
    staleTime: 60_000,
  });
}

export function useArticle(id: string | null) {
  return useQuery({
    queryKey: kbKeys.article(id ?? ""),
    queryFn: () => api<Article>(`/kb/articles/${id}`),
    enabled: id !== null,
  });
}

export function useArticleVersions(id: string | null) {
  return useQuery({
    queryKey: kbKeys.versions(id ?? ""),
    queryFn: async () => (await api<{ items: ArticleVersion[] }>(`/kb/articles/${id}/versions`)).items,
    enabled: id !== null,
  });
}

export function useSaveArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; body: ArticleBody }) =>
      input.id === null
        ? api<Article>("/kb/articles", { method: "POST", body: input.body })
        : api<Article>(`/kb/articles/${input.id}`, { method: "PATCH", body: input.body }),
    onSuccess: () => client.invalidateQueries({ queryKey: kbKeys.all }),
  });
}

export function usePublishArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, publish }: { id: string; publish: boolean }) =>
      api<Article>(`/kb/articles/${id}/${publish ? "publish" : "unpublish"}`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: kbKeys.all }),
  });
}
