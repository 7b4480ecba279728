import { z } from "zod";
import { normalizeName } from "./indonesian-names.js";

/** Facts a caller can be asked to prove who they are. */
export const VERIFICATION_FACTS = [
  "customer_number",
  "birth_date",
  "account_last4",
  "mothers_maiden_name",
  "registered_email",
  "phone_last4",
] as const;
export type VerificationFact = (typeof VERIFICATION_FACTS)[number];

export const VERIFICATION_LEVELS = ["none", "partial", "verified"] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

/**
 * A tenant's rule: `all` the listed facts must match, or `any` `required` of them. `maxFailedAttempts`
 * failed attempts on one interaction lock verification for that interaction and customer.
 */
export const verificationPolicySchema = z
  .object({
    mode: z.enum(["all", "any"]),
    facts: z.array(z.enum(VERIFICATION_FACTS)).min(1).max(VERIFICATION_FACTS.length),
    required: z.number().int().min(1).max(VERIFICATION_FACTS.length).default(1),
    maxFailedAttempts: z.number().int().min(1).max(20).default(3),
  })
  .refine((p) => new Set(p.facts).size === p.facts.length, "List each fact once.")
  .refine((p) => p.mode === "all" || p.required <= p.facts.length, {
    message: "required cannot exceed the number of facts.",
    path: ["required"],
  });
export type VerificationPolicy = z.infer<typeof verificationPolicySchema>;

export const DEFAULT_VERIFICATION_POLICY: VerificationPolicy = {
  mode: "any",
  facts: ["birth_date", "account_last4", "mothers_maiden_name", "registered_email"],
  required: 2,
  maxFailedAttempts: 3,
};

/** What the customer record says, per fact; a fact the record lacks cannot be verified. */
export type KnownFacts = Partial<Record<VerificationFact, readonly string[]>>;
export type Answers = Partial<Record<VerificationFact, string>>;

const digits = (s: string) => s.replace(/\D/g, "");

/**
 * Dates as ISO YYYY-MM-DD from the ways people say them: 1990-05-17, 17/05/1990, 17-05-1990, 17.05.1990,
 * 17 05 1990. Anything else is returned unchanged (and will not match).
 */
export function normalizeDateAnswer(answer: string): string {
  const text = answer.trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]!.padStart(2, "0")}-${iso[3]!.padStart(2, "0")}`;
  const dmy = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(text);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}`;
  return text;
}

const NORMALIZERS: Record<VerificationFact, (value: string) => string> = {
  customer_number: (v) => v.replace(/[\s-]/g, "").toUpperCase(),
  birth_date: normalizeDateAnswer,
  account_last4: (v) => digits(v).slice(-4),
  phone_last4: (v) => digits(v).slice(-4),
  mothers_maiden_name: (v) => normalizeName(v).join(" "),
  registered_email: (v) => v.trim().toLowerCase(),
};

export interface VerificationEvaluation {
  readonly level: VerificationLevel;
  readonly matched: readonly VerificationFact[];
  /** Facts answered wrongly (or that the record lacks); a non-empty list makes the attempt a failure. */
  readonly failed: readonly VerificationFact[];
}

/** Compares answers with the record, after normalising both sides the same way. Never echoes answers. */
export function evaluateVerification(
  policy: VerificationPolicy,
  known: KnownFacts,
  answers: Answers,
): VerificationEvaluation {
  const matched: VerificationFact[] = [];
  const failed: VerificationFact[] = [];
  for (const fact of policy.facts) {
    const answer = answers[fact];
    if (answer === undefined || answer.trim() === "") continue;
    const normalize = NORMALIZERS[fact];
    const given = normalize(answer);
    const truths = (known[fact] ?? []).map(normalize).filter(Boolean);
    if (given !== "" && truths.includes(given)) matched.push(fact);
    else failed.push(fact);
  }
  const needed = policy.mode === "all" ? policy.facts.length : policy.required;
  const level: VerificationLevel =
    failed.length === 0 && matched.length >= needed ? "verified" : matched.length > 0 ? "partial" : "none";
  return { level, matched, failed };
}

/** Whether another attempt may be made after `failedAttempts` failures. */
export const verificationLocked = (policy: VerificationPolicy, failedAttempts: number): boolean =>
  failedAttempts >= policy.maxFailedAttempts;
