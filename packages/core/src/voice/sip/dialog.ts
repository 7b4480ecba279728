/** SIP dialogs (RFC 3261 §12): identity, route set, sequence numbers and in-dialog request construction. */
import { type CSeq, readEssentials, tagOf } from "./headers.js";
import { headerValue, headerValues, type SipHeader, type SipRequest, type SipResponse } from "./message.js";
import { formatNameAddr, type NameAddr, paramValue, parseNameAddr, parseSipUri } from "./uri.js";

export interface SipDialogId {
  readonly callId: string;
  readonly localTag: string;
  readonly remoteTag: string;
}

export interface SipDialog {
  readonly id: SipDialogId;
  readonly state: "early" | "confirmed" | "terminated";
  readonly role: "uac" | "uas";
  readonly localUri: NameAddr;
  readonly remoteUri: NameAddr;
  /** Our last CSeq number; the next request uses localSeq + 1. */
  readonly localSeq: number;
  readonly remoteSeq?: number;
  /** Where in-dialog requests go: the peer's Contact URI. */
  readonly remoteTarget: string;
  /** Record-Route URIs in the order to put in Route headers. */
  readonly routeSet: readonly string[];
  readonly secure: boolean;
}

export function dialogKey(id: SipDialogId): string {
  return `${id.callId}\u0000${id.localTag}\u0000${id.remoteTag}`;
}

function contactUri(message: SipRequest | SipResponse): string | undefined {
  const first = headerValues(message, "Contact")[0];
  return first === undefined ? undefined : parseNameAddr(first)?.uri;
}

function recordRoutes(message: SipRequest | SipResponse): string[] {
  return headerValues(message, "Record-Route").flatMap((value) => {
    const addr = parseNameAddr(value);
    return addr ? [formatNameAddr(addr)] : [];
  });
}

/** The dialog a UAS creates when it answers `request` with `response` (1xx with a To tag, or 2xx). */
export function createUasDialog(request: SipRequest, response: SipResponse): SipDialog | undefined {
  const req = readEssentials(request);
  const res = readEssentials(response);
  const target = contactUri(request);
  if (!req.ok || !res.ok || target === undefined) return undefined;
  const localTag = tagOf(res.essentials.to);
  const remoteTag = tagOf(req.essentials.from);
  if (!localTag || !remoteTag) return undefined;
  return {
    id: { callId: req.essentials.callId, localTag, remoteTag },
    state: response.status < 200 ? "early" : "confirmed",
    role: "uas",
    localUri: res.essentials.to,
    remoteUri: req.essentials.from,
    localSeq: 0,
    remoteSeq: req.essentials.cseq.seq,
    remoteTarget: target,
    routeSet: recordRoutes(request),
    secure: parseSipUri(request.uri)?.scheme === "sips",
  };
}

/** The dialog a UAC creates from a response with a To tag (1xx early, 2xx confirmed); route set reversed. */
export function createUacDialog(request: SipRequest, response: SipResponse): SipDialog | undefined {
  const req = readEssentials(request);
  const res = readEssentials(response);
  const target = contactUri(response);
  if (!req.ok || !res.ok || target === undefined) return undefined;
  const localTag = tagOf(req.essentials.from);
  const remoteTag = tagOf(res.essentials.to);
  if (!localTag || !remoteTag) return undefined;
  return {
    id: { callId: req.essentials.callId, localTag, remoteTag },
    state: response.status < 200 ? "early" : "confirmed",
    role: "uac",
    localUri: req.essentials.from,
    remoteUri: res.essentials.to,
    localSeq: req.essentials.cseq.seq,
    remoteTarget: target,
    routeSet: recordRoutes(response).reverse(),
    secure: parseSipUri(request.uri)?.scheme === "sips",
  };
}

