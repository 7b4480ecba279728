/**
 * SIP URIs (RFC 3261 §19.1) and name-addr / addr-spec header values (§20.10, §25.1). Parsers return
 * `undefined` for input they cannot make sense of; they never throw.
 */

/** `;name=value` parameters in order; a flag parameter (`;lr`, `;rport`) has value `null`. */
export type SipParams = readonly (readonly [string, string | null])[];

export interface SipUri {
  readonly scheme: "sip" | "sips";
  readonly user?: string;
  readonly password?: string;
  /** Host as written; IPv6 references keep their brackets (`[::1]`). */
  readonly host: string;
  readonly port?: number;
  readonly params: SipParams;
  readonly headers: readonly (readonly [string, string])[];
}

export interface NameAddr {
  readonly displayName?: string;
  /** The URI as written (any scheme: sip, sips, tel, …); parse it with `parseSipUri` when needed. */
  readonly uri: string;
  /** Header parameters after the address (`;tag=…`, `;expires=…`). */
  readonly params: SipParams;
}

export function paramValue(params: SipParams, name: string): string | null | undefined {
  const lower = name.toLowerCase();
  const found = params.find(([key]) => key.toLowerCase() === lower);
  return found === undefined ? undefined : found[1];
}

export function setParam(params: SipParams, name: string, value: string | null): SipParams {
  const lower = name.toLowerCase();
  const rest = params.filter(([key]) => key.toLowerCase() !== lower);
  return [...rest, [name, value]];
}

/** Parses `;a=b;c` (the leading `;` optional). Quoted values keep their quotes. */
export function parseParams(text: string): SipParams | undefined {
  const params: [string, string | null][] = [];
  for (const raw of splitOutsideQuotes(text, ";")) {
    const part = raw.trim();
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (!TOKEN.test(name)) return undefined;
    params.push([name, eq < 0 ? null : part.slice(eq + 1).trim()]);
  }
  return params;
}

export function formatParams(params: SipParams): string {
  return params.map(([name, value]) => (value === null ? `;${name}` : `;${name}=${value}`)).join("");
}

const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-.]+)$/;

export function parseSipUri(text: string): SipUri | undefined {
  const match = /^(sips?):(.*)$/i.exec(text.trim());
  if (!match) return undefined;
  const scheme = (match[1] as string).toLowerCase() as "sip" | "sips";
  let rest = match[2] as string;
  const headers: [string, string][] = [];
  const q = rest.indexOf("?");
  if (q >= 0) {
    for (const pair of rest.slice(q + 1).split("&")) {
      if (pair === "") continue;
      const eq = pair.indexOf("=");
      if (eq <= 0) return undefined;
      headers.push([pair.slice(0, eq), pair.slice(eq + 1)]);
    }
    rest = rest.slice(0, q);
  }
  let user: string | undefined;
  let password: string | undefined;
  const at = rest.lastIndexOf("@");
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const colon = userinfo.indexOf(":");
    user = colon < 0 ? userinfo : userinfo.slice(0, colon);
    if (colon >= 0) password = userinfo.slice(colon + 1);
    if (user === "" || /[\s<>"]/.test(userinfo)) return undefined;
  }
  const semi = rest.indexOf(";");
  const hostport = semi < 0 ? rest : rest.slice(0, semi);
  const params = semi < 0 ? [] : parseParams(rest.slice(semi + 1));
  if (params === undefined) return undefined;
  const hp = parseHostPort(hostport);
  if (!hp) return undefined;
  return {
    scheme,
    ...(user !== undefined ? { user } : {}),
    ...(password !== undefined ? { password } : {}),
    host: hp.host,
    ...(hp.port !== undefined ? { port: hp.port } : {}),
    params,
    headers,
  };
}

export function parseHostPort(text: string): { host: string; port?: number } | undefined {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(text.trim());
  if (!m) return undefined;
  const host = m[1] as string;
  if (!HOST.test(host)) return undefined;
  if (m[2] === undefined) return { host };
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  return { host, port };
}

export function formatSipUri(uri: SipUri): string {
  const userinfo =
    uri.user === undefined ? "" : `${uri.user}${uri.password !== undefined ? `:${uri.password}` : ""}@`;
  const port = uri.port === undefined ? "" : `:${uri.port}`;
  const headers =
    uri.headers.length === 0 ? "" : `?${uri.headers.map(([name, value]) => `${name}=${value}`).join("&")}`;
  return `${uri.scheme}:${userinfo}${uri.host}${port}${formatParams(uri.params)}${headers}`;
}

/**
 * Parses a name-addr (`"Alice" <sip:a@x>;tag=1`) or addr-spec (`sip:a@x;tag=1`, where every `;param` belongs
 * to the header, RFC 3261 §20.10). `*` (Contact wildcard) is returned as the URI `*`.
 */
export function parseNameAddr(text: string): NameAddr | undefined {
  const value = text.trim();
  if (value === "") return undefined;
  const lt = indexOutsideQuotes(value, "<");
  if (lt >= 0) {
    const gt = value.indexOf(">", lt);
    if (gt < 0) return undefined;
    const display = parseDisplayName(value.slice(0, lt));
    if (display === null) return undefined;
    const uri = value.slice(lt + 1, gt).trim();
    if (!/^[A-Za-z][A-Za-z0-9+\-.]*:\S+$/.test(uri)) return undefined;
    const after = value.slice(gt + 1).trim();
    if (after !== "" && !after.startsWith(";")) return undefined;
    const params = parseParams(after);
    if (params === undefined) return undefined;
    return { ...(display !== undefined ? { displayName: display } : {}), uri, params };
  }
  const semi = value.indexOf(";");
  const uri = (semi < 0 ? value : value.slice(0, semi)).trim();
  if (uri !== "*" && !/^[A-Za-z][A-Za-z0-9+\-.]*:[^\s,?]+$/.test(uri)) return undefined;
  const params = semi < 0 ? [] : parseParams(value.slice(semi + 1));
  if (params === undefined) return undefined;
  return { uri, params };
}

export function formatNameAddr(addr: NameAddr): string {
  const display = addr.displayName === undefined ? "" : `${quote(addr.displayName)} `;
  return `${display}<${addr.uri}>${formatParams(addr.params)}`;
}

function parseDisplayName(text: string): string | undefined | null {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (trimmed.startsWith('"')) {
    if (!trimmed.endsWith('"') || trimmed.length < 2) return null;
    return trimmed.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return /["<>]/.test(trimmed) ? null : trimmed;
}

function quote(text: string): string {
  return `"${text.replace(/(["\\])/g, "\\$1")}"`;
}

function indexOutsideQuotes(text: string, ch: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted && c === "\\") i += 1;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ch) return i;
  }
  return -1;
}

function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted && c === "\\") {
      current += c + (text[i + 1] ?? "");
      i += 1;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (!quoted && c === sep) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}
