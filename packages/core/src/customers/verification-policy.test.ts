import { describe, expect, it } from "vitest";
import {
  type Answers,
  evaluateVerification,
  type KnownFacts,
  normalizeDateAnswer,
  type VerificationPolicy,
  verificationLocked,
  verificationPolicySchema,
} from "./verification-policy.js";

const known: KnownFacts = {
  customer_number: ["CIF-0012345"],
  birth_date: ["1985-03-07"],
  account_last4: ["1234567890", "5550009999"],
  mothers_maiden_name: ["Siti Aminah"],
  registered_email: ["budi@example.co.id"],
  phone_last4: ["+6281234567890"],
};
const allOf: VerificationPolicy = {
  mode: "all",
  facts: ["customer_number", "birth_date"],
  required: 1,
  maxFailedAttempts: 3,
};
const twoOf: VerificationPolicy = {
  mode: "any",
  facts: ["birth_date", "account_last4", "mothers_maiden_name", "registered_email"],
  required: 2,
  maxFailedAttempts: 3,
};

describe("evaluateVerification", () => {
  const cases: [string, VerificationPolicy, Answers, string, string[], string[]][] = [
    [
      "all facts right",
      allOf,
      { customer_number: "cif 0012345", birth_date: "07/03/1985" },
      "verified",
      ["customer_number", "birth_date"],
      [],
    ],
    ["one of two in all-mode", allOf, { birth_date: "1985-3-7" }, "partial", ["birth_date"], []],
    [
      "wrong birth date",
      allOf,
      { customer_number: "CIF0012345", birth_date: "1985-07-03" },
      "partial",
      ["customer_number"],
      ["birth_date"],
    ],
    ["nothing answered", allOf, {}, "none", [], []],
    ["blank answers are not answers", allOf, { birth_date: "  " }, "none", [], []],
    [
      "two of four",
      twoOf,
      { account_last4: "9999", mothers_maiden_name: "ibu SITI  aminah" },
      "verified",
      ["account_last4", "mothers_maiden_name"],
      [],
    ],
    [
      "old spelling of the mother's name",
      twoOf,
      { mothers_maiden_name: "Siti Aminah", registered_email: " BUDI@example.co.id " },
      "verified",
      ["mothers_maiden_name", "registered_email"],
      [],
    ],
    [
      "a wrong answer spoils enough right ones",
      twoOf,
      { account_last4: "9999", birth_date: "07.03.1985", registered_email: "x@y.z" },
      "partial",
      ["birth_date", "account_last4"],
      ["registered_email"],
    ],
    [
      "all wrong",
      twoOf,
      { account_last4: "0000", birth_date: "1.1.1990" },
      "none",
      [],
      ["birth_date", "account_last4"],
    ],
    ["facts outside the policy are ignored", allOf, { phone_last4: "7890" }, "none", [], []],
  ];
  it.each(cases)("%s", (_name, policy, answers, level, matched, failed) => {
    const result = evaluateVerification(policy, known, answers);
    expect(result).toEqual({ level, matched, failed });
  });

  it("cannot verify a fact the record does not hold", () => {
    expect(evaluateVerification(allOf, {}, { customer_number: "", birth_date: "1985-03-07" }).failed).toEqual(
      ["birth_date"],
    );
  });
});

describe("answer normalisation and lockout", () => {
  it.each([
    ["1985-03-07", "1985-03-07"],
    ["7/3/1985", "1985-03-07"],
    ["07-03-1985", "1985-03-07"],
    ["07 03 1985", "1985-03-07"],
    ["1985/3/7", "1985-03-07"],
    ["March 7", "March 7"],
  ])("date %s → %s", (input, iso) => expect(normalizeDateAnswer(input)).toBe(iso));

  it.each([
    [0, false],
    [2, false],
    [3, true],
    [4, true],
  ])("after %i failures locked=%s", (failures, locked) =>
    expect(verificationLocked(twoOf, failures)).toBe(locked),
  );

  it("rejects policies that cannot be met", () => {
    expect(
      verificationPolicySchema.safeParse({ mode: "any", facts: ["birth_date"], required: 2 }).success,
    ).toBe(false);
    expect(
      verificationPolicySchema.safeParse({ mode: "all", facts: ["birth_date", "birth_date"] }).success,
    ).toBe(false);
  });
});
