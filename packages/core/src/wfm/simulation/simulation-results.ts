import { type ReplicationEstimate, replicationEstimate } from "./confidence.js";
import type { ReplicationTally } from "./replication-tally.js";
import type { SimulationPlan } from "./simulation-plan.js";

/** Figures for one interval or the whole day, each the mean over replications with its 95 % interval. */
export interface SimulatedFigures {
  readonly offered: ReplicationEstimate;
  /** Answered (connected to an agent), whenever that happened. */
  readonly handled: ReplicationEstimate;
  readonly abandoned: ReplicationEstimate;
  readonly timedOut: ReplicationEstimate;
  /** answered within T / (offered − abandoned within the short-abandon threshold). */
  readonly serviceLevel: ReplicationEstimate;
  /** Mean wait of answered contacts, seconds. */
  readonly asaSeconds: ReplicationEstimate;
  /** abandoned / offered. */
  readonly abandonRate: ReplicationEstimate;
  /** Capacity-weighted work time / staffed time (logged in, not on a break), inside the day. */
  readonly occupancy: ReplicationEstimate;
}

export interface SimulatedInterval extends SimulatedFigures {
  readonly index: number;
  readonly startMinute: number;
}

/** How the work spread over the agent groups (what a routing-policy change moves). */
export interface SimulatedGroup {
  readonly id: string;
  readonly agents: number;
  readonly handled: ReplicationEstimate;
  readonly occupancy: ReplicationEstimate;
}

export interface SimulationResult {
  readonly replications: number;
  readonly intervals: readonly SimulatedInterval[];
  readonly day: SimulatedFigures & { readonly waitingAtEnd: ReplicationEstimate };
  readonly groups: readonly SimulatedGroup[];
  /** Events processed over all replications (scheduled events plus engine timer ticks). */
  readonly events: number;
  readonly definitions: Readonly<Record<string, string>>;
}

export const SIMULATION_DEFINITIONS = {
  attribution: "Contacts count in the interval they arrived in; agent time in the interval it was spent.",
  serviceLevel:
    "Answered within the threshold / (offered − abandons quicker than the short-abandon threshold); a contact never answered counts against it.",
  asaSeconds: "Mean wait from arrival to answer, answered contacts only.",
  abandonRate: "Abandoned / offered.",
  occupancy:
    "Time holding work (share of channel capacity in use: a call = 1, one of three chats = 1/3) / time logged in and not on a break.",
  estimates: "Mean over replications; low/high = Student-t 95 % confidence interval of that mean.",
} as const;

interface Counts {
  offered: number;
  answered: number;
  within: number;
  abandoned: number;
  shortAbandoned: number;
  timedOut: number;
  waitMs: number;
  busyMs: number;
  staffedMs: number;
}

function countsOf(t: ReplicationTally, from: number, to: number): Counts {
  const c: Counts = {
    offered: 0,
    answered: 0,
    within: 0,
    abandoned: 0,
    shortAbandoned: 0,
    timedOut: 0,
    waitMs: 0,
    busyMs: 0,
    staffedMs: 0,
  };
  for (let k = from; k < to; k++) {
    c.offered += t.offered[k]!;
    c.answered += t.answered[k]!;
    c.within += t.answeredWithinThreshold[k]!;
    c.abandoned += t.abandoned[k]!;
    c.shortAbandoned += t.shortAbandoned[k]!;
    c.timedOut += t.timedOut[k]!;
    c.waitMs += t.answeredWaitMs[k]!;
    c.busyMs += t.busyMs[k]!;
    c.staffedMs += t.staffedMs[k]!;
  }
  return c;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

function figures(counts: readonly Counts[]): SimulatedFigures {
  const of = (f: (c: Counts) => number) => replicationEstimate(counts.map(f));
  return {
    offered: of((c) => c.offered),
    handled: of((c) => c.answered),
    abandoned: of((c) => c.abandoned),
    timedOut: of((c) => c.timedOut),
    serviceLevel: of((c) => ratio(c.within, c.offered - c.shortAbandoned)),
    asaSeconds: of((c) => ratio(c.waitMs, c.answered) / 1000),
    abandonRate: of((c) => ratio(c.abandoned, c.offered)),
    occupancy: of((c) => ratio(c.busyMs, c.staffedMs)),
  };
}

export function summariseReplications(
  plan: SimulationPlan,
  tallies: readonly ReplicationTally[],
): SimulationResult {
  const intervals: SimulatedInterval[] = [];
  for (let k = 0; k < plan.intervals; k++) {
    intervals.push({
      index: k,
      startMinute: k * plan.input.day.intervalMinutes,
      ...figures(tallies.map((t) => countsOf(t, k, k + 1))),
    });
  }
  return {
    replications: tallies.length,
    intervals,
    day: {
      ...figures(tallies.map((t) => countsOf(t, 0, plan.intervals))),
      waitingAtEnd: replicationEstimate(tallies.map((t) => t.waitingAtEnd)),
    },
    groups: plan.input.agents.map((group, g) => ({
      id: group.id,
      agents: group.count,
      handled: replicationEstimate(tallies.map((t) => t.groupAnswered[g]!)),
      occupancy: replicationEstimate(tallies.map((t) => ratio(t.groupBusyMs[g]!, t.groupStaffedMs[g]!))),
    })),
    events: tallies.reduce((sum, t) => sum + t.events, 0),
    definitions: SIMULATION_DEFINITIONS,
  };
}

/** Variant − base per replication for the day figures; with common random numbers the interval is narrow. */
export function pairedDayDifference(
  plan: SimulationPlan,
  base: readonly ReplicationTally[],
  variant: readonly ReplicationTally[],
): SimulatedFigures {
  const n = Math.min(base.length, variant.length);
  const whole = (t: ReplicationTally) => countsOf(t, 0, plan.intervals);
  const b = base.slice(0, n).map(whole);
  const v = variant.slice(0, n).map(whole);
  const diff = (f: (c: Counts) => number) => replicationEstimate(b.map((c, r) => f(v[r]!) - f(c)));
  return {
    offered: diff((c) => c.offered),
    handled: diff((c) => c.answered),
    abandoned: diff((c) => c.abandoned),
    timedOut: diff((c) => c.timedOut),
    serviceLevel: diff((c) => ratio(c.within, c.offered - c.shortAbandoned)),
    asaSeconds: diff((c) => ratio(c.waitMs, c.answered) / 1000),
    abandonRate: diff((c) => ratio(c.abandoned, c.offered)),
    occupancy: diff((c) => ratio(c.busyMs, c.staffedMs)),
  };
}
