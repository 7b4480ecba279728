/** The user agent's public vocabulary: options, incoming requests, outcomes, and new-request building. */
import { randomBytes } from "node:crypto";
import type {
  SipDialog,
  SipEssentials,
  SipHeader,
  SipRequest,
  SipResponse,
  SipTimerValues,
} from "@sentra/core";
import type { Logger } from "pino";
import type { SipPeer, SipTransportKind } from "./transport.js";

export const SIP_ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO";

export const token = (bytes = 8): string => randomBytes(bytes).toString("hex");

export interface SipUserAgentOptions {
  readonly host?: string;
  /** UDP port to bind (0 = any free one); omit to run without UDP. */
  readonly udpPort?: number;
  readonly tcpPort?: number;
  readonly logger: Logger;
  readonly timers?: SipTimerValues;
  readonly maxMessageBytes?: number;
  readonly serverName?: string;
  /** Per-source INVITE limit; default 20/s with a burst of 40. */
  readonly inviteRateLimit?: { readonly ratePerSecond: number; readonly burst: number };
  readonly onRequest: (incoming: IncomingSipRequest) => void | Promise<void>;
  readonly onDialogEvent?: (event: SipDialogEvent) => void;
}

export type SipDialogEvent =
  | { readonly kind: "confirmed" | "terminated"; readonly dialog: SipDialog }
  /** No ACK came for our 2xx within 64*T1; the UA sent BYE. */
  | { readonly kind: "ack_timeout"; readonly dialog: SipDialog };

export interface RespondOptions {
  readonly reason?: string;
  readonly headers?: readonly SipHeader[];
  readonly body?: string;
}

export interface IncomingSipRequest {
  readonly request: SipRequest;
  readonly essentials: SipEssentials;
  readonly peer: SipPeer;
  /** The dialog this request belongs to, for in-dialog requests. */
  readonly dialog?: SipDialog;
  /** True once a CANCEL ended this INVITE (the UA already answered 487). */
  readonly cancelled: boolean;
  /** Answers the request; a 2xx to INVITE creates the dialog and is retransmitted until the ACK. */
  respond(status: number, options?: RespondOptions): SipResponse;
}

export type SipRequestOutcome =
  | { readonly ok: true; readonly response: SipResponse; readonly dialog?: SipDialog }
  | { readonly ok: false; readonly reason: "timeout" | "transport_error" | "no_route" | "not_pending" };

export interface OutgoingSipRequest {
  /** The request as sent (with our Via); absent when it could not be sent. */
  readonly sent?: SipRequest;
  readonly outcome: Promise<SipRequestOutcome>;
  /** CANCELs a pending INVITE; resolves with the CANCEL's own final response. */
  cancel(): Promise<SipRequestOutcome>;
}

/** The CANCEL for a sent INVITE (§9.1): same Request-URI, top Via, Route, From, To, Call-ID and CSeq number. */
export function cancelFor(invite: SipRequest): SipRequest {
  const keep = new Set(["Via", "Route", "From", "To", "Call-ID"]);
  const seq = (invite.headers.find((h) => h.name === "CSeq")?.value ?? "1").trim().split(/\s+/)[0];
  const topVia = invite.headers.find((h) => h.name === "Via");
  return {
    kind: "request",
    method: "CANCEL",
    uri: invite.uri,
    headers: [
      ...(topVia ? [topVia] : []),
      { name: "Max-Forwards", value: "70" },
      ...invite.headers.filter((h) => keep.has(h.name) && h.name !== "Via"),
      { name: "CSeq", value: `${seq} CANCEL` },
    ],
    body: "",
  };
}

export interface NewRequestSpec {
  readonly method: string;
  readonly uri: string;
  /** From and To as bare URIs (`sip:1001@sentra.test`). */
  readonly from: string;
  readonly to: string;
  readonly headers?: readonly SipHeader[];
  readonly body?: string;
  readonly transport?: SipTransportKind;
}

export function buildNewRequest(spec: NewRequestSpec, contact: string): SipRequest {
  return {
    kind: "request",
    method: spec.method,
    uri: spec.uri,
    headers: [
      { name: "Max-Forwards", value: "70" },
      { name: "From", value: `<${spec.from}>;tag=${token()}` },
      { name: "To", value: `<${spec.to}>` },
      { name: "Call-ID", value: `${token(12)}@sentra` },
      { name: "CSeq", value: `1 ${spec.method}` },
      { name: "Contact", value: contact },
      ...(spec.headers ?? []),
    ],
    body: spec.body ?? "",
  };
}
