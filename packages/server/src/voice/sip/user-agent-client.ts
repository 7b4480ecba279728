/** The UAC half of the user agent: client requests, CANCEL, the ACK for 2xx and the caller's dialog. */
import {
  createInDialogRequest,
  createUacDialog,
  type SipDialog,
  type SipRequest,
  type SipResponse,
} from "@sentra/core";
import type { OkRetransmitter } from "./ok-retransmitter.js";
import { requestPeer } from "./sip-addressing.js";
import {
  cancelFor,
  type OutgoingSipRequest,
  type SipDialogEvent,
  type SipRequestOutcome,
  token,
} from "./sip-requests.js";
import type { TransactionLayer } from "./transaction-layer.js";
import type { SipPeer, SipTransport, SipTransportKind } from "./transport.js";

/** What the user agent keeps per dialog. */
export interface DialogRecord {
  dialog: SipDialog;
  peer: SipPeer;
  ok?: OkRetransmitter;
  /** Our 2xx to the dialog-creating INVITE, re-sent when that INVITE is retransmitted. */
  okResponse?: SipResponse;
  /** Our 2xx went out and its ACK has not come yet. */
  awaitingAck?: boolean;
  /** Our ACK for the peer's 2xx, re-sent when that 2xx is retransmitted. */
  ack?: SipRequest;
}

/** The parts of the user agent the client side uses. */
export interface UacContext {
  readonly layer: TransactionLayer;
  transport(kind: SipTransportKind): SipTransport | undefined;
  defaultTransport(): SipTransportKind;
  isClosed(): boolean;
  keepDialog(record: DialogRecord): void;
  onDialogEvent(event: SipDialogEvent): void;
}

export function startClientRequest(
  ctx: UacContext,
  request: SipRequest,
  options: { peer?: SipPeer; onProvisional?: (r: SipResponse) => void } = {},
): OutgoingSipRequest {
  const peer = options.peer ?? requestPeer(request, ctx.defaultTransport());
  const transport = peer && ctx.transport(peer.transport);
  if (!peer || !transport || ctx.isClosed()) {
    const none = Promise.resolve<SipRequestOutcome>({ ok: false, reason: "no_route" });
    return { outcome: none, cancel: () => none };
  }
  const branch = `z9hG4bK${token()}`;
  const { address, port } = transport.local;
  const host = address.includes(":") ? `[${address}]` : address;
  const via = { name: "Via", value: `SIP/2.0/${peer.transport} ${host}:${port};branch=${branch};rport` };
  const sent: SipRequest = {
    ...request,
    headers: [via, ...request.headers.filter((h) => h.name !== "Via")],
  };
  let state: "calling" | "proceeding" | "done" = "calling";
  let pendingCancel: (() => void) | undefined;
  const outcome = new Promise<SipRequestOutcome>((resolve) => {
    ctx.layer.startClient(sent, branch, peer, {
      onResponse: (response) => {
        if (response.status < 200) {
          if (state === "calling") state = "proceeding";
          pendingCancel?.();
          pendingCancel = undefined;
          options.onProvisional?.(response);
          return;
        }
        state = "done";
        if (sent.method === "INVITE" && response.status < 300) {
          resolve({ ok: true, response, ...acceptUacAnswer(ctx, sent, response, peer) });
          return;
        }
        resolve({ ok: true, response });
      },
      onError: (reason) => {
        state = "done";
        resolve({ ok: false, reason });
      },
    });
  });
  const cancel = (): Promise<SipRequestOutcome> => {
    if (sent.method !== "INVITE" || state === "done")
      return Promise.resolve({ ok: false, reason: "not_pending" });
    const cancelRequest = cancelFor(sent);
    const send = () =>
      new Promise<SipRequestOutcome>((resolve) =>
        ctx.layer.startClient(cancelRequest, branch, peer, {
          onResponse: (response) => {
            if (response.status >= 200) resolve({ ok: true, response });
          },
          onError: (reason) => resolve({ ok: false, reason }),
        }),
      );
    if (state === "proceeding") return send();
    return new Promise((resolve) => {
      pendingCancel = () => void send().then(resolve);
    });
  };
  return { sent, outcome, cancel };
}
function acceptUacAnswer(
  ctx: UacContext,
  invite: SipRequest,
  response: SipResponse,
  peer: SipPeer,
): { dialog?: SipDialog } {
  const dialog = createUacDialog(invite, response);
  if (!dialog) return {};
  const seq = Number((invite.headers.find((h) => h.name === "CSeq")?.value ?? "1").split(" ")[0]);
  const transport = ctx.transport(peer.transport);
  const local = transport?.local;
  const ackVia = `SIP/2.0/${peer.transport} ${local?.address}:${local?.port};branch=z9hG4bK${token()};rport`;
  const { request: ack } = createInDialogRequest(dialog, "ACK", {
    via: ackVia,
    cseq: { seq, method: "ACK" },
  });
  const target = requestPeer(ack, peer.transport) ?? peer;
  const record: DialogRecord = { dialog, peer: target, ack };
  ctx.keepDialog(record);
  ctx.layer.sendStateless(ack, target);
  ctx.onDialogEvent({ kind: "confirmed", dialog });
  return { dialog };
}
