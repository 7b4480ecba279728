import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  answerDigestChallenge,
  type DigestHash,
  digestResponse,
  formatDigestChallenge,
  formatDigestCredentials,
  parseDigestChallenge,
  parseDigestCredentials,
} from "./digest.js";

// Tests may use node:crypto; the core itself receives the hash as a function.
const hash: DigestHash = (algorithm, input) =>
  createHash(algorithm === "MD5" ? "md5" : "sha256")
    .update(input, "latin1")
    .digest("hex");

const rfc7616 = {
  username: "Mufasa",
  realm: "http-auth@example.org",
  password: "Circle of Life",
  method: "GET",
  uri: "/dir/index.html",
  nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
  cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
  nc: "00000001",
  qop: "auth" as const,
};

describe("digest authentication", () => {
  it("computes the RFC 7616 §3.9.1 example responses for MD5 and SHA-256", () => {
    expect(digestResponse({ ...rfc7616, algorithm: "MD5" }, hash)).toBe("8ca523f5e9506fed4657c9700eebdbec");
    expect(digestResponse({ ...rfc7616, algorithm: "SHA-256" }, hash)).toBe(
      "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
    );
  });

  it("computes the RFC 2617 response without qop", () => {
    const input = {
      algorithm: "MD5" as const,
      username: "Mufasa",
      realm: "testrealm@host.com",
      password: "Circle Of Life",
      method: "GET",
      uri: "/dir/index.html",
      nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093",
    };
    expect(digestResponse({ ...input, qop: "auth", nc: "00000001", cnonce: "0a4f113b" }, hash)).toBe(
      "6629fae49393a05397450978507c4ef1",
    );
  });

  it("parses a challenge with several qop options and formats one back", () => {
    const challenge = parseDigestChallenge(
      'Digest realm="sentra.test", qop="auth,auth-int", nonce="n1", opaque="o1", algorithm=SHA-256, stale=TRUE',
    );
    expect(challenge).toEqual({
      realm: "sentra.test",
      nonce: "n1",
      algorithm: "SHA-256",
      qop: "auth",
      opaque: "o1",
      stale: true,
    });
    expect(challenge && parseDigestChallenge(formatDigestChallenge(challenge))).toEqual(challenge);
  });

  it("defaults to MD5 and refuses unknown algorithms, auth-int only and non-digest schemes", () => {
    expect(parseDigestChallenge('Digest realm="r", nonce="n"')?.algorithm).toBe("MD5");
    expect(parseDigestChallenge('Digest realm="r", nonce="n", algorithm=SHA-512-256')).toBeUndefined();
    expect(parseDigestChallenge('Digest realm="r", nonce="n", qop="auth-int"')).toBeUndefined();
    expect(parseDigestChallenge('Basic realm="r"')).toBeUndefined();
    expect(parseDigestChallenge('Digest realm="r", nonce="n" garbage')).toBeUndefined();
  });

  it("answers a challenge with credentials the server can parse and verify", () => {
    const challenge = {
      realm: "sentra.test",
      nonce: "abc",
      algorithm: "SHA-256" as const,
      qop: "auth" as const,
      opaque: "op",
    };
    const creds = answerDigestChallenge(
      challenge,
      { method: "REGISTER", uri: "sip:sentra.test", username: "1001", password: "pw", cnonce: "cn" },
      hash,
    );
    const parsed = parseDigestCredentials(formatDigestCredentials(creds));
    expect(parsed).toEqual(creds);
    expect(parsed?.response).toBe(
      digestResponse(
        {
          ...challenge,
          username: "1001",
          password: "pw",
          method: "REGISTER",
          uri: "sip:sentra.test",
          nc: "00000001",
          cnonce: "cn",
        },
        hash,
      ),
    );
  });

  it("refuses credentials with qop but no nc/cnonce", () => {
    expect(
      parseDigestCredentials(
        'Digest username="a", realm="r", nonce="n", uri="sip:x", response="ff", qop=auth',
      ),
    ).toBeUndefined();
  });
});
