/** INVITE and non-INVITE server transactions (RFC 3261 §17.2.1, §17.2.2) as pure state machines. */
import type { SipRequest, SipResponse } from "./message.js";
import {
  DEFAULT_SIP_TIMERS,
  type ServerTransactionEvent,
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

export interface InviteServerTransaction {
  readonly type: "invite_server";
  readonly state: "proceeding" | "completed" | "confirmed" | "terminated";
  readonly request: SipRequest;
  readonly reliable: boolean;
  readonly timers: SipTimerValues;
  /** The last response sent, re-sent when the INVITE is retransmitted. */
  readonly lastResponse?: SipResponse;
  /** Current Timer G interval (doubles up to T2, §17.2.1). */
  readonly intervalG: number;
}

/**
 * A new INVITE server transaction. `trying` is the 100 Trying to send at once (§17.2.1: the transaction
 * answers 100 itself unless the TU answers within 200 ms; answering at once is always allowed).
 */
export function startInviteServer(
  request: SipRequest,
  trying: SipResponse,
  options: TransactionOptions,
): Step<InviteServerTransaction> {
  const timers = options.timers ?? DEFAULT_SIP_TIMERS;
  return {
    tx: {
      type: "invite_server",
      state: "proceeding",
      request,
      reliable: options.reliable,
      timers,
      lastResponse: trying,
      intervalG: timers.T1,
    },
    commands: [send(trying), toTu(request)],
  };
}

export function stepInviteServer(
  tx: InviteServerTransaction,
  event: ServerTransactionEvent,
): Step<InviteServerTransaction> {
  if (tx.state === "terminated") return { tx, commands: [] };
  const end = (extra: TransactionCommand[]): Step<InviteServerTransaction> => ({
    tx: { ...tx, state: "terminated" },
    commands: [...extra, stop("G"), stop("H"), stop("I"), terminated],
  });
  switch (event.kind) {
    case "transport_error":
      return end([{ kind: "tu_error", reason: "transport_error" }]);
    case "request": {
      if (event.request.method === "ACK") {
        if (tx.state !== "completed") return { tx, commands: [] };
        return {
          tx: { ...tx, state: "confirmed" },
          commands: [stop("G"), stop("H"), start("I", tx.reliable ? 0 : tx.timers.T4)],
        };
      }
      // A retransmitted INVITE: answer with the last response, if any.
      if ((tx.state === "proceeding" || tx.state === "completed") && tx.lastResponse) {
        return { tx, commands: [send(tx.lastResponse)] };
      }
      return { tx, commands: [] };
    }
    case "respond": {
      if (tx.state !== "proceeding") return { tx, commands: [] };
      const response = event.response;
      if (response.status < 200) return { tx: { ...tx, lastResponse: response }, commands: [send(response)] };
      // RFC 3261: a 2xx ends the transaction; the UAS core retransmits it until the ACK (§13.3.1.4).
      if (response.status < 300) return end([send(response)]);
      const commands: TransactionCommand[] = [send(response)];
      if (!tx.reliable) commands.push(start("G", tx.timers.T1));
      commands.push(start("H", 64 * tx.timers.T1));
      return { tx: { ...tx, state: "completed", lastResponse: response, intervalG: tx.timers.T1 }, commands };
    }
    case "timer": {
      if (event.timer === "G" && tx.state === "completed" && tx.lastResponse) {
        const intervalG = Math.min(2 * tx.intervalG, tx.timers.T2);
        return { tx: { ...tx, intervalG }, commands: [send(tx.lastResponse), start("G", intervalG)] };
      }
      if (event.timer === "H" && tx.state === "completed")
        return end([{ kind: "tu_error", reason: "timeout" }]);
      if (event.timer === "I" && tx.state === "confirmed") return end([]);
      return { tx, commands: [] };
    }
  }
}

export interface NonInviteServerTransaction {
  readonly type: "non_invite_server";
  readonly state: "trying" | "proceeding" | "completed" | "terminated";
  readonly request: SipRequest;
  readonly reliable: boolean;
  readonly timers: SipTimerValues;
  readonly lastResponse?: SipResponse;
}

export function startNonInviteServer(
  request: SipRequest,
  options: TransactionOptions,
): Step<NonInviteServerTransaction> {
  return {
    tx: {
      type: "non_invite_server",
      state: "trying",
      request,
      reliable: options.reliable,
      timers: options.timers ?? DEFAULT_SIP_TIMERS,
    },
    commands: [toTu(request)],
  };
}

export function stepNonInviteServer(
  tx: NonInviteServerTransaction,
  event: ServerTransactionEvent,
): Step<NonInviteServerTransaction> {
  if (tx.state === "terminated") return { tx, commands: [] };
  const end = (extra: TransactionCommand[]): Step<NonInviteServerTransaction> => ({
    tx: { ...tx, state: "terminated" },
    commands: [...extra, stop("J"), terminated],
  });
  switch (event.kind) {
    case "transport_error":
      return end([{ kind: "tu_error", reason: "transport_error" }]);
    case "request":
      // Retransmissions are absorbed while trying, answered with the last response afterwards.
      return { tx, commands: tx.state !== "trying" && tx.lastResponse ? [send(tx.lastResponse)] : [] };
    case "respond": {
      if (tx.state === "completed") return { tx, commands: [] };
      const response = event.response;
      if (response.status < 200) {
        return { tx: { ...tx, state: "proceeding", lastResponse: response }, commands: [send(response)] };
      }
      return {
        tx: { ...tx, state: "completed", lastResponse: response },
        commands: [send(response), start("J", tx.reliable ? 0 : 64 * tx.timers.T1)],
      };
    }
    case "timer":
      return event.timer === "J" && tx.state === "completed" ? end([]) : { tx, commands: [] };
  }
}
