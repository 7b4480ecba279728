import { type DelayPerformance, erlangCPerformanceFrom, nextErlangB, offeredLoadErlangs } from "./erlang.js";
import { erlangAPerformance } from "./erlang-a.js";

/** What an interval must achieve. Times are in seconds; fractions are 0..1. */
export interface ServiceTarget {
  /** e.g. 0.8 for "80 % answered within targetSeconds". */
  readonly serviceLevel: number;
  readonly targetSeconds: number;
  /** Optional upper bound on the average speed of answer. */
  readonly maxAsaSeconds?: number;
  /** Optional cap on busy time per agent, e.g. 0.85. */
  readonly maxOccupancy?: number;
  /** Share of paid time agents are unavailable (breaks, training, absence), 0 ≤ s < 1. */
  readonly shrinkage?: number;
  /** When set, Erlang A with this mean patience replaces Erlang C. */
  readonly patienceSeconds?: number;
}

export interface IntervalWorkload {
  /** Contacts arriving in the interval. */
  readonly contacts: number;
  readonly intervalSeconds: number;
  readonly ahtSeconds: number;
}

export interface StaffingAnswer {
  /** Agents needed on the phones (productive). */
  readonly agents: number;
  /** Agents to schedule: ceil(agents / (1 − shrinkage)). */
  readonly scheduled: number;
  readonly loadErlangs: number;
  readonly performance: DelayPerformance;
  readonly model: "erlang_c" | "erlang_a";
}

const MAX_AGENTS = 100_000;

/**
 * The smallest agent count meeting every part of the target. Erlang C (or A when patience is given) gives the
 * service level and ASA; the occupancy cap adds the bound n ≥ A / maxOccupancy; shrinkage turns productive agents
 * into scheduled heads. Erlang C is walked upward from ⌊A⌋+1, reusing the Erlang B recursion, so one solve costs
 * O(n) arithmetic operations.
 */
export function requiredAgents(work: IntervalWorkload, target: ServiceTarget): StaffingAnswer {
  validateTarget(target);
  const arrivalsPerSecond = work.contacts / work.intervalSeconds;
  const load = offeredLoadErlangs(arrivalsPerSecond, work.ahtSeconds);
  const model = target.patienceSeconds === undefined ? "erlang_c" : "erlang_a";
  if (load <= 0) {
    const performance = {
      serviceLevel: 1,
      probabilityOfWaiting: 0,
      asaSeconds: 0,
      occupancy: 0,
      probabilityOfAbandoning: 0,
    };
    return { agents: 0, scheduled: 0, loadErlangs: 0, performance, model };
  }
  const occupancyFloor = target.maxOccupancy === undefined ? 0 : Math.ceil(load / target.maxOccupancy - 1e-9);
  const meets = (performance: DelayPerformance, agents: number) =>
    agents >= occupancyFloor &&
    performance.serviceLevel >= target.serviceLevel - 1e-12 &&
    (target.maxAsaSeconds === undefined || performance.asaSeconds <= target.maxAsaSeconds);
  const question = { arrivalsPerSecond, ahtSeconds: work.ahtSeconds, targetSeconds: target.targetSeconds };

  if (target.patienceSeconds !== undefined) {
    const patienceSeconds = target.patienceSeconds;
    const at = (agents: number) => erlangAPerformance({ ...question, agents, patienceSeconds });
    // Every part of the target is monotone in n, so bisect between the occupancy floor and a count that meets
    // it; the Erlang C answer almost always does (abandons shorten the queue), else step up from there.
    let high = requiredAgents(work, { ...target, patienceSeconds: undefined }).agents;
    let highPerformance = at(high);
    while (!meets(highPerformance, high)) {
      high += 1;
      if (high > MAX_AGENTS) throw new RangeError("Required agents exceed 100,000; check the inputs.");
      highPerformance = at(high);
    }
    let low = Math.max(1, occupancyFloor) - 1;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      const performance = at(middle);
      if (meets(performance, middle)) {
        high = middle;
        highPerformance = performance;
      } else low = middle;
    }
    return answer(high, load, highPerformance, model, target.shrinkage);
  }

  let blocking = 1;
  let agents = 0;
  const start = Math.floor(load) + 1;
  while (agents < start) {
    agents += 1;
    blocking = nextErlangB(blocking, agents, load);
  }
  let performance = erlangCPerformanceFrom({ ...question, agents }, load, blocking);
  while (!meets(performance, agents)) {
    agents += 1;
    if (agents > MAX_AGENTS) throw new RangeError("Required agents exceed 100,000; check the inputs.");
    blocking = nextErlangB(blocking, agents, load);
    performance = erlangCPerformanceFrom({ ...question, agents }, load, blocking);
  }
  return answer(agents, load, performance, model, target.shrinkage);
}

/** Scheduled heads for productive agents under shrinkage: ceil(n / (1 − s)). */
export function withShrinkage(agents: number, shrinkage = 0): number {
  return Math.ceil(agents / (1 - shrinkage) - 1e-9);
}

function answer(
  agents: number,
  loadErlangs: number,
  performance: DelayPerformance,
  model: StaffingAnswer["model"],
  shrinkage: number | undefined,
): StaffingAnswer {
  return { agents, scheduled: withShrinkage(agents, shrinkage), loadErlangs, performance, model };
}

function validateTarget(target: ServiceTarget): void {
  if (!(target.serviceLevel >= 0 && target.serviceLevel < 1))
    throw new RangeError("serviceLevel must be in [0, 1)");
  if (!(target.targetSeconds >= 0)) throw new RangeError("targetSeconds must be ≥ 0");
  if (target.shrinkage !== undefined && !(target.shrinkage >= 0 && target.shrinkage < 1))
    throw new RangeError("shrinkage must be in [0, 1)");
  if (target.maxOccupancy !== undefined && !(target.maxOccupancy > 0 && target.maxOccupancy <= 1))
    throw new RangeError("maxOccupancy must be in (0, 1]");
  if (target.patienceSeconds !== undefined && !(target.patienceSeconds > 0))
    throw new RangeError("patienceSeconds must be > 0");
}
