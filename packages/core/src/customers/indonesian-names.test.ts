import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalToken, nameTokens, normalizeName, phoneticKey } from "./indonesian-names.js";
import { jaroWinkler } from "./jaro-winkler.js";
import { nameSimilarity } from "./name-similarity.js";

describe("nameTokens strips titles, degrees and punctuation", () => {
  it.each([
    ["Bapak Budi Santoso", ["budi", "santoso"]],
    ["Bpk. BUDI  SANTOSO, S.E.", ["budi", "santoso"]],
    ["Hj. Siti Nurhaliza, S.Kom", ["siti", "nurhaliza"]],
    ["H.Ahmad Dahlan", ["ahmad", "dahlan"]],
    ["Dr.Ir. Joko Widodo, M.M.", ["joko", "widodo"]],
    ["Sdri. Dewi-Lestari", ["dewi", "lestari"]],
    ["Ibu Ratna Sari Dewi", ["ratna", "sari", "dewi"]],
    ["Pak", ["pak"]],
    ["Andi O'Neil", ["andi", "oneil"]],
    ["Zoë Pratiwi", ["zoe", "pratiwi"]],
  ])("%s → %j", (raw, tokens) => expect(nameTokens(raw)).toEqual(tokens));
});

describe("canonicalToken folds old spellings", () => {
  it.each([
    ["soekarno", "sukarno"],
    ["djoko", "joko"],
    ["tjahjono", "cahjono"],
    ["cahyono", "cahjono"],
    ["jusuf", "jusuf"],
    ["yusuf", "jusuf"],
    ["hendry", "hendri"],
    ["fatimah", "fatima"],
    ["muhammad", "muhamad"],
    ["moh", "muhamad"],
    ["iwann", "iwan"],
    ["sjahrir", "sjahrir"],
    ["syahrir", "sjahrir"],
  ])("%s ≡ %s", (old, canonical) => expect(canonicalToken(old)).toBe(canonical));

  it("makes old and new spellings of a full name equal", () => {
    expect(normalizeName("Soeharto Djojohadikoesoemo")).toEqual(normalizeName("Suharto Joyohadikusumo"));
  });
});

describe("nameSimilarity", () => {
  it.each([
    ["Budi Santoso", "Santoso Budi", 1],
    ["Bpk. Soekarno", "Sukarno", 1],
    ["Siti Nur Haliza", "Siti Nurhaliza", 0.95],
    ["M. Rizki", "Muhammad Rizki", 0.95],
    ["Budi Santoso", "Budi Santosa", 0.9],
  ])("%s ~ %s ≥ %f", (a, b, min) => expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(min));

  it.each([
    ["Budi Santoso", "Dewi Lestari"],
    ["Agus Wijaya", "Rina Kurniawati"],
  ])("%s and %s are not alike", (a, b) => expect(nameSimilarity(a, b)).toBeLessThan(0.6));

  it("gives similar names the same blocking key despite spelling", () => {
    expect(phoneticKey(canonicalToken("soehardjo"))).toBe(phoneticKey(canonicalToken("suharjo")));
  });
});

/** Textbook O(n·m) Jaro-Winkler with explicit match lists, as an oracle for the optimised one. */
function referenceJaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const used = new Set<number>();
  const aMatches: string[] = [];
  const bPositions: number[] = [];
  [...a].forEach((ch, i) => {
    for (let j = Math.max(0, i - range); j <= Math.min(b.length - 1, i + range); j++) {
      if (!used.has(j) && b[j] === ch) {
        used.add(j);
        aMatches.push(ch);
        bPositions.push(j);
        return;
      }
    }
  });
  const m = aMatches.length;
  if (m === 0) return 0;
  const bMatches = [...bPositions].sort((x, y) => x - y).map((j) => b[j]);
  const t = aMatches.filter((ch, i) => ch !== bMatches[i]).length / 2;
  const jaro = (m / a.length + m / b.length + (m - t) / m) / 3;
  let l = 0;
  while (l < 4 && a[l] !== undefined && a[l] === b[l]) l++;
  return jaro + l * 0.1 * (1 - jaro);
}

describe("jaroWinkler properties", () => {
  const word = fc.string({ unit: fc.constantFrom(..."abcdeijkos"), maxLength: 12 });
  it("agrees with the reference, is symmetric and stays in [0, 1]", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const score = jaroWinkler(a, b);
        expect(score).toBeCloseTo(referenceJaroWinkler(a, b), 10);
        expect(score).toBeCloseTo(jaroWinkler(b, a), 10);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
    );
  });
  it("scores a string against itself as 1", () => {
    fc.assert(fc.property(word, (a) => jaroWinkler(a, a) === 1));
  });
});
