/** Typed views of the headers every transaction and dialog needs (RFC 3261 §8.1.1, §20). */
import { headerValue, headerValues, type SipMessage } from "./message.js";
import {
  formatParams,
  type NameAddr,
  paramValue,
  parseHostPort,
  parseNameAddr,
  parseParams,
  type SipParams,
} from "./uri.js";

export type SipTransportName = "UDP" | "TCP" | "TLS" | "WS" | "WSS" | "SCTP";

export interface Via {
  readonly transport: string;
  readonly host: string;
  readonly port?: number;
  readonly params: SipParams;
}

export interface CSeq {
  readonly seq: number;
  readonly method: string;
}

/** The headers without which a message cannot be matched to a transaction or answered. */
export interface SipEssentials {
  readonly vias: readonly Via[];
  readonly from: NameAddr;
  readonly to: NameAddr;
  readonly callId: string;
  readonly cseq: CSeq;
  readonly maxForwards?: number;
}

export type EssentialsResult =
  | { readonly ok: true; readonly essentials: SipEssentials }
  | { readonly ok: false; readonly header: string; readonly message: string };

export const MAGIC_COOKIE = "z9hG4bK";

export function parseVia(text: string): Via | undefined {
  const m = /^SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z]+)\s+([^;\s]+)\s*(;.*)?$/i.exec(text.trim());
  if (!m) return undefined;
  const hp = parseHostPort(m[2] as string);
  if (!hp) return undefined;
  const params = parseParams(m[3] ?? "");
  if (params === undefined) return undefined;
  return {
    transport: (m[1] as string).toUpperCase(),
    host: hp.host,
    ...(hp.port ? { port: hp.port } : {}),
    params,
  };
}

export function formatVia(via: Via): string {
  const port = via.port === undefined ? "" : `:${via.port}`;
  return `SIP/2.0/${via.transport} ${via.host}${port}${formatParams(via.params)}`;
}

export function viaBranch(via: Via): string | undefined {
  return paramValue(via.params, "branch") ?? undefined;
}

export function parseCSeq(text: string): CSeq | undefined {
  const m = /^(\d{1,10})\s+([A-Za-z0-9\-.!%*_+`'~]+)$/.exec(text.trim());
  if (!m) return undefined;
  const seq = Number(m[1]);
  if (seq > 2 ** 31 - 1) return undefined;
  return { seq, method: m[2] as string };
}

export function formatCSeq(cseq: CSeq): string {
  return `${cseq.seq} ${cseq.method}`;
}

export function tagOf(addr: NameAddr): string | undefined {
  return paramValue(addr.params, "tag") ?? undefined;
}

/** Reads and checks the mandatory headers; a request also needs a sane Max-Forwards when present. */
export function readEssentials(message: SipMessage): EssentialsResult {
  const fail = (header: string, message: string) => ({ ok: false as const, header, message });
  const viaTexts = headerValues(message, "Via");
  if (viaTexts.length === 0) return fail("Via", "Missing Via header.");
  const vias: Via[] = [];
  for (const text of viaTexts) {
    const via = parseVia(text);
    if (!via) return fail("Via", "Malformed Via header.");
    vias.push(via);
  }
  const fromText = headerValue(message, "From");
  const from = fromText === undefined ? undefined : parseNameAddr(fromText);
  if (!from) return fail("From", fromText === undefined ? "Missing From header." : "Malformed From header.");
  const toText = headerValue(message, "To");
  const to = toText === undefined ? undefined : parseNameAddr(toText);
  if (!to) return fail("To", toText === undefined ? "Missing To header." : "Malformed To header.");
  const callId = headerValue(message, "Call-ID")?.trim();
  if (!callId || /\s/.test(callId)) return fail("Call-ID", "Missing or malformed Call-ID header.");
  const cseqText = headerValue(message, "CSeq");
  const cseq = cseqText === undefined ? undefined : parseCSeq(cseqText);
  if (!cseq) return fail("CSeq", "Missing or malformed CSeq header.");
  if (message.kind === "request" && cseq.method !== message.method) {
    return fail("CSeq", "CSeq method does not match the request method.");
  }
  const mfText = headerValue(message, "Max-Forwards");
  let maxForwards: number | undefined;
  if (mfText !== undefined) {
    if (!/^\d{1,3}$/.test(mfText.trim())) return fail("Max-Forwards", "Malformed Max-Forwards header.");
    maxForwards = Number(mfText.trim());
    if (maxForwards > 255) return fail("Max-Forwards", "Max-Forwards above 255.");
  }
  return {
    ok: true,
    essentials: { vias, from, to, callId, cseq, ...(maxForwards !== undefined ? { maxForwards } : {}) },
  };
}
