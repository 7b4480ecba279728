import {
  answerDigestChallenge,
  digestResponse,
  formatDigestChallenge,
  formatDigestCredentials,
  ManualClock,
  parseDigestChallenge,
  parseDigestCredentials,
  type SipRequest,
} from "@sentra/core";
import { describe, expect, it } from "vitest";
import { nodeDigestHash as hash, SipDigestAuthenticator } from "./digest-authenticator.js";

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

  describe("server authenticator", () => {
    const clock = new ManualClock(1_000_000);
    const auth = new SipDigestAuthenticator({
      realm: "sentra.test",
      nonceTtlMs: 60_000,
      clock,
      lookup: async (user) => (user === "1001" ? { password: "pw" } : undefined),
    });
    const register = (authorization?: string): SipRequest => ({
      kind: "request",
      method: "REGISTER",
      uri: "sip:sentra.test",
      headers: authorization ? [{ name: "Authorization", value: authorization }] : [],
      body: "",
    });
    const answer = (nonceHeader: string, password = "pw") => {
      const challenge = parseDigestChallenge(nonceHeader);
      if (!challenge) throw new Error("bad challenge");
      const creds = answerDigestChallenge(
        challenge,
        { method: "REGISTER", uri: "sip:sentra.test", username: "1001", password, cnonce: "cn" },
        hash,
      );
      return formatDigestCredentials(creds);
    };

    it("offers SHA-256 before MD5 and accepts a correct answer to either", async () => {
      const headers = auth.challengeHeaders();
      expect(headers.map((h) => parseDigestChallenge(h.value)?.algorithm)).toEqual(["SHA-256", "MD5"]);
      for (const h of headers)
        expect(await auth.verify(register(answer(h.value)))).toEqual({ ok: true, username: "1001" });
    });

    it("answers an expired nonce with a correct password as stale, and a forged nonce as bad", async () => {
      const [header] = auth.challengeHeaders();
      clock.advance(61_000);
      const stale = await auth.verify(register(answer(header?.value ?? "")));
      expect(stale).toMatchObject({ ok: false, reason: "stale", status: 401 });
      expect(!stale.ok && stale.headers[0]?.value).toContain("stale=true");
      const forged = (header?.value ?? "").replace(/nonce="[^"]+"/, 'nonce="12345.forgedsignature000000"');
      expect(await auth.verify(register(answer(forged)))).toMatchObject({ ok: false, reason: "bad_nonce" });
    });

    it("refuses missing, malformed and wrong credentials with a fresh challenge", async () => {
      const [header] = auth.challengeHeaders();
      expect(await auth.verify(register())).toMatchObject({ ok: false, reason: "missing" });
      expect(await auth.verify(register("Digest nonsense"))).toMatchObject({
        ok: false,
        reason: "malformed",
      });
      expect(await auth.verify(register(answer(header?.value ?? "", "nope")))).toMatchObject({
        ok: false,
        reason: "wrong_password",
      });
    });
  });
});
