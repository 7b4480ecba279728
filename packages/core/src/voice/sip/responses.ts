/** Building responses to requests (RFC 3261 §8.2.6): Via, From, To, Call-ID and CSeq copied, a To tag added. */
import { tagOf } from "./headers.js";
import type { SipHeader, SipRequest, SipResponse } from "./message.js";
import { parseNameAddr } from "./uri.js";

const REASONS: Readonly<Record<number, string>> = {
  100: "Trying",
  180: "Ringing",
  181: "Call Is Being Forwarded",
  182: "Queued",
  183: "Session Progress",
  200: "OK",
  202: "Accepted",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  407: "Proxy Authentication Required",
  408: "Request Timeout",
  413: "Request Entity Too Large",
  415: "Unsupported Media Type",
  420: "Bad Extension",
  423: "Interval Too Brief",
  480: "Temporarily Unavailable",
  481: "Call/Transaction Does Not Exist",
  482: "Loop Detected",
  483: "Too Many Hops",
  486: "Busy Here",
  487: "Request Terminated",
  488: "Not Acceptable Here",
  500: "Server Internal Error",
  501: "Not Implemented",
  503: "Service Unavailable",
  504: "Server Time-out",
  603: "Decline",
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? (status < 200 ? "Provisional" : status < 300 ? "OK" : "Error");
}

export interface ResponseOptions {
  readonly reason?: string;
  /** Added to To when the request's To has no tag (dialog-creating or out-of-dialog answers; not for 100). */
  readonly toTag?: string;
  readonly headers?: readonly SipHeader[];
  readonly body?: string;
}

/** A response to `request` from its raw headers (works for a request that failed full parsing too). */
export function createResponse(
  request: Pick<SipRequest, "headers">,
  status: number,
  options: ResponseOptions = {},
): SipResponse {
  const copied: SipHeader[] = [];
  for (const header of request.headers) {
    if (
      header.name === "Via" ||
      header.name === "From" ||
      header.name === "Call-ID" ||
      header.name === "CSeq"
    ) {
      copied.push(header);
    } else if (header.name === "To") {
      const addr = parseNameAddr(header.value);
      const needsTag =
        status !== 100 && options.toTag !== undefined && addr !== undefined && tagOf(addr) === undefined;
      copied.push(needsTag ? { name: "To", value: `${header.value};tag=${options.toTag}` } : header);
    } else if (header.name === "Record-Route" && status > 100 && status < 300) {
      copied.push(header);
    }
  }
  return {
    kind: "response",
    status,
    reason: options.reason ?? reasonPhrase(status),
    headers: [...copied, ...(options.headers ?? [])],
    body: options.body ?? "",
  };
}

/** True when the headers needed to answer (Via, From, To, Call-ID, CSeq) are all present. */
export function canAnswer(request: Pick<SipRequest, "headers">): boolean {
  const names = new Set(request.headers.map((h) => h.name));
  return ["Via", "From", "To", "Call-ID", "CSeq"].every((name) => names.has(name));
}
