/**
 * A small SIP user agent (UAS and UAC cores, RFC 3261 §8, §12–§15) on the transaction layer: it answers
 * OPTIONS, rate-limits INVITEs per source, answers malformed requests 400, keeps dialogs, retransmits 2xx
 * until the ACK and ACKs 2xx it receives. The application (IVR, registrar, later the B2BUA) sees requests
 * through `onRequest` and sends its own with `sendRequest`.
 */

import { createHash } from "node:crypto";
import {
  canAnswer,
  createInDialogRequest,
  createResponse,
  createUasDialog,
  DEFAULT_SIP_TIMERS,
  dialogKey,
  KeyedTokenBucket,
  parseSipMessage,
  receiveInDialogRequest,
  type SipDialog,
  type SipEssentials,
  type SipHeader,
  type SipRequest,
  type SipResponse,
  type SipTimerValues,
  systemClock,
  tagOf,
} from "@sentra/core";
import { retransmitOk } from "./ok-retransmitter.js";
import { requestPeer, responsePeer, stampVia } from "./sip-addressing.js";
import {
  buildNewRequest,
  type IncomingSipRequest,
  type NewRequestSpec,
  type OutgoingSipRequest,
  type RespondOptions,
  SIP_ALLOW,
  type SipRequestOutcome,
  type SipUserAgentOptions,
  token,
} from "./sip-requests.js";
import { TcpTransport } from "./tcp-transport.js";
import { TransactionLayer } from "./transaction-layer.js";
import { peerKey, type SipPeer, type SipTransport, type SipTransportKind } from "./transport.js";
import { UdpTransport } from "./udp-transport.js";
import { type DialogRecord, startClientRequest, type UacContext } from "./user-agent-client.js";

/** The To tag of every response in one server transaction (stable, so 180, 200 and 487 agree). */
const TAG_SALT = token();
function localTagFor(transactionKey: string): string {
  return createHash("sha256").update(TAG_SALT).update(transactionKey).digest("hex").slice(0, 16);
}

export class SipUserAgent {
  readonly #options: SipUserAgentOptions;
  readonly #transports = new Map<SipTransportKind, SipTransport>();
  readonly #dialogs = new Map<string, DialogRecord>();
  /** Cancelled INVITE transactions, remembered for 64*T1 so the TU can see `cancelled`. */
  readonly #cancelled = new Map<string, NodeJS.Timeout>();
  readonly #limiter: KeyedTokenBucket;
  readonly #timers: SipTimerValues;
  readonly #layer: TransactionLayer;
  readonly #uac: UacContext;
  #closed = false;

