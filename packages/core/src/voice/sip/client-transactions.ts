/** INVITE and non-INVITE client transactions (RFC 3261 §17.1.1, §17.1.2) as pure state machines. */
import { headerValue, headerValues, type SipRequest, type SipResponse } from "./message.js";
import {
  type ClientTransactionEvent,
  DEFAULT_SIP_TIMERS,
  type SipTimerValues,
  type Step,
  send,
  start,
  stop,
  type TransactionCommand,
  type TransactionOptions,
  terminated,
  toTu,
} from "./transaction-types.js";

export interface InviteClientTransaction {
  readonly type: "invite_client";
  readonly state: "calling" | "proceeding" | "completed" | "terminated";
  readonly request: SipRequest;
  readonly reliable: boolean;
  readonly timers: SipTimerValues;
  /** Current Timer A interval (doubles on every retransmission, §17.1.1.2). */
  readonly intervalA: number;
  /** The ACK sent for a non-2xx final response, re-sent when that response is retransmitted. */
  readonly ack?: SipRequest;
}

export function startInviteClient(
  request: SipRequest,
  options: TransactionOptions,
): Step<InviteClientTransaction> {
  const timers = options.timers ?? DEFAULT_SIP_TIMERS;
  const tx: InviteClientTransaction = {
    type: "invite_client",
    state: "calling",
    request,
    reliable: options.reliable,
    timers,
    intervalA: timers.T1,
  };
  const commands: TransactionCommand[] = [send(request)];
  if (!options.reliable) commands.push(start("A", timers.T1));
  commands.push(start("B", 64 * timers.T1));
  return { tx, commands };
}

/** The ACK for a non-2xx final response (§17.1.1.3): same Request-URI, Call-ID, From, CSeq number, top Via and Route. */
export function ackForNon2xx(invite: SipRequest, response: SipResponse): SipRequest {
  const pick = (name: string) => invite.headers.filter((h) => h.name === name);
  const topVia = headerValues(invite, "Via")[0] ?? "";
  const cseq = headerValue(invite, "CSeq") ?? "";
  const seq = cseq.trim().split(/\s+/)[0] ?? "1";
  return {
    kind: "request",
    method: "ACK",
    uri: invite.uri,
    headers: [
      { name: "Via", value: topVia },
      ...pick("Max-Forwards"),
      ...pick("Route"),
      ...pick("From"),
      { name: "To", value: headerValue(response, "To") ?? "" },
      ...pick("Call-ID"),
      { name: "CSeq", value: `${seq} ACK` },
    ],
    body: "",
  };
}

export function stepInviteClient(
  tx: InviteClientTransaction,
  event: ClientTransactionEvent,
): Step<InviteClientTransaction> {
  if (tx.state === "terminated") return { tx, commands: [] };
  const end = (extra: TransactionCommand[]): Step<InviteClientTransaction> => ({
    tx: { ...tx, state: "terminated" },
    commands: [...extra, stop("A"), stop("B"), stop("D"), terminated],
  });
  // After a final response the TU already has its answer: a late transport error just ends the transaction.
  if (event.kind === "transport_error") {
    return end(tx.state === "completed" ? [] : [{ kind: "tu_error", reason: "transport_error" }]);
  }
  if (event.kind === "timer") {
    if (event.timer === "A" && tx.state === "calling") {
      const intervalA = tx.intervalA * 2;
      return { tx: { ...tx, intervalA }, commands: [send(tx.request), start("A", intervalA)] };
    }
    if (event.timer === "B" && tx.state === "calling") return end([{ kind: "tu_error", reason: "timeout" }]);
    if (event.timer === "D" && tx.state === "completed") return end([]);
    return { tx, commands: [] };
  }
  const status = event.response.status;
  if (tx.state === "completed") {
    // A retransmitted final response: send the ACK again, do not bother the TU.
    return { tx, commands: status >= 300 && tx.ack ? [send(tx.ack)] : [] };
  }
  if (status < 200) {
    return { tx: { ...tx, state: "proceeding" }, commands: [stop("A"), toTu(event.response)] };
  }
  if (status < 300) return end([toTu(event.response)]);
  const ack = ackForNon2xx(tx.request, event.response);
  return {
    tx: { ...tx, state: "completed", ack },
    commands: [stop("A"), stop("B"), send(ack), toTu(event.response), start("D", tx.reliable ? 0 : 32_000)],
  };
}

export interface NonInviteClientTransaction {
  readonly type: "non_invite_client";
  readonly state: "trying" | "proceeding" | "completed" | "terminated";
  readonly request: SipRequest;
  readonly reliable: boolean;
  readonly timers: SipTimerValues;
  /** Current Timer E interval: doubles up to T2 while trying, T2 once proceeding (§17.1.2.2). */
  readonly intervalE: number;
}

export function startNonInviteClient(
  request: SipRequest,
  options: TransactionOptions,
): Step<NonInviteClientTransaction> {
  const timers = options.timers ?? DEFAULT_SIP_TIMERS;
  const tx: NonInviteClientTransaction = {
    type: "non_invite_client",
    state: "trying",
    request,
    reliable: options.reliable,
    timers,
    intervalE: timers.T1,
  };
  const commands: TransactionCommand[] = [send(request)];
  if (!options.reliable) commands.push(start("E", timers.T1));
  commands.push(start("F", 64 * timers.T1));
  return { tx, commands };
}

export function stepNonInviteClient(
  tx: NonInviteClientTransaction,
  event: ClientTransactionEvent,
): Step<NonInviteClientTransaction> {
  if (tx.state === "terminated") return { tx, commands: [] };
  const end = (extra: TransactionCommand[]): Step<NonInviteClientTransaction> => ({
    tx: { ...tx, state: "terminated" },
    commands: [...extra, stop("E"), stop("F"), stop("K"), terminated],
  });
  // After a final response the TU already has its answer: a late transport error just ends the transaction.
  if (event.kind === "transport_error") {
    return end(tx.state === "completed" ? [] : [{ kind: "tu_error", reason: "transport_error" }]);
  }
  if (event.kind === "timer") {
    const active = tx.state === "trying" || tx.state === "proceeding";
    if (event.timer === "E" && active) {
      const intervalE = tx.state === "trying" ? Math.min(2 * tx.intervalE, tx.timers.T2) : tx.timers.T2;
      return { tx: { ...tx, intervalE }, commands: [send(tx.request), start("E", intervalE)] };
    }
    if (event.timer === "F" && active) return end([{ kind: "tu_error", reason: "timeout" }]);
    if (event.timer === "K" && tx.state === "completed") return end([]);
    return { tx, commands: [] };
  }
  if (tx.state === "completed") return { tx, commands: [] };
  if (event.response.status < 200) {
    return { tx: { ...tx, state: "proceeding" }, commands: [toTu(event.response)] };
  }
  return {
    tx: { ...tx, state: "completed" },
    commands: [stop("E"), stop("F"), toTu(event.response), start("K", tx.reliable ? 0 : tx.timers.T4)],
  };
}
