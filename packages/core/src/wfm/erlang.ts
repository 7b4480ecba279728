/**
 * Queueing formulas for staffing a contact center. All inputs use explicit units in their names; nothing here
 * ever forms a factorial or a power of the offered load, so the formulas stay finite for thousands of agents.
 *
 * Sources (formulas only, no code): A. K. Erlang's loss and delay formulas in the recursive form given in
 * G. Koole, "Call Center Optimization" (2013), ch. 5; Erlang A (M/M/n+M) as the birth-death chain of
 * O. Garnett, A. Mandelbaum, M. Reiman, "Designing a call center with impatient customers" (MSOM 2002) and
 * A. Mandelbaum, S. Zeltyn, "The M/M/n+G queue: summary of performance measures" (Technion, 2007).
 */

/** Load in Erlangs: arrivals per second × average handle time in seconds. */
export function offeredLoadErlangs(arrivalsPerSecond: number, ahtSeconds: number): number {
  return arrivalsPerSecond * ahtSeconds;
}

/**
 * Erlang B blocking probability for `servers` lines and `loadErlangs`, by the recursion
 * B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), which only ever divides numbers in [0, k + A].
 */
export function erlangB(servers: number, loadErlangs: number): number {
  assertServers(servers);
  if (loadErlangs <= 0) return servers === 0 ? 1 : 0;
  let blocking = 1;
  for (let k = 1; k <= servers; k++) blocking = nextErlangB(blocking, k, loadErlangs);
  return blocking;
}

/** One step of the Erlang B recursion: B(k) from B(k−1). */
export function nextErlangB(previous: number, servers: number, loadErlangs: number): number {
  const carried = loadErlangs * previous;
  return carried / (servers + carried);
}

/** The smallest number of lines whose Erlang B blocking is at most `maxBlocking`. */
export function linesForBlocking(loadErlangs: number, maxBlocking: number): number {
  let blocking = 1;
  let servers = 0;
  while (blocking > maxBlocking) {
    servers += 1;
    blocking = nextErlangB(blocking, servers, loadErlangs);
  }
  return servers;
}

/** Erlang C probability of waiting from the Erlang B value of the same group: C = nB / (n − A(1 − B)). */
export function erlangCFromB(servers: number, loadErlangs: number, blocking: number): number {
  if (servers <= loadErlangs) return 1;
  return (servers * blocking) / (servers - loadErlangs * (1 - blocking));
}

/** Erlang C (M/M/n) probability that an arrival waits; 1 when the group is overloaded (n ≤ A). */
export function erlangC(servers: number, loadErlangs: number): number {
  return erlangCFromB(servers, loadErlangs, erlangB(servers, loadErlangs));
}

export interface DelayPerformance {
  /** Fraction of all arrivals answered within the target time (abandons, for Erlang A, count as missed). */
  readonly serviceLevel: number;
  readonly probabilityOfWaiting: number;
  /** Average speed of answer over answered contacts, in seconds (0-second waits included). */
  readonly asaSeconds: number;
  /** Busy agents ÷ agents. */
  readonly occupancy: number;
  /** Erlang A only; 0 for Erlang C. */
  readonly probabilityOfAbandoning: number;
}

export interface ErlangCQuestion {
  readonly agents: number;
  readonly arrivalsPerSecond: number;
  readonly ahtSeconds: number;
  readonly targetSeconds: number;
}

/** Erlang C service level, ASA, P(wait) and occupancy. An overloaded group (n ≤ A) reports SL 0, ASA ∞. */
export function erlangCPerformance(question: ErlangCQuestion): DelayPerformance {
  const load = offeredLoadErlangs(question.arrivalsPerSecond, question.ahtSeconds);
  return erlangCPerformanceFrom(question, load, erlangB(question.agents, load));
}

/** As erlangCPerformance, reusing an Erlang B value the caller already has (staffing searches step n by one). */
export function erlangCPerformanceFrom(
  question: ErlangCQuestion,
  loadErlangs: number,
  blocking: number,
): DelayPerformance {
  const { agents, ahtSeconds, targetSeconds } = question;
  if (loadErlangs <= 0) {
    return {
      serviceLevel: 1,
      probabilityOfWaiting: 0,
      asaSeconds: 0,
      occupancy: 0,
      probabilityOfAbandoning: 0,
    };
  }
  if (agents <= loadErlangs) {
    return {
      serviceLevel: 0,
      probabilityOfWaiting: 1,
      asaSeconds: Number.POSITIVE_INFINITY,
      occupancy: 1,
      probabilityOfAbandoning: 0,
    };
  }
  const waiting = erlangCFromB(agents, loadErlangs, blocking);
  const excess = agents - loadErlangs;
  return {
    serviceLevel: 1 - waiting * Math.exp((-excess * targetSeconds) / ahtSeconds),
    probabilityOfWaiting: waiting,
    asaSeconds: (waiting * ahtSeconds) / excess,
    occupancy: loadErlangs / agents,
    probabilityOfAbandoning: 0,
  };
}

function assertServers(servers: number): void {
  if (!Number.isInteger(servers) || servers < 0) throw new RangeError(`servers must be a whole number ≥ 0`);
}
