/**
 * The SIP message parser (RFC 3261 §7, §25). Input is a byte string (one char per octet). It returns a typed
 * result and never throws: malformed input becomes a `SipParseError` that says whether a 400 can be sent.
 */
import { readEssentials, type SipEssentials } from "./headers.js";
import { canonicalHeaderName, type SipHeader, type SipMessage } from "./message.js";

export type SipParseErrorCode =
  | "empty"
  | "too_large"
  | "bad_start_line"
  | "bad_header"
  | "bad_content_length"
  | "truncated_body"
  | "missing_header";

export interface SipParseError {
  readonly code: SipParseErrorCode;
  readonly message: string;
  /**
   * Present when the input was recognisably a request: its method and raw headers, so the transport can
   * answer 400 (copying Via, From, To, Call-ID, CSeq) when those are usable.
   */
  readonly request?: { readonly method: string; readonly headers: readonly SipHeader[] };
}

export type SipParseResult =
  | { readonly ok: true; readonly message: SipMessage; readonly essentials: SipEssentials }
  | { readonly ok: false; readonly error: SipParseError };

export interface SipParseOptions {
  /** Largest accepted message in octets (default 65,535). */
  readonly maxBytes?: number;
  /** Largest number of header lines (default 256). */
  readonly maxHeaders?: number;
  /**
   * For datagrams the body is whatever follows the headers; Content-Length may only shorten it (§18.3).
   * For streams the framer has already cut the message by Content-Length.
   */
  readonly datagram?: boolean;
}

const METHOD = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const HEADER_NAME = /^[A-Za-z0-9\-.!%*_+`'~]+$/;

export function parseSipMessage(input: string, options: SipParseOptions = {}): SipParseResult {
  const maxBytes = options.maxBytes ?? 65_535;
  const maxHeaders = options.maxHeaders ?? 256;
  const fail = (
    code: SipParseErrorCode,
    message: string,
    request?: SipParseError["request"],
  ): SipParseResult => ({
    ok: false,
    error: { code, message, ...(request ? { request } : {}) },
  });
  if (input.length > maxBytes) return fail("too_large", `Message larger than ${maxBytes} octets.`);
  // Leading CRLFs are keep-alives or stray line ends (§7.5): skip them.
  let start = 0;
  while (start < input.length && (input[start] === "\r" || input[start] === "\n")) start += 1;
  if (start >= input.length) return fail("empty", "Empty message.");
  const crlf2 = input.indexOf("\r\n\r\n", start);
  const lf2 = input.indexOf("\n\n", start);
  let headEnd: number;
  let bodyStart: number;
  if (crlf2 >= 0 && (lf2 < 0 || crlf2 < lf2)) {
    headEnd = crlf2;
    bodyStart = crlf2 + 4;
  } else if (lf2 >= 0) {
    headEnd = lf2;
    bodyStart = lf2 + 2;
  } else {
    headEnd = input.length;
    bodyStart = input.length;
  }
  const lines = input.slice(start, headEnd).split(/\r?\n/);
  const startLine = (lines[0] as string).trim();
  const unfolded: string[] = [];
  for (const line of lines.slice(1)) {
    if ((line.startsWith(" ") || line.startsWith("\t")) && unfolded.length > 0) {
      unfolded[unfolded.length - 1] = `${unfolded[unfolded.length - 1]} ${line.trim()}`;
    } else unfolded.push(line);
  }
  if (unfolded.length > maxHeaders) return fail("too_large", `More than ${maxHeaders} header lines.`);
  const headers: SipHeader[] = [];
  let headerError: string | undefined;
  for (const line of unfolded) {
    const colon = line.indexOf(":");
    const name = colon < 0 ? "" : line.slice(0, colon).trim();
    if (colon < 0 || !HEADER_NAME.test(name)) {
      headerError ??= "Malformed header line.";
      continue;
    }
    headers.push({ name: canonicalHeaderName(name), value: line.slice(colon + 1).trim() });
  }

  const req = /^([^\s]+) ([^\s]+) SIP\/2\.0$/.exec(startLine);
  const res = /^SIP\/2\.0 (\d{3})(?: (.*))?$/.exec(startLine);
  let base:
    | { kind: "request"; method: string; uri: string }
    | { kind: "response"; status: number; reason: string };
  if (req && METHOD.test(req[1] as string)) {
    base = { kind: "request", method: req[1] as string, uri: req[2] as string };
    if (!/^[A-Za-z][A-Za-z0-9+\-.]*:[^\s]+$/.test(base.uri)) {
      return fail("bad_start_line", "Malformed Request-URI.", { method: base.method, headers });
    }
  } else if (res && Number(res[1]) >= 100 && Number(res[1]) <= 699) {
    base = { kind: "response", status: Number(res[1]), reason: (res[2] ?? "").trim() };
  } else {
    return fail("bad_start_line", "Malformed start line.");
  }
  const asRequest = base.kind === "request" ? { method: base.method, headers } : undefined;
  if (headerError) return fail("bad_header", headerError, asRequest);

  const lengths = headers.filter((h) => h.name === "Content-Length");
  const available = input.length - bodyStart;
  let bodyLength = available;
  if (lengths.length > 1 && new Set(lengths.map((h) => h.value)).size > 1) {
    return fail("bad_content_length", "Conflicting Content-Length headers.", asRequest);
  }
  const lengthHeader = lengths[0];
  if (lengthHeader !== undefined) {
    if (!/^\d{1,9}$/.test(lengthHeader.value))
      return fail("bad_content_length", "Malformed Content-Length.", asRequest);
    bodyLength = Number(lengthHeader.value);
    if (bodyLength > available) return fail("truncated_body", "Body shorter than Content-Length.", asRequest);
  } else if (!options.datagram && available > 0) {
    return fail("bad_content_length", "Content-Length is required on a stream.", asRequest);
  }
  const message: SipMessage = {
    ...base,
    headers: headers.filter((h) => h.name !== "Content-Length"),
    body: input.slice(bodyStart, bodyStart + bodyLength),
  };
  const essentials = readEssentials(message);
  if (!essentials.ok) return fail("missing_header", essentials.message, asRequest);
  return { ok: true, message, essentials: essentials.essentials };
}