/** A later response in the same dialog (e.g. 200 after 180): confirms it and refreshes target and routes. */
export function updateDialogFromResponse(dialog: SipDialog, response: SipResponse): SipDialog {
  if (dialog.state === "terminated" || response.status < 200 || response.status >= 300) return dialog;
  const target = contactUri(response) ?? dialog.remoteTarget;
  const routeSet =
    dialog.role === "uac" && dialog.state === "early" ? recordRoutes(response).reverse() : dialog.routeSet;
  return { ...dialog, state: "confirmed", remoteTarget: target, routeSet };
}

export type InDialogCheck =
  | { readonly ok: true; readonly dialog: SipDialog }
  | { readonly ok: false; readonly status: 500; readonly reason: string };

/** Checks and records an incoming in-dialog request (§12.2.2): CSeq must rise; INVITE/UPDATE refresh the target. */
export function receiveInDialogRequest(dialog: SipDialog, request: SipRequest): InDialogCheck {
  const ess = readEssentials(request);
  if (!ess.ok) return { ok: false, status: 500, reason: "Malformed in-dialog request" };
  const seq = ess.essentials.cseq.seq;
  if (request.method !== "ACK" && request.method !== "CANCEL") {
    if (dialog.remoteSeq !== undefined && seq <= dialog.remoteSeq) {
      return { ok: false, status: 500, reason: "CSeq out of order" };
    }
  }
  let next: SipDialog =
    request.method === "ACK" || request.method === "CANCEL" ? dialog : { ...dialog, remoteSeq: seq };
  if (request.method === "INVITE" || request.method === "UPDATE") {
    next = { ...next, remoteTarget: contactUri(request) ?? next.remoteTarget };
  }
  if (request.method === "BYE") next = { ...next, state: "terminated" };
  return { ok: true, dialog: next };
}

export interface InDialogRequestOptions {
  /** The Via value for this hop (the transaction layer supplies branch and sent-by). */
  readonly via: string;
  readonly contact?: string;
  readonly headers?: readonly SipHeader[];
  readonly body?: string;
  /** For ACK of a 2xx: reuse the INVITE's CSeq number instead of taking the next one. */
  readonly cseq?: CSeq;
}

/** Builds a request inside the dialog (§12.2.1.1), with loose or strict routing from the route set. */
export function createInDialogRequest(
  dialog: SipDialog,
  method: string,
  options: InDialogRequestOptions,
): { dialog: SipDialog; request: SipRequest } {
  const cseq = options.cseq ?? { seq: dialog.localSeq + 1, method };
  const next = options.cseq ? dialog : { ...dialog, localSeq: cseq.seq };
  let uri = dialog.remoteTarget;
  let routes = [...dialog.routeSet];
  const first = routes[0] === undefined ? undefined : parseNameAddr(routes[0]);
  const firstUri = first ? parseSipUri(first.uri) : undefined;
  if (first && firstUri && paramValue(firstUri.params, "lr") === undefined) {
    uri = first.uri;
    routes = [...routes.slice(1), `<${dialog.remoteTarget}>`];
  }
  const withTag = (addr: NameAddr, tag: string): string =>
    formatNameAddr({
      ...addr,
      params: [...addr.params.filter(([k]) => k.toLowerCase() !== "tag"), ["tag", tag]],
    });
  const headers: SipHeader[] = [
    { name: "Via", value: options.via },
    { name: "Max-Forwards", value: "70" },
    ...routes.map((value) => ({ name: "Route", value })),
    { name: "From", value: withTag(dialog.localUri, dialog.id.localTag) },
    { name: "To", value: withTag(dialog.remoteUri, dialog.id.remoteTag) },
    { name: "Call-ID", value: dialog.id.callId },
    { name: "CSeq", value: `${cseq.seq} ${method}` },
    ...(options.contact ? [{ name: "Contact", value: options.contact }] : []),
    ...(options.headers ?? []),
  ];
  return { dialog: next, request: { kind: "request", method, uri, headers, body: options.body ?? "" } };
}

export function isInDialog(request: SipRequest): boolean {
  const to = headerValue(request, "To");
  const addr = to === undefined ? undefined : parseNameAddr(to);
  return addr !== undefined && tagOf(addr) !== undefined;
}
