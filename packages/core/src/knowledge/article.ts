import { z } from "zod";

export const KB_LANGUAGES = ["id", "en"] as const;
export type KbLanguage = (typeof KB_LANGUAGES)[number];

export const ARTICLE_STATUSES = ["draft", "published"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,39}$/u, "Tags are single words such as kartu or card-blocking.");

/** An article's editable content; every save stores a new numbered version. Body is Markdown. */
export const articleBody = z.object({
  title: z.string().trim().min(1, "An article needs a title.").max(200),
  body: z.string().min(1, "An article needs a body.").max(100_000),
  language: z.enum(KB_LANGUAGES),
  categoryId: z.uuid().nullable().default(null),
  tags: z.array(tag).max(20).default([]),
});
export type ArticleBody = z.infer<typeof articleBody>;

export const articlePatchBody = articleBody
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "Send at least one field to change.");
export type ArticlePatchBody = z.infer<typeof articlePatchBody>;

export const kbCategoryBody = z.object({ name: z.string().trim().min(1).max(80) });

export const kbSearchQuery = z.object({
  q: z.string().trim().min(1, "Say what to search for.").max(500),
  lang: z.enum(KB_LANGUAGES).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const kbSuggestBody = z.object({
  /** The conversation so far (transcript or the customer's last messages). */
  text: z.string().min(1, "Send the conversation text.").max(20_000),
  language: z.enum(KB_LANGUAGES),
  limit: z.number().int().min(1).max(20).default(5),
});
