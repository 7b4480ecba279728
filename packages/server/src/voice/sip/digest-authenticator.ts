/**
 * Server-side digest authentication for REGISTER and INVITE (RFC 3261 §22, RFC 8760): challenges with
 * SHA-256 and MD5, verifies with a credential lookup callback. Nonces are stateless — a timestamp signed with
 * HMAC — and expire; an expired nonce with a correct password is answered `stale=true` so phones retry quietly.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import {
  type Clock,
  type DigestAlgorithm,
  type DigestHash,
  digestResponse,
  formatDigestChallenge,
  parseDigestCredentials,
  type SipHeader,
  type SipRequest,
  systemClock,
} from "@sentra/core";

export const nodeDigestHash: DigestHash = (algorithm, input) =>
  createHash(algorithm === "MD5" ? "md5" : "sha256")
    .update(input, "latin1")
    .digest("hex");

/** Finds the password of a SIP user in a realm; undefined when the user does not exist. */
export type SipCredentialLookup = (
  username: string,
  realm: string,
) => Promise<{ password: string } | undefined>;

export interface SipDigestAuthenticatorOptions {
  readonly realm: string;
  readonly lookup: SipCredentialLookup;
  /** Offered algorithms, preferred first (default SHA-256 then MD5). */
  readonly algorithms?: readonly DigestAlgorithm[];
  readonly nonceTtlMs?: number;
  readonly clock?: Clock;
  /** Use 407/Proxy-Authenticate instead of 401/WWW-Authenticate. */
  readonly proxy?: boolean;
}

export type DigestVerdict =
  | { readonly ok: true; readonly username: string }
  | {
      readonly ok: false;
      readonly reason:
        | "missing"
        | "malformed"
        | "wrong_realm"
        | "stale"
        | "bad_nonce"
        | "unknown_user"
        | "wrong_password";
      /** 401 or 407 */
      readonly status: number;
      /** The challenge headers to put on that response. */
      readonly headers: readonly SipHeader[];
    };

export class SipDigestAuthenticator {
  readonly #options: SipDigestAuthenticatorOptions;
  readonly #secret = randomBytes(32);
  readonly #clock: Clock;

  constructor(options: SipDigestAuthenticatorOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
  }

  get status(): number {
    return this.#options.proxy ? 407 : 401;
  }

  #nonce(): string {
    const at = this.#clock.now().toString(36);
    const sig = createHmac("sha256", this.#secret).update(at).digest("base64url").slice(0, 22);
    return `${at}.${sig}`;
  }

  #nonceState(nonce: string): "fresh" | "stale" | "bad" {
    const [at, sig] = nonce.split(".");
    if (!at || !sig) return "bad";
    const expected = createHmac("sha256", this.#secret).update(at).digest("base64url").slice(0, 22);
    if (expected.length !== sig.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(sig)))
      return "bad";
    const age = this.#clock.now() - Number.parseInt(at, 36);
    return age >= 0 && age <= (this.#options.nonceTtlMs ?? 300_000) ? "fresh" : "stale";
  }

  /** The challenge headers, one per algorithm (SHA-256 first, RFC 8760 §2.4). */
  challengeHeaders(stale = false): SipHeader[] {
    const name = this.#options.proxy ? "Proxy-Authenticate" : "WWW-Authenticate";
    const nonce = this.#nonce();
    return (this.#options.algorithms ?? ["SHA-256", "MD5"]).map((algorithm) => ({
      name,
      value: formatDigestChallenge({
        realm: this.#options.realm,
        nonce,
        algorithm,
        qop: "auth",
        ...(stale ? { stale } : {}),
      }),
    }));
  }

  async verify(request: SipRequest): Promise<DigestVerdict> {
    const fail = (reason: Exclude<DigestVerdict, { ok: true }>["reason"], stale = false): DigestVerdict => ({
      ok: false,
      reason,
      status: this.status,
      headers: this.challengeHeaders(stale),
    });
    const name = this.#options.proxy ? "Proxy-Authorization" : "Authorization";
    const values = request.headers.filter((h) => h.name === name).map((h) => h.value);
    if (values.length === 0) return fail("missing");
    const ours = values.map((v) => parseDigestCredentials(v)).find((c) => c?.realm === this.#options.realm);
    if (!ours) return fail(values.some((v) => parseDigestCredentials(v)) ? "wrong_realm" : "malformed");
    if (!(this.#options.algorithms ?? ["SHA-256", "MD5"]).includes(ours.algorithm)) return fail("malformed");
    const nonce = this.#nonceState(ours.nonce);
    if (nonce === "bad") return fail("bad_nonce");
    const user = await this.#options.lookup(ours.username, this.#options.realm);
    if (!user) return fail("unknown_user");
    const expected = digestResponse(
      {
        algorithm: ours.algorithm,
        username: ours.username,
        realm: ours.realm,
        password: user.password,
        method: request.method,
        uri: ours.uri,
        nonce: ours.nonce,
        ...(ours.qop ? { qop: ours.qop, nc: ours.nc, cnonce: ours.cnonce } : {}),
      },
      nodeDigestHash,
    );
    const a = Buffer.from(expected);
    const b = Buffer.from(ours.response);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return fail("wrong_password");
    if (nonce === "stale") return fail("stale", true);
    return { ok: true, username: ours.username };
  }
}

/** All challenge header values of a 401/407, for a client answering them (never comma-split: digests contain commas). */
export function challengesOf(response: { headers: readonly SipHeader[] }): string[] {
  return response.headers
    .filter((h) => h.name === "WWW-Authenticate" || h.name === "Proxy-Authenticate")
    .map((h) => h.value);
}
