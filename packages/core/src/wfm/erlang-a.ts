import { type DelayPerformance, nextErlangB, offeredLoadErlangs } from "./erlang.js";

export interface ErlangAQuestion {
  readonly agents: number;
  readonly arrivalsPerSecond: number;
  readonly ahtSeconds: number;
  /** Mean of the exponential time a caller is willing to wait. */
  readonly patienceSeconds: number;
  readonly targetSeconds: number;
}

const TAIL_EPSILON = 1e-15;
const MAX_QUEUE_TERMS = 1_000_000;

/**
 * Erlang A (M/M/n+M): Poisson arrivals, exponential service and exponential patience. Computed on the
 * birth-death chain (Garnett, Mandelbaum & Reiman 2002; Mandelbaum & Zeltyn 2007, section on M/M/n+M) with
 * every probability expressed relative to π_n, the "all agents busy, nobody waiting" state:
 * - below n, Σ_{k<n} π_k/π_n = 1/B(n, A) − 1, taken from the Erlang B recursion (no factorials);
 * - above n, π_{n+m}/π_n = Π_{j=1..m} λ/(nμ + jθ), summed until the terms vanish (they always do, as jθ grows).
 * P(wait) = Σ_{m≥0} π_{n+m}; P(abandon) = θ·E[queue]/λ; occupancy = λ(1 − P(abandon))/(nμ).
 * Service level and ASA follow a tagged arrival that finds m callers ahead: from "j ahead" it leaves at rate
 * nμ + (j+1)θ, moving forward with probability (nμ + jθ)/(nμ + (j+1)θ) and abandoning otherwise. The time to
 * answer is then a sum of independent exponentials; its distribution at the target time is found by
 * uniformisation over the whole queue at once.
 */
export function erlangAPerformance(question: ErlangAQuestion): DelayPerformance {
  const { agents: n, arrivalsPerSecond: lambda, ahtSeconds, patienceSeconds, targetSeconds } = question;
  const load = offeredLoadErlangs(lambda, ahtSeconds);
  if (load <= 0) {
    return {
      serviceLevel: 1,
      probabilityOfWaiting: 0,
      asaSeconds: 0,
      occupancy: 0,
      probabilityOfAbandoning: 0,
    };
  }
  const mu = 1 / ahtSeconds;
  const theta = 1 / patienceSeconds;
  if (n === 0) {
    return {
      serviceLevel: 0,
      probabilityOfWaiting: 1,
      asaSeconds: Number.POSITIVE_INFINITY,
      occupancy: 0,
      probabilityOfAbandoning: 1,
    };
  }
  let blocking = 1;
  for (let k = 1; k <= n; k++) blocking = nextErlangB(blocking, k, load);
  // Far more agents than load makes B underflow to 0: π_n is then 0 and nobody waits, which is the right limit.
  const belowRelative = 1 / blocking - 1;

  // Relative weights of "m callers waiting" for m = 0, 1, …
  const queueWeights: number[] = [1];
  let weight = 1;
  let sum = 1;
  let queueMoment = 0;
  for (let m = 1; m < MAX_QUEUE_TERMS; m++) {
    weight *= lambda / (n * mu + m * theta);
    queueWeights.push(weight);
    sum += weight;
    queueMoment += m * weight;
    if (weight < TAIL_EPSILON * sum && n * mu + m * theta > lambda) break;
  }
  const busyNobodyWaiting = 1 / (belowRelative + sum);
  const probabilityOfWaiting = busyNobodyWaiting * sum;
  const probabilityOfAbandoning = Math.min(1, (theta * busyNobodyWaiting * queueMoment) / lambda);

  // Tagged arrival finding m ahead: answered with probability Π_{j≤m} q_j after Σ 1/r_j seconds on average.
  let answeredGivenAhead = 1;
  let meanTimeGivenAhead = 0;
  let waitOfAnswered = 0;
  for (let m = 0; m < queueWeights.length; m++) {
    const rate = n * mu + (m + 1) * theta;
    answeredGivenAhead *= (n * mu + m * theta) / rate;
    meanTimeGivenAhead += 1 / rate;
    waitOfAnswered += busyNobodyWaiting * queueWeights[m]! * answeredGivenAhead * meanTimeGivenAhead;
  }
  const answered = 1 - probabilityOfAbandoning;
  const answeredInTime = answeredWithin(targetSeconds, n * mu, theta, queueWeights, busyNobodyWaiting);
  return {
    serviceLevel: clamp01(1 - probabilityOfWaiting + answeredInTime),
    probabilityOfWaiting,
    asaSeconds: answered > 0 ? waitOfAnswered / answered : Number.POSITIVE_INFINITY,
    occupancy: clamp01((load * answered) / n),
    probabilityOfAbandoning,
  };
}

/**
 * Probability that an arrival waits and is answered within `seconds`: the tagged caller's position chain
 * (states "j ahead", absorbing "answered") evolved by uniformisation, all starting positions at once.
 */
function answeredWithin(
  seconds: number,
  serviceRate: number,
  theta: number,
  startWeights: readonly number[],
  scale: number,
): number {
  if (seconds <= 0) return 0;
  const size = startWeights.length;
  const uniformRate = serviceRate + size * theta;
  const mean = uniformRate * seconds;
  let state = startWeights.map((w) => w * scale);
  let next = new Array<number>(size).fill(0);
  let answered = 0;
  let answeredAtStep = 0;
  // Poisson(mean) weights computed in log space so a large mean cannot underflow the first term.
  let logPoisson = -mean;
  const steps = Math.ceil(mean + 12 * Math.sqrt(mean) + 20);
  let total = 0;
  for (let k = 0; k <= steps; k++) {
    if (k > 0) logPoisson += Math.log(mean / k);
    total += Math.exp(logPoisson) * answeredAtStep;
    if (k === steps) break;
    // One uniformised jump.
    next.fill(0);
    for (let j = 0; j < size; j++) {
      const mass = state[j]!;
      if (mass === 0) continue;
      const forward = serviceRate + j * theta;
      const leave = forward + theta;
      if (j === 0) answered += (mass * forward) / uniformRate;
      else next[j - 1]! += (mass * forward) / uniformRate;
      next[j]! += (mass * (uniformRate - leave)) / uniformRate;
    }
    [state, next] = [next, state];
    answeredAtStep = answered;
  }
  return total;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
