import { describe, expect, it } from "vitest";
import { canonicalDid, didCandidates, normaliseDid } from "./did-number.js";

describe("DID numbers", () => {
  it.each([
    ["021 5000 1000", "+622150001000"],
    ["(021) 5000-1000", "+622150001000"],
    ["+62 21 5000 1000", "+622150001000"],
    ["0812-3456-7890", "+6281234567890"],
    ["1000", "1000"],
    ["14045", "14045"],
  ])("writes %s as %s", (raw, did) => {
    expect(canonicalDid(raw)).toBe(did);
  });

  it.each([["call me"], ["+62 21 1000"], ["9"], ["0000000"], [""]])("rejects %j with a user error", (raw) => {
    expect(() => normaliseDid(raw)).toThrow(expect.objectContaining({ code: "did_invalid" }));
  });

  it("reads the user part of a SIP URI and the carrier's forms without a plus", () => {
    expect(didCandidates("sip:1000@127.0.0.1:5060")).toEqual(["1000"]);
    expect(didCandidates("sips:+622150001000@carrier.example;user=phone")).toEqual(["+622150001000"]);
    expect(didCandidates("622150001000")).toEqual(["+622150001000"]);
    expect(didCandidates("garbage")).toEqual([]);
  });
});
