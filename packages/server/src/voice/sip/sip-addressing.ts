/** Where SIP messages go: response routing by Via (RFC 3261 §18.2.2, RFC 3581 rport) and request targets by URI. */
import {
  formatVia,
  headerValues,
  paramValue,
  parseNameAddr,
  parseSipUri,
  parseVia,
  type SipEssentials,
  type SipRequest,
  setParam,
} from "@sentra/core";
import type { SipPeer, SipTransportKind } from "./transport.js";

/** Adds `received` (and fills `rport`) on the top Via so the response finds its way back (§18.2.1, RFC 3581). */
export function stampVia(request: SipRequest, peer: SipPeer): SipRequest {
  const index = request.headers.findIndex((h) => h.name === "Via");
  const header = request.headers[index];
  if (!header) return request;
  const values = headerValues({ ...request, headers: [header] }, "Via");
  const top = values[0] === undefined ? undefined : parseVia(values[0]);
  if (!top) return request;
  let params = top.params;
  if (top.host.replace(/^\[|\]$/g, "") !== peer.address) params = setParam(params, "received", peer.address);
  if (paramValue(params, "rport") !== undefined)
    params = setParam(setParam(params, "received", peer.address), "rport", String(peer.port));
  const stamped = [formatVia({ ...top, params }), ...values.slice(1)].join(", ");
  const headers = [...request.headers];
  headers[index] = { name: "Via", value: stamped };
  return { ...request, headers };
}

/** Where to send responses to this request: the connection for TCP, else the Via's received/rport/sent-by. */
export function responsePeer(ess: SipEssentials, source: SipPeer): SipPeer {
  if (source.transport !== "UDP") return source;
  const top = ess.vias[0];
  if (!top) return source;
  const rport = paramValue(top.params, "rport");
  if (rport !== undefined) return source;
  return { transport: "UDP", address: source.address, port: top.port ?? 5060 };
}

/** The next hop for a request to `uri` (first Route when present). Only IP literals: no DNS in the core path. */
export function requestPeer(request: SipRequest, defaultTransport: SipTransportKind): SipPeer | undefined {
  const route = headerValues(request, "Route")[0];
  const hop = route === undefined ? request.uri : parseNameAddr(route)?.uri;
  const uri = hop === undefined ? undefined : parseSipUri(hop);
  if (!uri) return undefined;
  const transportParam = paramValue(uri.params, "transport")?.toUpperCase();
  const transport: SipTransportKind =
    transportParam === "TCP" ? "TCP" : transportParam === "UDP" ? "UDP" : defaultTransport;
  return { transport, address: uri.host.replace(/^\[|\]$/g, ""), port: uri.port ?? 5060 };
}
