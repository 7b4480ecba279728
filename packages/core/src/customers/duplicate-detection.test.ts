import { describe, expect, it } from "vitest";
import { generateDedupTestSet, measureDedup } from "./dedup-test-set.js";
import { findDuplicatePairs } from "./duplicate-candidates.js";
import { DUPLICATE_THRESHOLD, prepareRecord, scoreDuplicate } from "./duplicate-scoring.js";

/** The server normalises with libphonenumber-js; this stand-in covers the generator's Indonesian formats. */
const e164 = (raw: string) => {
  const digits = raw.replace(/\D/g, "");
  return `+62${digits.startsWith("62") ? digits.slice(2) : digits.replace(/^0/, "")}`;
};

const record = (over: Partial<Parameters<typeof prepareRecord>[0]>) =>
  prepareRecord({
    id: "x",
    name: "",
    phones: [],
    emails: [],
    customerNumber: null,
    accountNumbers: [],
    birthDate: null,
    address: null,
    ...over,
  });

describe("duplicate scoring", () => {
  it("gives a reason for each piece of evidence", () => {
    const { score, reasons } = scoreDuplicate(
      record({ name: "Bpk. Soekarno", phones: ["+6281234567890"], birthDate: "1961-06-06" }),
      record({ name: "Sukarno", phones: ["+6281234567890"], birthDate: "1961-06-06" }),
    );
    expect(score).toBe(1);
    expect(reasons.map((r) => r.kind)).toEqual(["phone", "name", "birth_date"]);
  });

  it("keeps relatives sharing a phone and an address apart", () => {
    const { score } = scoreDuplicate(
      record({ name: "Budi Santoso", phones: ["+62811"], address: "Jl. Mawar 1", birthDate: "1970-01-01" }),
      record({ name: "Dewi Santoso", phones: ["+62811"], address: "Jl. Mawar 1", birthDate: "1995-03-02" }),
    );
    expect(score).toBeLessThan(DUPLICATE_THRESHOLD);
  });

  it("keeps namesakes with different birth dates apart", () => {
    const { score } = scoreDuplicate(
      record({ name: "Muhammad Rizki", birthDate: "1990-01-01" }),
      record({ name: "Mohammad Rizky", birthDate: "1988-04-12" }),
    );
    expect(score).toBeLessThan(DUPLICATE_THRESHOLD);
  });

  it("treats different customer numbers as a statement of two customers", () => {
    const { score } = scoreDuplicate(
      record({ name: "Siti Aminah", customerNumber: "CIF1", phones: ["+62811"] }),
      record({ name: "Siti Aminah", customerNumber: "CIF2", phones: ["+62811"] }),
    );
    expect(score).toBeLessThan(DUPLICATE_THRESHOLD);
  });
});

describe("duplicate detection on a generated set", () => {
  const set = generateDedupTestSet({ seed: 20261123, people: 3000 });
  const records = set.records.map((r) => ({ ...r, phones: r.phones.map(e164) }));
  const quality = measureDedup(records, findDuplicatePairs(records, { threshold: DUPLICATE_THRESHOLD }));

  it("reaches precision ≥ 0.95 and recall ≥ 0.9 at the chosen threshold", () => {
    expect(quality.precision).toBeGreaterThanOrEqual(0.95);
    expect(quality.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("is reproducible from its seed", () => {
    const again = generateDedupTestSet({ seed: 20261123, people: 3000 });
    expect(again.records).toEqual(set.records);
  });
});
