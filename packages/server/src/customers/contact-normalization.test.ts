import { describe, expect, it } from "vitest";
import { normalizeEmails, normalizePhones, toE164 } from "./contact-normalization.js";

describe("toE164 reads numbers as Indonesians write them", () => {
  it.each([
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["62 812-3456-7890", "+6281234567890"],
    ["(021) 5790 1234", "+622157901234"],
    ["+65 6123 4567", "+6561234567"],
    ["12", null],
    ["not a phone", null],
  ])("%s → %s", (raw, e164) => expect(toE164(raw)).toBe(e164));

  it("deduplicates one number written two ways and names the unreadable one", () => {
    expect(normalizePhones(["0812-3456-7890", "+6281234567890"])).toEqual(["+6281234567890"]);
    expect(() => normalizePhones(["0812"])).toThrow('"0812" is not a phone number.');
  });

  it("lower-cases emails but keeps Gmail dots", () => {
    expect(normalizeEmails(["B.Santoso@Gmail.com", "b.santoso@gmail.com", "bsantoso@gmail.com"])).toEqual([
      "b.santoso@gmail.com",
      "bsantoso@gmail.com",
    ]);
  });
});
