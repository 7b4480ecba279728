import { normalizeName } from "./indonesian-names.js";
import { jaroWinkler } from "./jaro-winkler.js";

/** Similarity of two single canonical tokens; an initial ("m") matches any token it starts. */
function tokenSimilarity(a: string, b: string): number {
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 0.9 : 0;
  return jaroWinkler(a, b);
}

/**
 * Pairs tokens greedily, best pair first, each token used once: order-free, so "Santoso Budi" and
 * "Budi Santoso" pair fully. Returns the summed similarity of the pairs.
 */
function pairedTokenScore(a: readonly string[], b: readonly string[]): number {
  const pairs: { i: number; j: number; score: number }[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) pairs.push({ i, j, score: tokenSimilarity(a[i]!, b[j]!) });
  }
  pairs.sort((x, y) => y.score - x.score);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let total = 0;
  for (const pair of pairs) {
    if (usedA.has(pair.i) || usedB.has(pair.j)) continue;
    usedA.add(pair.i);
    usedB.add(pair.j);
    total += pair.score;
  }
  return total;
}

/**
 * How alike two canonical token lists are, in [0, 1]. Half soft-Dice (penalises a missing token) and half
 * containment (a customer who leaves out a family name is often the same person), or the whole-string
 * Jaro-Winkler when that is higher, which catches split or joined tokens ("Nur Haliza" / "Nurhaliza").
 */
export function canonicalNameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const paired = pairedTokenScore(a, b);
  const dice = (2 * paired) / (a.length + b.length);
  const containment = paired / Math.min(a.length, b.length);
  const joined = jaroWinkler(a.join(""), b.join(""));
  return Math.min(1, Math.max(0.5 * dice + 0.5 * containment, joined));
}

/** Similarity of two names as written, after titles, punctuation and old spellings are normalised. */
export function nameSimilarity(a: string, b: string): number {
  return canonicalNameSimilarity(normalizeName(a), normalizeName(b));
}
