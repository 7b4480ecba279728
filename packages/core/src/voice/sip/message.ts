/**
 * The SIP message model (RFC 3261 §7). Text is a *byte string*: one character per octet (latin1), so
 * `body.length` is the Content-Length and no I/O encoding choices leak into the core. The transport decodes
 * datagrams and streams with `latin1` and encodes replies the same way.
 *
 * Headers keep their order, one entry per header line, with canonical names (compact forms expanded).
 * Content-Length is not kept in `headers`: the serializer always writes it from the body.
 */
export interface SipHeader {
  readonly name: string;
  readonly value: string;
}

export interface SipRequest {
  readonly kind: "request";
  readonly method: string;
  readonly uri: string;
  readonly headers: readonly SipHeader[];
  readonly body: string;
}

export interface SipResponse {
  readonly kind: "response";
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly SipHeader[];
  readonly body: string;
}

export type SipMessage = SipRequest | SipResponse;

/** Compact forms (RFC 3261 §7.3.3, RFC 3265, RFC 3515, RFC 4028). */
const COMPACT: Readonly<Record<string, string>> = {
  i: "Call-ID",
  m: "Contact",
  e: "Content-Encoding",
  l: "Content-Length",
  c: "Content-Type",
  f: "From",
  s: "Subject",
  k: "Supported",
  t: "To",
  v: "Via",
  o: "Event",
  u: "Allow-Events",
  r: "Refer-To",
  b: "Referred-By",
  x: "Session-Expires",
};

const KNOWN = [
  "Accept",
  "Accept-Encoding",
  "Accept-Language",
  "Alert-Info",
  "Allow",
  "Allow-Events",
  "Authorization",
  "Call-ID",
  "Call-Info",
  "Contact",
  "Content-Disposition",
  "Content-Encoding",
  "Content-Language",
  "Content-Length",
  "Content-Type",
  "CSeq",
  "Date",
  "Event",
  "Expires",
  "From",
  "Max-Forwards",
  "Min-Expires",
  "Organization",
  "Proxy-Authenticate",
  "Proxy-Authorization",
  "Proxy-Require",
  "Record-Route",
  "Refer-To",
  "Referred-By",
  "Require",
  "Retry-After",
  "Route",
  "Server",
  "Session-Expires",
  "Subject",
  "Supported",
  "Timestamp",
  "To",
  "Unsupported",
  "User-Agent",
  "Via",
  "Warning",
  "WWW-Authenticate",
];
const CANONICAL = new Map(KNOWN.map((name) => [name.toLowerCase(), name]));

/** The canonical spelling of a header name: compact forms expanded, known names in RFC case, others as given. */
export function canonicalHeaderName(name: string): string {
  const lower = name.toLowerCase();
  return COMPACT[lower] ?? CANONICAL.get(lower) ?? name;
}

/** All values of a header, in order, with comma-separated lists split (for Via, Route, Contact, …). */
export function headerValues(message: SipMessage, name: string): string[] {
  const wanted = canonicalHeaderName(name);
  return message.headers.filter((h) => h.name === wanted).flatMap((h) => splitHeaderList(h.value));
}

/** The first value of a header as written (not split), or undefined. */
export function headerValue(message: SipMessage, name: string): string | undefined {
  const wanted = canonicalHeaderName(name);
  return message.headers.find((h) => h.name === wanted)?.value;
}

/** A copy of the message with every header of that name replaced by the given values (appended last). */
export function withHeader<M extends SipMessage>(message: M, name: string, ...values: string[]): M {
  const canonical = canonicalHeaderName(name);
  const kept = message.headers.filter((h) => h.name !== canonical);
  return { ...message, headers: [...kept, ...values.map((value) => ({ name: canonical, value }))] };
}

/** Splits a comma-separated header list, respecting quoted strings and `<…>` URIs. */
export function splitHeaderList(value: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let angle = false;
  for (let i = 0; i < value.length; i += 1) {
    const ch = value[i] as string;
    if (quoted) {
      current += ch;
      if (ch === "\\" && i + 1 < value.length) {
        current += value[i + 1];
        i += 1;
      } else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === "<") angle = true;
    else if (ch === ">") angle = false;
    else if (ch === "," && !angle) {
      if (current.trim() !== "") parts.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (current.trim() !== "") parts.push(current.trim());
  return parts;
}

/** RFC 3261 byte string of a message; Content-Length is always written from the body. */
export function serializeSipMessage(message: SipMessage): string {
  const start =
    message.kind === "request"
      ? `${message.method} ${message.uri} SIP/2.0`
      : `SIP/2.0 ${message.status} ${message.reason}`;
  const lines = [start];
  for (const header of message.headers) {
    if (header.name === "Content-Length") continue;
    lines.push(`${header.name}: ${header.value}`);
  }
  lines.push(`Content-Length: ${message.body.length}`);
  return `${lines.join("\r\n")}\r\n\r\n${message.body}`;
}
