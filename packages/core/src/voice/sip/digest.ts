/**
 * HTTP Digest for SIP (RFC 3261 §22.4, RFC 7616 for SHA-256 in HTTP, RFC 8760 for SIP): parse and format
 * WWW-Authenticate / Authorization values and compute the `response`. The hash is injected because the core
 * does no I/O: the server passes one built on node:crypto.
 */
export type DigestAlgorithm = "MD5" | "SHA-256";

/** Hex digest (lower case) of a byte string with the named algorithm. */
export type DigestHash = (algorithm: DigestAlgorithm, input: string) => string;

export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly algorithm: DigestAlgorithm;
  readonly qop?: "auth";
  readonly opaque?: string;
  readonly stale?: boolean;
}

export interface DigestCredentials {
  readonly username: string;
  readonly realm: string;
  readonly nonce: string;
  readonly uri: string;
  readonly response: string;
  readonly algorithm: DigestAlgorithm;
  readonly qop?: "auth";
  readonly nc?: string;
  readonly cnonce?: string;
  readonly opaque?: string;
}

/** Parses `Digest a="b", c=d` into lower-cased keys; undefined when it is not a Digest value. */
export function parseDigestParams(value: string): Map<string, string> | undefined {
  const m = /^\s*Digest\s+(.*)$/is.exec(value);
  if (!m) return undefined;
  const params = new Map<string, string>();
  const re = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s"]*))\s*(?:,|$)/gy;
  const rest = m[1] as string;
  let last = 0;
  for (let match = re.exec(rest); match; match = re.exec(rest)) {
    params.set(
      (match[1] as string).toLowerCase(),
      match[2] !== undefined ? match[2].replace(/\\(.)/g, "$1") : (match[3] as string),
    );
    last = re.lastIndex;
    if (last >= rest.length) break;
  }
  if (rest.slice(last).trim() !== "") return undefined;
  return params;
}

function parseAlgorithm(text: string | undefined): DigestAlgorithm | undefined {
  if (text === undefined || text.toUpperCase() === "MD5") return "MD5";
  if (text.toUpperCase() === "SHA-256") return "SHA-256";
  return undefined;
}

function parseQop(text: string | undefined): "auth" | undefined | null {
  if (text === undefined) return undefined;
  return text.split(",").some((q) => q.trim().toLowerCase() === "auth") ? "auth" : null;
}

export function parseDigestChallenge(value: string): DigestChallenge | undefined {
  const p = parseDigestParams(value);
  const realm = p?.get("realm");
  const nonce = p?.get("nonce");
  const algorithm = parseAlgorithm(p?.get("algorithm"));
  const qop = parseQop(p?.get("qop"));
  if (!p || realm === undefined || !nonce || !algorithm || qop === null) return undefined;
  const opaque = p.get("opaque");
  return {
    realm,
    nonce,
    algorithm,
    ...(qop ? { qop } : {}),
    ...(opaque !== undefined ? { opaque } : {}),
    ...(p.get("stale")?.toLowerCase() === "true" ? { stale: true } : {}),
  };
}

export function formatDigestChallenge(c: DigestChallenge): string {
  const parts = [`realm="${c.realm}"`, `nonce="${c.nonce}"`, `algorithm=${c.algorithm}`];
  if (c.qop) parts.push(`qop="${c.qop}"`);
  if (c.opaque !== undefined) parts.push(`opaque="${c.opaque}"`);
  if (c.stale) parts.push("stale=true");
  return `Digest ${parts.join(", ")}`;
}

export function parseDigestCredentials(value: string): DigestCredentials | undefined {
  const p = parseDigestParams(value);
  if (!p) return undefined;
  const username = p.get("username");
  const realm = p.get("realm");
  const nonce = p.get("nonce");
  const uri = p.get("uri");
  const response = p.get("response");
  const algorithm = parseAlgorithm(p.get("algorithm"));
  const qop = parseQop(p.get("qop"));
  if (
    username === undefined ||
    realm === undefined ||
    !nonce ||
    !uri ||
    !response ||
    !algorithm ||
    qop === null
  ) {
    return undefined;
  }
  const nc = p.get("nc");
  const cnonce = p.get("cnonce");
  if (qop && (!nc || !/^[0-9a-fA-F]{8}$/.test(nc) || !cnonce)) return undefined;
  const opaque = p.get("opaque");
  return {
    username,
    realm,
    nonce,
    uri,
    response: response.toLowerCase(),
    algorithm,
    ...(qop ? { qop, nc, cnonce } : {}),
    ...(opaque !== undefined ? { opaque } : {}),
  };
}

export function formatDigestCredentials(c: DigestCredentials): string {
  const parts = [
    `username="${c.username}"`,
    `realm="${c.realm}"`,
    `nonce="${c.nonce}"`,
    `uri="${c.uri}"`,
    `response="${c.response}"`,
    `algorithm=${c.algorithm}`,
  ];
  if (c.qop) parts.push(`qop=${c.qop}`, `nc=${c.nc}`, `cnonce="${c.cnonce}"`);
  if (c.opaque !== undefined) parts.push(`opaque="${c.opaque}"`);
  return `Digest ${parts.join(", ")}`;
}

export interface DigestInput {
  readonly algorithm: DigestAlgorithm;
  readonly username: string;
  readonly realm: string;
  readonly password: string;
  readonly method: string;
  readonly uri: string;
  readonly nonce: string;
  readonly qop?: "auth";
  readonly nc?: string;
  readonly cnonce?: string;
}

/** The `response` value: H(H(A1):nonce[:nc:cnonce:qop]:H(A2)) with A1 = user:realm:password, A2 = method:uri. */
export function digestResponse(input: DigestInput, hash: DigestHash): string {
  const ha1 = hash(input.algorithm, `${input.username}:${input.realm}:${input.password}`);
  const ha2 = hash(input.algorithm, `${input.method}:${input.uri}`);
  const middle = input.qop ? `${input.nonce}:${input.nc}:${input.cnonce}:${input.qop}` : input.nonce;
  return hash(input.algorithm, `${ha1}:${middle}:${ha2}`);
}

/** Answers a challenge: the Authorization value for a request. */
export function answerDigestChallenge(
  challenge: DigestChallenge,
  request: { method: string; uri: string; username: string; password: string; cnonce: string; nc?: number },
  hash: DigestHash,
): DigestCredentials {
  const nc = (request.nc ?? 1).toString(16).padStart(8, "0");
  const qopPart = challenge.qop ? { qop: challenge.qop, nc, cnonce: request.cnonce } : {};
  const response = digestResponse(
    {
      algorithm: challenge.algorithm,
      username: request.username,
      realm: challenge.realm,
      password: request.password,
      method: request.method,
      uri: request.uri,
      nonce: challenge.nonce,
      ...qopPart,
    },
    hash,
  );
  return {
    username: request.username,
    realm: challenge.realm,
    nonce: challenge.nonce,
    uri: request.uri,
    response,
    algorithm: challenge.algorithm,
    ...qopPart,
    ...(challenge.opaque !== undefined ? { opaque: challenge.opaque } : {}),
  };
}