  private constructor(options: SipUserAgentOptions) {
    this.#options = options;
    this.#timers = options.timers ?? DEFAULT_SIP_TIMERS;
    this.#limiter = new KeyedTokenBucket(
      options.inviteRateLimit ?? { ratePerSecond: 20, burst: 40 },
      systemClock,
    );
    this.#layer = new TransactionLayer({
      timers: this.#timers,
      logger: options.logger,
      send: (data, peer) => this.#send(data, peer),
    });
    this.#uac = {
      layer: this.#layer,
      transport: (kind) => this.#transports.get(kind),
      defaultTransport: () => (this.#transports.has("UDP") ? "UDP" : "TCP"),
      isClosed: () => this.#closed,
      keepDialog: (record) => void this.#dialogs.set(dialogKey(record.dialog.id), record),
      onDialogEvent: (event) => this.#options.onDialogEvent?.(event),
    };
  }

  static async start(options: SipUserAgentOptions): Promise<SipUserAgent> {
    const ua = new SipUserAgent(options);
    const host = options.host ?? "127.0.0.1";
    const maxBytes = options.maxMessageBytes ?? 65_535;
    const onData = (data: string, peer: SipPeer) => ua.#receive(data, peer);
    if (options.udpPort !== undefined) {
      ua.#transports.set(
        "UDP",
        await UdpTransport.listen({ host, port: options.udpPort, maxBytes, logger: options.logger }, onData),
      );
    }
    if (options.tcpPort !== undefined) {
      ua.#transports.set(
        "TCP",
        await TcpTransport.listen({ host, port: options.tcpPort, maxBytes, logger: options.logger }, onData),
      );
    }
    return ua;
  }

  /** Bound address per transport. */
  local(kind: SipTransportKind): { address: string; port: number } | undefined {
    return this.#transports.get(kind)?.local;
  }

  dialogs(): SipDialog[] {
    return [...this.#dialogs.values()].map((r) => r.dialog);
  }

  /** Live sockets, transactions, timers and dialogs (all 0 after close; tests assert it). */
  openHandles(): { sockets: number; transactions: number; timers: number; dialogs: number } {
    const size = this.#layer.size;
    let sockets = 0;
    for (const t of this.#transports.values()) sockets += t.openHandles();
    const okTimers = [...this.#dialogs.values()].filter((r) => r.ok?.active).length + this.#cancelled.size;
    return {
      sockets,
      transactions: size.clients + size.servers,
      timers: size.timers + okTimers,
      dialogs: this.#dialogs.size,
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#layer.close();
    for (const record of this.#dialogs.values()) record.ok?.stop();
    for (const timer of this.#cancelled.values()) clearTimeout(timer);
    this.#cancelled.clear();
    this.#dialogs.clear();
    await Promise.all([...this.#transports.values()].map((t) => t.close()));
  }

  /** A Contact value for this UA on the given transport. */
  contact(kind: SipTransportKind = "UDP", user = "sentra"): string {
    const local = this.local(kind) ?? this.local("UDP") ?? this.local("TCP");
    const host = local?.address.includes(":") ? `[${local.address}]` : local?.address;
    return `<sip:${user}@${host}:${local?.port}${kind === "TCP" ? ";transport=tcp" : ""}>`;
  }

  /** A new out-of-dialog request with fresh Call-ID, From tag and CSeq 1 (Via is added when sent). */
  newRequest(spec: NewRequestSpec): SipRequest {
    return buildNewRequest(spec, this.contact(spec.transport ?? "UDP"));
  }

  /**
   * Sends a request in a client transaction and resolves with the final response. `peer` defaults to the
   * Request-URI (or first Route). A 2xx to INVITE is ACKed and its dialog kept.
   */
  sendRequest(
    request: SipRequest,
    options: { peer?: SipPeer; onProvisional?: (r: SipResponse) => void } = {},
  ): Promise<SipRequestOutcome> {
    return this.startRequest(request, options).outcome;
  }

  /**
   * Like `sendRequest`, with a handle to CANCEL a pending INVITE (§9.1): the CANCEL goes once a provisional
   * response has arrived, with the INVITE's Via branch; the INVITE then ends with 487 (or its 2xx if it won).
   */
  startRequest(
    request: SipRequest,
    options: { peer?: SipPeer; onProvisional?: (r: SipResponse) => void } = {},
  ): OutgoingSipRequest {
    return startClientRequest(this.#uac, request, options);
  }

  /** Sends a request inside a dialog (BYE, INFO, re-INVITE) to its remote target or first route. */
  sendInDialog(
    dialog: SipDialog,
    method: string,
    extra: { headers?: readonly SipHeader[]; body?: string } = {},
  ): Promise<SipRequestOutcome> {
    const record = this.#dialogs.get(dialogKey(dialog.id));
    if (!record) return Promise.resolve({ ok: false, reason: "no_route" });
    const built = createInDialogRequest(record.dialog, method, {
      via: "",
      contact: this.contact(record.peer.transport),
      ...extra,
    });
    record.dialog = built.dialog;
    const peer = requestPeer(built.request, record.peer.transport) ?? record.peer;
    if (method === "BYE") this.#endDialog(record);
    return this.sendRequest(built.request, { peer });
  }

  #send(data: string, peer: SipPeer): Promise<void> {
    const transport = this.#transports.get(peer.transport);
    if (!transport) return Promise.reject(new Error(`No ${peer.transport} transport`));
    return transport.send(data, peer);
  }

  #receive(data: string, peer: SipPeer): void {
    if (this.#closed) return;
    try {
      this.#dispatch(data, peer);
    } catch (error) {
      this.#options.logger.error({ err: error, peer: peerKey(peer) }, "sip message handling failed");
    }
  }

  #dispatch(data: string, peer: SipPeer): void {
    const parsed = parseSipMessage(data, {
      datagram: peer.transport === "UDP",
      maxBytes: this.#options.maxMessageBytes ?? 65_535,
    });
    if (!parsed.ok) {
      const { error } = parsed;
      if (error.code === "empty") return; // keep-alive
      this.#options.logger.warn(
        { peer: peerKey(peer), code: error.code, reason: error.message },
        "sip malformed message",
      );
      if (error.request && error.request.method !== "ACK" && canAnswer(error.request)) {
        const reason = `Bad Request (${error.message.replace(/[^\x20-\x7e]/g, "")})`;
        this.#layer.sendStateless(createResponse(error.request, 400, { reason, toTag: token() }), peer);
      }
      return;
    }
    const { message, essentials } = parsed;
    if (message.kind === "response") {
      if (!this.#layer.receiveResponse(message, essentials)) this.#strayResponse(message, essentials);
      return;
    }
    const request = stampVia(message, peer);
    if (this.#layer.receiveRequest(request, essentials)) return;
    if (request.method === "ACK") {
      this.#ackFor2xx(essentials);
      return;
    }
    this.#newRequest(request, essentials, responsePeer(essentials, peer));
  }

  #strayResponse(response: SipResponse, ess: SipEssentials): void {
    // A retransmitted 2xx to our INVITE after its transaction ended: ACK it again (§13.2.2.4).
    if (ess.cseq.method !== "INVITE" || response.status < 200 || response.status >= 300) return;
    const key = dialogKey({
      callId: ess.callId,
      localTag: tagOf(ess.from) ?? "",
      remoteTag: tagOf(ess.to) ?? "",
    });
    const record = this.#dialogs.get(key);
    if (record?.ack) this.#layer.sendStateless(record.ack, record.peer);
  }

  #ackFor2xx(ess: SipEssentials): void {
    const key = dialogKey({
      callId: ess.callId,
      localTag: tagOf(ess.to) ?? "",
      remoteTag: tagOf(ess.from) ?? "",
    });
    const record = this.#dialogs.get(key);
    if (!record?.awaitingAck) return;
    record.awaitingAck = false;
    record.ok?.stop();
    record.ok = undefined;
    this.#options.onDialogEvent?.({ kind: "confirmed", dialog: record.dialog });
  }

  #newRequest(request: SipRequest, ess: SipEssentials, peer: SipPeer): void {
    if (request.method === "INVITE" && this.#answeredInvite(ess, peer)) return;
    const trying = request.method === "INVITE" ? createResponse(request, 100) : undefined;
    const tx = this.#layer.startServer(request, ess, peer, trying);
    const toTag = localTagFor(tx.key);
    const answer = (status: number, options: RespondOptions = {}) => {
      const server = this.#options.serverName ?? "Sentra";
      const response = createResponse(request, status, {
        ...options,
        toTag,
        headers: [...(options.headers ?? []), { name: "Server", value: server }],
      });
      tx.respond(response);
      return response;
    };
    if (ess.maxForwards === 0 && request.method !== "OPTIONS") return void answer(483);
    let dialogRecord: DialogRecord | undefined;
    const remoteTag = tagOf(ess.from) ?? "";
    const localTag = tagOf(ess.to);
    if (localTag !== undefined) {
      dialogRecord = this.#dialogs.get(dialogKey({ callId: ess.callId, localTag, remoteTag }));
      if (!dialogRecord) return void answer(481);
      const check = receiveInDialogRequest(dialogRecord.dialog, request);
      if (!check.ok) return void answer(check.status, { reason: check.reason });
      dialogRecord.dialog = check.dialog;
    }
    if (request.method === "CANCEL") return void this.#cancel(request, ess, answer);
    if (request.method === "OPTIONS") {
      return void answer(200, {
        headers: [
          { name: "Allow", value: SIP_ALLOW },
          { name: "Accept", value: "application/sdp" },
        ],
      });
    }
    if (request.method === "INVITE" && !dialogRecord && !this.#limiter.take(peer.address)) {
      this.#options.logger.warn({ peer: peerKey(peer) }, "sip INVITE rate limit exceeded");
      return void answer(503, { headers: [{ name: "Retry-After", value: "5" }] });
    }
    const self = this;
    const incoming: IncomingSipRequest = {
      request,
      essentials: ess,
      peer,
      ...(dialogRecord ? { dialog: dialogRecord.dialog } : {}),
      get cancelled() {
        return self.#cancelled.has(tx.key);
      },
      respond: (status, options = {}) => {
        const withContact =
          request.method === "INVITE" && status > 100 && status < 300
            ? {
                ...options,
                headers: [
                  ...(options.headers ?? []),
                  { name: "Contact", value: this.contact(peer.transport) },
                ],
              }
            : options;
        const response = answer(status, withContact);
        this.#afterResponse(request, response, peer, dialogRecord);
        return response;
      },
    };
    this.#callHandler(incoming).catch((error: unknown) => {
      this.#options.logger.error({ err: error, method: request.method }, "sip request handler failed");
      if (tx.state() === "trying" || tx.state() === "proceeding") answer(500);
    });
  }

  /** Runs the application's handler; a synchronous throw becomes a rejection so the request still gets a 500. */
  async #callHandler(incoming: IncomingSipRequest): Promise<void> {
    await this.#options.onRequest(incoming);
  }

  #cancel(request: SipRequest, ess: SipEssentials, answer: (status: number) => SipResponse): void {
    const invite = this.#layer.findInviteServer(request, ess);
    if (!invite) return void answer(481);
    answer(200);
    if (invite.state() === "proceeding") {
      this.#cancelled.set(
        invite.key,
        setTimeout(() => this.#cancelled.delete(invite.key), 64 * this.#timers.T1),
      );
      const ended = createResponse(invite.request, 487, { toTag: localTagFor(invite.key) });
      invite.respond(ended);
    }
  }

  #afterResponse(
    request: SipRequest,
    response: SipResponse,
    peer: SipPeer,
    record: DialogRecord | undefined,
  ): void {
    if (request.method === "INVITE" && response.status >= 200 && response.status < 300 && !record) {
      const dialog = createUasDialog(request, response);
      if (!dialog) return;
      const created: DialogRecord = { dialog, peer };
      this.#dialogs.set(dialogKey(dialog.id), created);
      this.#retransmitOk(created, response);
    }
    if (request.method === "BYE" && record && response.status >= 200 && response.status < 300)
      this.#endDialog(record);
  }

  /**
   * An INVITE retransmitted after our 2xx ended its transaction (RFC 3261's gap that RFC 6026 closes): send the
   * same 2xx again instead of offering the TU a second call.
   */
  #answeredInvite(ess: SipEssentials, peer: SipPeer): boolean {
    if (tagOf(ess.to) !== undefined) return false;
    const remoteTag = tagOf(ess.from);
    for (const record of this.#dialogs.values()) {
      const { dialog } = record;
      if (dialog.role !== "uas" || dialog.id.callId !== ess.callId || dialog.id.remoteTag !== remoteTag)
        continue;
      if (record.okResponse && dialog.remoteSeq === ess.cseq.seq) {
        this.#layer.sendStateless(record.okResponse, peer);
        return true;
      }
    }
    return false;
  }

  #retransmitOk(record: DialogRecord, response: SipResponse): void {
    record.okResponse = response;
    record.awaitingAck = true;
    // Over TCP the 2xx is carried once; the dialog still waits for the ACK without resending.
    if (record.peer.transport !== "UDP") return;
    record.ok = retransmitOk(
      response,
      this.#timers,
      () => this.#layer.sendStateless(response, record.peer),
      () => {
        record.ok = undefined;
        record.awaitingAck = false;
        this.#options.onDialogEvent?.({ kind: "ack_timeout", dialog: record.dialog });
        void this.sendInDialog(record.dialog, "BYE");
      },
    );
  }

  #endDialog(record: DialogRecord): void {
    record.ok?.stop();
    record.ok = undefined;
    const key = dialogKey(record.dialog.id);
    if (this.#dialogs.get(key) === record) {
      this.#dialogs.delete(key);
      this.#options.onDialogEvent?.({
        kind: "terminated",
        dialog: { ...record.dialog, state: "terminated" },
      });
    }
  }
}

export type {
  IncomingSipRequest,
  NewRequestSpec,
  OutgoingSipRequest,
  RespondOptions,
  SipDialogEvent,
  SipRequestOutcome,
  SipUserAgentOptions,
} from "./sip-requests.js";
export { SIP_ALLOW } from "./sip-requests.js";
