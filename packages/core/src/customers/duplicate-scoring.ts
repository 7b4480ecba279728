import { normalizeName } from "./indonesian-names.js";
import { canonicalNameSimilarity } from "./name-similarity.js";

/**
 * What duplicate detection compares. Phones arrive already in E.164 and emails lower-cased (the server
 * normalises them on write); the core only compares.
 */
export interface DedupRecord {
  readonly id: string;
  readonly name: string;
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly customerNumber: string | null;
  readonly accountNumbers: readonly string[];
  /** ISO date, YYYY-MM-DD. */
  readonly birthDate: string | null;
  readonly address: string | null;
}

export type DuplicateReasonKind =
  | "phone"
  | "email"
  | "customer_number"
  | "account_number"
  | "name"
  | "birth_date"
  | "address";

export interface DuplicateReason {
  readonly kind: DuplicateReasonKind;
  /** Human-readable, e.g. "same phone", "names 0.93 alike", "different birth dates". */
  readonly detail: string;
  /** What it added to (or, negative, took from) the score. */
  readonly weight: number;
}

export interface DuplicateScore {
  /** 0 (surely different people) … 1 (surely the same). */
  readonly score: number;
  readonly reasons: readonly DuplicateReason[];
}

/** Pairs scoring at least this are reported as likely duplicates; chosen on the generated test set. */
export const DUPLICATE_THRESHOLD = 0.6;

/** A record with its derived comparison keys computed once. */
export interface PreparedRecord {
  readonly record: DedupRecord;
  readonly nameTokens: readonly string[];
  readonly addressTokens: ReadonlySet<string>;
}

const ADDRESS_WORDS: Record<string, string> = { jl: "jalan", jln: "jalan", gg: "gang", kel: "kelurahan" };

function addressTokens(address: string | null): Set<string> {
  if (!address) return new Set();
  return new Set(
    address
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((t) => t && t !== "no")
      .map((t) => ADDRESS_WORDS[t] ?? t),
  );
}

export function prepareRecord(record: DedupRecord): PreparedRecord {
  return { record, nameTokens: normalizeName(record.name), addressTokens: addressTokens(record.address) };
}

const shares = (a: readonly string[], b: readonly string[]): boolean => a.some((x) => b.includes(x));

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return common / (a.size + b.size - common);
}

/**
 * Additive evidence, each item a reason. Shared contact points are strong but not conclusive (families share
 * a phone or an address), so a name that disagrees or a different birth date pulls the score down; different
 * customer numbers are a bank's own statement that these are two customers.
 */
export function scoreDuplicate(a: PreparedRecord, b: PreparedRecord): DuplicateScore {
  const reasons: DuplicateReason[] = [];
  const add = (kind: DuplicateReasonKind, detail: string, weight: number) =>
    reasons.push({ kind, detail, weight });
  const x = a.record;
  const y = b.record;
  if (shares(x.phones, y.phones)) add("phone", "same phone", 0.45);
  if (shares(x.emails, y.emails)) add("email", "same email", 0.45);
  if (x.customerNumber && y.customerNumber) {
    if (x.customerNumber === y.customerNumber) add("customer_number", "same customer number", 0.6);
    else add("customer_number", "different customer numbers", -0.5);
  }
  if (shares(x.accountNumbers, y.accountNumbers)) add("account_number", "same account number", 0.5);
  const name = canonicalNameSimilarity(a.nameTokens, b.nameTokens);
  const alike = `names ${name.toFixed(2)} alike`;
  if (name >= 0.92) add("name", alike, 0.35);
  else if (name >= 0.85) add("name", alike, 0.25);
  else if (name >= 0.75) add("name", alike, 0.1);
  else if (name < 0.6) add("name", alike, -0.3);
  if (x.birthDate && y.birthDate) {
    if (x.birthDate === y.birthDate) add("birth_date", "same birth date", 0.3);
    else add("birth_date", "different birth dates", -0.45);
  }
  const address = jaccard(a.addressTokens, b.addressTokens);
  if (address >= 0.7) add("address", `addresses ${address.toFixed(2)} alike`, 0.1);
  const total = reasons.reduce((sum, r) => sum + r.weight, 0);
  return { score: Math.round(Math.min(1, Math.max(0, total)) * 1000) / 1000, reasons };
}
