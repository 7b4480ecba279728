import type { KbLanguage } from "./article.js";
import { STOP_WORDS } from "./stop-words.js";

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercased words of the text, in order, letters and digits only (so they are safe inside a tsquery). */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((word) => word.length > 1);
}

/**
 * Search terms from free conversation text: stop words and one-letter words dropped, most frequent first
 * (ties keep the later mention first, since the end of a conversation is usually what the customer wants now),
 * at most `max` terms.
 */
export function searchTermsFrom(text: string, language: KbLanguage, max = 8): string[] {
  const stop = STOP_WORDS[language];
  const counts = new Map<string, { count: number; last: number }>();
  wordsOf(text).forEach((word, index) => {
    if (stop.has(word) || /^\d+$/.test(word)) return;
    const seen = counts.get(word);
    counts.set(word, { count: (seen?.count ?? 0) + 1, last: index });
  });
  return [...counts.entries()]
    .sort(([, a], [, b]) => b.count - a.count || b.last - a.last)
    .slice(0, max)
    .map(([word]) => word);
}

/**
 * A PostgreSQL `to_tsquery` string matching any of the terms (`a | b | c`), or null when nothing is left. The
 * terms hold only letters and digits, so no tsquery operator can be smuggled in.
 */
export function anyOfTsQuery(terms: readonly string[]): string | null {
  const safe = terms.filter((term) => /^[\p{L}\p{N}]+$/u.test(term));
  return safe.length === 0 ? null : safe.join(" | ");
}
