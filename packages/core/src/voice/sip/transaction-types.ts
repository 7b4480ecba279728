/**
 * Shared vocabulary of the RFC 3261 §17 transaction machines. Each machine is pure: an event goes in, the next
 * state and a list of commands come out. The server's transaction layer runs the commands (send on the
 * transport, arm or stop a real timer, hand a message to the transaction user).
 */
import type { SipMessage, SipRequest, SipResponse } from "./message.js";

/** RFC 3261 §17.1.1.1 timer values in milliseconds. */
export interface SipTimerValues {
  /** RTT estimate (default 500 ms). */
  readonly T1: number;
  /** Longest retransmit interval for non-INVITE requests and INVITE responses (default 4 s). */
  readonly T2: number;
  /** Longest time a message stays in the network (default 5 s). */
  readonly T4: number;
}

export const DEFAULT_SIP_TIMERS: SipTimerValues = { T1: 500, T2: 4000, T4: 5000 };

export type SipTimerName = "A" | "B" | "D" | "E" | "F" | "G" | "H" | "I" | "J" | "K";

export interface TransactionOptions {
  /** Reliable transports (TCP, TLS) do not retransmit and use zero linger timers. */
  readonly reliable: boolean;
  readonly timers?: SipTimerValues;
}

export type TransactionCommand =
  | { readonly kind: "send"; readonly message: SipMessage }
  | { readonly kind: "start_timer"; readonly timer: SipTimerName; readonly ms: number }
  | { readonly kind: "stop_timer"; readonly timer: SipTimerName }
  /** Hand a response (client) or the request / an ACK (server) to the transaction user. */
  | { readonly kind: "to_tu"; readonly message: SipMessage }
  /** The transaction timed out (B, F, H) or the transport failed; tell the TU. */
  | { readonly kind: "tu_error"; readonly reason: "timeout" | "transport_error" }
  | { readonly kind: "terminated" };

export type ClientTransactionEvent =
  | { readonly kind: "response"; readonly response: SipResponse }
  | { readonly kind: "timer"; readonly timer: SipTimerName }
  | { readonly kind: "transport_error" };

export type ServerTransactionEvent =
  /** The request arrived again (a retransmission) or, for INVITE, the ACK for a non-2xx final response. */
  | { readonly kind: "request"; readonly request: SipRequest }
  /** The TU answers. */
  | { readonly kind: "respond"; readonly response: SipResponse }
  | { readonly kind: "timer"; readonly timer: SipTimerName }
  | { readonly kind: "transport_error" };

export interface Step<T> {
  readonly tx: T;
  readonly commands: readonly TransactionCommand[];
}

export const send = (message: SipMessage): TransactionCommand => ({ kind: "send", message });
export const start = (timer: SipTimerName, ms: number): TransactionCommand => ({
  kind: "start_timer",
  timer,
  ms,
});
export const stop = (timer: SipTimerName): TransactionCommand => ({ kind: "stop_timer", timer });
export const toTu = (message: SipMessage): TransactionCommand => ({ kind: "to_tu", message });
export const terminated: TransactionCommand = { kind: "terminated" };
