import {
  type DedupRecord,
  type DuplicateReason,
  prepareRecord,
  scoreDuplicate,
} from "./duplicate-scoring.js";
import { phoneticKey } from "./indonesian-names.js";

export interface DuplicatePair {
  /** The two record ids, `a < b`. */
  readonly a: string;
  readonly b: string;
  readonly score: number;
  readonly reasons: readonly DuplicateReason[];
}

export interface CandidateOptions {
  /** Report pairs scoring at least this. */
  readonly threshold: number;
  /**
   * Blocks bigger than this are skipped: a key shared by that many records ("Siti" born 1990) is not
   * evidence, and comparing all of them is what blocking exists to avoid.
   */
  readonly maxBlockSize?: number;
}

/**
 * Keys under which two records must meet to be compared at all: a shared phone, email or number, or a name
 * token's sound key with the birth year, or the sound keys of the two first name tokens in either order.
 */
export function blockingKeys(record: DedupRecord, nameTokens: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const phone of record.phones) keys.add(`p:${phone}`);
  for (const email of record.emails) keys.add(`e:${email}`);
  if (record.customerNumber) keys.add(`c:${record.customerNumber}`);
  for (const account of record.accountNumbers) keys.add(`a:${account}`);
  const sounds = nameTokens.filter((t) => t.length > 1).map(phoneticKey);
  const year = record.birthDate?.slice(0, 4);
  if (year) for (const sound of sounds) keys.add(`y:${sound}:${year}`);
  for (let i = 0; i < sounds.length; i++) {
    for (let j = i + 1; j < sounds.length; j++) keys.add(`n:${[sounds[i], sounds[j]].sort().join(":")}`);
  }
  return [...keys];
}

/** Scored likely-duplicate pairs, best first; compares only records that share a blocking key. */
export function findDuplicatePairs(
  records: readonly DedupRecord[],
  options: CandidateOptions,
): DuplicatePair[] {
  const maxBlock = options.maxBlockSize ?? 100;
  const prepared = records.map(prepareRecord);
  const blocks = new Map<string, number[]>();
  prepared.forEach((p, index) => {
    for (const key of blockingKeys(p.record, p.nameTokens)) {
      const block = blocks.get(key);
      if (block) block.push(index);
      else blocks.set(key, [index]);
    }
  });
  const seen = new Set<string>();
  const pairs: DuplicatePair[] = [];
  for (const members of blocks.values()) {
    if (members.length < 2 || members.length > maxBlock) continue;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const x = prepared[members[i]!]!;
        const y = prepared[members[j]!]!;
        const [first, second] = x.record.id < y.record.id ? [x, y] : [y, x];
        const key = `${first.record.id}|${second.record.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const { score, reasons } = scoreDuplicate(first, second);
        if (score >= options.threshold) {
          pairs.push({ a: first.record.id, b: second.record.id, score, reasons });
        }
      }
    }
  }
  return pairs.sort((p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : 0));
}
