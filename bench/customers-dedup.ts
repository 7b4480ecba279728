/**
 * Duplicate-detection quality and speed on the core's seeded Indonesian test set: phones normalised with the
 * server's libphonenumber-js path (as in production), candidates from blocking keys, pairs scored and cut at
 * DUPLICATE_THRESHOLD. Prints precision, recall and F1 per seed and overall, and the time to find all pairs.
 */
import { DUPLICATE_THRESHOLD, findDuplicatePairs, generateDedupTestSet, measureDedup } from "@sentra/core";
import { toE164 } from "@sentra/server";

const SEEDS = [1, 2, 3, 20261123, 424242];
const PEOPLE = 10_000;

export async function run(): Promise<void> {
  let truePairs = 0;
  let reported = 0;
  let truePositives = 0;
  let records = 0;
  let elapsedMs = 0;
  const perSeed = [];
  for (const seed of SEEDS) {
    const set = generateDedupTestSet({ seed, people: PEOPLE });
    const normalized = set.records.map((r) => ({
      ...r,
      phones: r.phones.map((p) => toE164(p)).filter((p): p is string => p !== null),
    }));
    const started = performance.now();
    const pairs = findDuplicatePairs(normalized, { threshold: DUPLICATE_THRESHOLD });
    const ms = performance.now() - started;
    const quality = measureDedup(normalized, pairs);
    perSeed.push({ seed, ...quality, ms: Math.round(ms) });
    console.log(
      `seed ${seed}: ${quality.records} records, precision ${quality.precision.toFixed(4)}, recall ${quality.recall.toFixed(4)}, ${Math.round(ms)} ms`,
    );
    truePairs += quality.truePairs;
    reported += quality.reportedPairs;
    truePositives += quality.truePositives;
    records += quality.records;
    elapsedMs += ms;
  }
  const precision = truePositives / reported;
  const recall = truePositives / truePairs;
  console.log(
    JSON.stringify({
      bench: "customers-dedup",
      threshold: DUPLICATE_THRESHOLD,
      seeds: SEEDS.length,
      records,
      truePairs,
      reportedPairs: reported,
      precision: Number(precision.toFixed(4)),
      recall: Number(recall.toFixed(4)),
      f1: Number(((2 * precision * recall) / (precision + recall)).toFixed(4)),
      msPer10kRecords: Math.round((elapsedMs / records) * 10_000),
      perSeed: perSeed.map((s) => ({
        seed: s.seed,
        precision: Number(s.precision.toFixed(4)),
        recall: Number(s.recall.toFixed(4)),
      })),
    }),
  );
}
