/**
 * The UAS core's retransmission of a 2xx to INVITE until the ACK arrives (RFC 3261 §13.3.1.4): first after T1,
 * doubling up to T2 (the Timer G schedule), abandoned after 64*T1 (the Timer H span) — then the session
 * should be ended with a BYE. Pure: the server arms the timers it returns.
 */
import type { SipResponse } from "./message.js";
import { DEFAULT_SIP_TIMERS, type SipTimerValues } from "./transaction-types.js";

export interface OkRetransmission {
  readonly response: SipResponse;
  readonly timers: SipTimerValues;
  readonly interval: number;
  readonly elapsed: number;
  readonly state: "waiting_ack" | "acked" | "gave_up";
}

export type OkRetransmissionStep =
  | { readonly action: "resend"; readonly next: OkRetransmission; readonly waitMs: number }
  | { readonly action: "give_up"; readonly next: OkRetransmission };

export function startOkRetransmission(response: SipResponse, timers: SipTimerValues = DEFAULT_SIP_TIMERS) {
  const state: OkRetransmission = { response, timers, interval: timers.T1, elapsed: 0, state: "waiting_ack" };
  return { state, waitMs: timers.T1 };
}

/** The retransmit timer fired after `state.interval` ms. */
export function okRetransmissionTimer(state: OkRetransmission): OkRetransmissionStep {
  const elapsed = state.elapsed + state.interval;
  if (elapsed >= 64 * state.timers.T1)
    return { action: "give_up", next: { ...state, elapsed, state: "gave_up" } };
  const interval = Math.min(2 * state.interval, state.timers.T2);
  return {
    action: "resend",
    next: { ...state, elapsed, interval: Math.min(interval, 64 * state.timers.T1 - elapsed) },
    waitMs: Math.min(interval, 64 * state.timers.T1 - elapsed),
  };
}
