import { z } from "zod";

/**
 * Canned responses: an agent's prepared replies, per tenant and language, picked by a short shortcut
 * (`/refund`). Bodies may name a few values the desk knows when the agent inserts them; anything else in
 * double braces is refused when the response is saved, so a typo never reaches a customer as `{{custmer}}`.
 */
export const CANNED_PLACEHOLDERS = ["customer.name", "agent.name", "conversation.id"] as const;
export type CannedPlaceholder = (typeof CANNED_PLACEHOLDERS)[number];
export type CannedValues = Partial<Record<CannedPlaceholder, string>>;

export const CANNED_LANGUAGES = ["id", "en"] as const;
export type CannedLanguage = (typeof CANNED_LANGUAGES)[number];

/** `{{ name }}`: letters, digits, dots, underscores and dashes, spaces around the name allowed. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isKnown = (name: string): name is CannedPlaceholder =>
  (CANNED_PLACEHOLDERS as readonly string[]).includes(name);

/** The placeholder names in a body that Sentra does not know, each once, in order of appearance. */
export function unknownPlaceholders(body: string): string[] {
  const unknown: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!isKnown(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/**
 * The body with every known placeholder replaced by its value. A value the desk does not have (a chat with
 * no customer name yet) becomes the empty string, so the text never shows raw braces to a customer.
 */
export function renderCannedResponse(body: string, values: CannedValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => (isKnown(name) ? (values[name] ?? "") : whole));
}

const cannedBodyText = z
  .string()
  .trim()
  .min(1, "A canned response needs some text.")
  .max(4000, "A canned response is at most 4000 characters.")
  .superRefine((body, context) => {
    const unknown = unknownPlaceholders(body);
    if (unknown.length > 0) {
      context.addIssue({
        code: "custom",
        message: `Unknown placeholder${unknown.length > 1 ? "s" : ""} ${unknown
          .map((name) => `{{${name}}}`)
          .join(", ")}; use ${CANNED_PLACEHOLDERS.map((name) => `{{${name}}}`).join(", ")}.`,
        params: { unknown },
      });
    }
  });

export const cannedResponseBody = z.object({
  language: z.enum(CANNED_LANGUAGES, "The language is id or en."),
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9_-]{0,31}$/,
      "A shortcut is 1–32 letters, digits, - or _, starting with a letter or digit (e.g. refund).",
    ),
  title: z.string().trim().min(1, "Give the response a title.").max(120),
  body: cannedBodyText,
});
export type CannedResponseBody = z.infer<typeof cannedResponseBody>;

export const cannedResponsePatch = cannedResponseBody.partial();
export type CannedResponsePatch = z.infer<typeof cannedResponsePatch>;

export const cannedResponseFilters = z.object({
  language: z.enum(CANNED_LANGUAGES).optional(),
});
export type CannedResponseFilters = z.infer<typeof cannedResponseFilters>;

/** The responses whose shortcut or title starts with what the agent typed after `/`, shortcut hits first. */
export function matchCannedResponses<T extends { shortcut: string; title: string }>(
  responses: readonly T[],
  typed: string,
): T[] {
  const query = typed.trim().toLowerCase();
  const byShortcut = responses.filter((r) => r.shortcut.startsWith(query));
  const byTitle = responses.filter(
    (r) => !byShortcut.includes(r) && r.title.toLowerCase().includes(query) && query.length > 0,
  );
  return [...byShortcut, ...byTitle];
}
