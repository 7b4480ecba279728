import { describe, expect, it } from "vitest";
import { DEFAULT_MASKED_FIELDS, maskEmail, maskPersonalData, type PersonalData } from "./masking.js";

const data: PersonalData & { name: string } = {
  name: "Budi Santoso",
  birthDate: "1985-03-07",
  customerNumber: "CIF0012345",
  accountNumbers: ["1234567890"],
  address: "Jl. Sudirman 1, Jakarta",
  emails: ["budi.santoso@example.co.id"],
  phones: ["+6281234567890"],
  mothersMaidenName: "Siti Aminah",
  customFields: { npwp: "12.345.678.9-012.000", tier: "gold", empty: null },
};

describe("maskPersonalData", () => {
  const masked = maskPersonalData(data, new Set(DEFAULT_MASKED_FIELDS), new Set(["npwp", "empty"]));

  it.each([
    ["birthDate", "••••"],
    ["customerNumber", "CIF0012345"],
    ["accountNumbers", ["••••7890"]],
    ["address", "••••"],
    ["emails", ["b••••@••••.id"]],
    ["phones", ["••••7890"]],
    ["mothersMaidenName", "••••"],
    ["customFields", { npwp: "••••", tier: "gold", empty: null }],
    ["name", "Budi Santoso"],
  ])("%s → %j", (field, expected) => expect(masked[field as keyof typeof masked]).toEqual(expected));

  it("never leaves a masked value recognisable in the output", () => {
    const text = JSON.stringify(masked);
    for (const secret of ["1985", "Sudirman", "santoso@", "812345", "Aminah", "678.9"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("masks nothing when no field is chosen", () => {
    expect(maskPersonalData(data, new Set(), new Set())).toEqual(data);
  });

  it.each([
    ["a@b.co", "a••••@••••.co"],
    ["broken", "••••"],
  ])("email %s → %s", (input, output) => expect(maskEmail(input)).toBe(output));
});
