import { describe, expect, it } from "vitest";
import { type DigestHash, digestResponse } from "./digest.js";

// A symbolic hash shows exactly what was hashed; the RFC test vectors run in the server with node:crypto.
const symbolic: DigestHash = (algorithm, input) => `${algorithm}(${input})`;

describe("digest response composition", () => {
  const input = { username: "u", realm: "r", password: "p", method: "INVITE", uri: "sip:x", nonce: "n" };

  it("hashes H(A1):nonce:nc:cnonce:qop:H(A2) with qop=auth", () => {
    expect(
      digestResponse({ ...input, algorithm: "SHA-256", qop: "auth", nc: "00000001", cnonce: "c" }, symbolic),
    ).toBe("SHA-256(SHA-256(u:r:p):n:00000001:c:auth:SHA-256(INVITE:sip:x))");
  });

  it("hashes H(A1):nonce:H(A2) without qop (RFC 2069 compatibility)", () => {
    expect(digestResponse({ ...input, algorithm: "MD5" }, symbolic)).toBe(
      "MD5(MD5(u:r:p):n:MD5(INVITE:sip:x))",
    );
  });
});
