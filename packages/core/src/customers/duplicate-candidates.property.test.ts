import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDuplicatePairs } from "./duplicate-candidates.js";
import { type DedupRecord, prepareRecord, scoreDuplicate } from "./duplicate-scoring.js";

const NAMES = [
  "Budi Santoso",
  "Boedi Santosa",
  "Dewi Lestari",
  "Siti Aminah",
  "Sukarno",
  "Bpk. Soekarno",
  "Agus",
];
const record = fc.record({
  name: fc.constantFrom(...NAMES),
  phones: fc.subarray(["+62811", "+62812", "+62813"], { maxLength: 2 }),
  emails: fc.subarray(["a@x.id", "b@x.id"], { maxLength: 1 }),
  customerNumber: fc.option(fc.constantFrom("C1", "C2"), { nil: null }),
  accountNumbers: fc.subarray(["111", "222"], { maxLength: 1 }),
  birthDate: fc.option(fc.constantFrom("1980-01-01", "1990-05-05"), { nil: null }),
  address: fc.option(fc.constantFrom("Jl. Mawar 1", "Jalan Mawar No. 1", "Gg. Melati 2"), { nil: null }),
});
const recordSet = fc
  .array(record, { maxLength: 25 })
  .map((rs): DedupRecord[] => rs.map((r, i) => ({ ...r, id: `r${String(i).padStart(3, "0")}` })));

/** The oracle: every pair compared, no blocking. */
function allPairs(records: readonly DedupRecord[], threshold: number) {
  const out = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      const { score } = scoreDuplicate(prepareRecord(records[i]!), prepareRecord(records[j]!));
      if (score >= threshold) out.set(`${records[i]!.id}|${records[j]!.id}`, score);
    }
  }
  return out;
}

const sharesContact = (a: DedupRecord, b: DedupRecord) =>
  a.phones.some((p) => b.phones.includes(p)) ||
  a.emails.some((e) => b.emails.includes(e)) ||
  a.accountNumbers.some((n) => b.accountNumbers.includes(n)) ||
  (a.customerNumber !== null && a.customerNumber === b.customerNumber);

describe("duplicate candidates against the all-pairs oracle", () => {
  it("reports only oracle pairs, with the oracle's scores, and misses none sharing a contact point", () => {
    fc.assert(
      fc.property(recordSet, fc.constantFrom(0.3, 0.6, 0.8), (records, threshold) => {
        const oracle = allPairs(records, threshold);
        const found = findDuplicatePairs(records, { threshold, maxBlockSize: 1000 });
        for (const pair of found) expect(oracle.get(`${pair.a}|${pair.b}`)).toBe(pair.score);
        const foundKeys = new Set(found.map((p) => `${p.a}|${p.b}`));
        const byId = new Map(records.map((r) => [r.id, r]));
        for (const key of oracle.keys()) {
          const [a, b] = key.split("|") as [string, string];
          if (sharesContact(byId.get(a)!, byId.get(b)!)) expect(foundKeys.has(key)).toBe(true);
        }
      }),
    );
  });

  it("scores symmetrically", () => {
    fc.assert(
      fc.property(record, record, (x, y) => {
        const a = prepareRecord({ ...x, id: "a" });
        const b = prepareRecord({ ...y, id: "b" });
        expect(scoreDuplicate(a, b).score).toBe(scoreDuplicate(b, a).score);
      }),
    );
  });
});
