/**
 * What one replication counted. Contacts are counted in the interval they arrived in (offered, answered,
 * abandoned, waits); agent time is split across the intervals it fell in, inside the day only.
 */
export interface ReplicationTally {
  readonly offered: Float64Array;
  readonly answered: Float64Array;
  readonly answeredWithinThreshold: Float64Array;
  readonly abandoned: Float64Array;
  /** Abandons quicker than the short-abandon threshold (left out of the service-level denominator). */
  readonly shortAbandoned: Float64Array;
  /** Timed out by the queue's maximum wait or turned away by the queue. */
  readonly timedOut: Float64Array;
  /** Sum of waits of answered contacts, ms. */
  readonly answeredWaitMs: Float64Array;
  /** Agent-ms of work held, weighted by the share of capacity in use (a voice call = 1, one of three chats = ⅓). */
  readonly busyMs: Float64Array;
  /** Agent-ms logged in and not on a break. */
  readonly staffedMs: Float64Array;
  /** Per agent group (input order), over the day: answered contacts, busy and staffed agent-ms. */
  readonly groupAnswered: Float64Array;
  readonly groupBusyMs: Float64Array;
  readonly groupStaffedMs: Float64Array;
  /** Contacts still queued or ringing when the run ended (no agent left, or the run horizon). */
  waitingAtEnd: number;
  /** Simulation events processed: scheduled events plus engine timer ticks. */
  events: number;
  /** Highest number of interactions any agent held on one channel beyond its capacity (0 = never). */
  capacityExcess: number;
}

export function emptyTally(intervals: number, groups: number): ReplicationTally {
  const series = () => new Float64Array(intervals);
  return {
    offered: series(),
    answered: series(),
    answeredWithinThreshold: series(),
    abandoned: series(),
    shortAbandoned: series(),
    timedOut: series(),
    answeredWaitMs: series(),
    busyMs: series(),
    staffedMs: series(),
    groupAnswered: new Float64Array(groups),
    groupBusyMs: new Float64Array(groups),
    groupStaffedMs: new Float64Array(groups),
    waitingAtEnd: 0,
    events: 0,
    capacityExcess: 0,
  };
}

/** Adds `rate × overlap` of [fromMs, toMs) to each interval it touches, clipped to the day. */
export function spreadOverIntervals(
  series: Float64Array,
  fromMs: number,
  toMs: number,
  rate: number,
  intervalMs: number,
  dayMs: number,
): void {
  const end = Math.min(toMs, dayMs);
  let at = fromMs;
  while (at < end) {
    const k = Math.floor(at / intervalMs);
    const next = Math.min((k + 1) * intervalMs, end);
    series[k]! += rate * (next - at);
    at = next;
  }
}
