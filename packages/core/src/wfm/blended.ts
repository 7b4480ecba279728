import { requiredAgents, type ServiceTarget, type StaffingAnswer, withShrinkage } from "./staffing.js";

export interface ChatWorkload {
  readonly chats: number;
  readonly intervalSeconds: number;
  /** Handle time of one chat from start to close, while the agent may hold others. */
  readonly ahtSeconds: number;
  /** Chats one agent holds at once, e.g. 3. */
  readonly concurrency: number;
}

/**
 * Chat staffing: an agent holding `c` chats at once serves them c times as fast on average, so the group is
 * modelled as Erlang C on an effective handle time AHT / c. The occupancy cap (default 85 %) guards against the
 * optimism of that approximation, which ignores the slowdown of each chat when an agent juggles several.
 */
export function requiredChatAgents(work: ChatWorkload, target: ServiceTarget): StaffingAnswer {
  if (!(work.concurrency >= 1)) throw new RangeError("concurrency must be ≥ 1");
  return requiredAgents(
    {
      contacts: work.chats,
      intervalSeconds: work.intervalSeconds,
      ahtSeconds: work.ahtSeconds / work.concurrency,
    },
    { maxOccupancy: 0.85, ...target },
  );
}

export interface DeferredWorkload {
  /** Emails (or other deferrable items) arriving in each consecutive interval. */
  readonly arrivals: readonly number[];
  readonly intervalSeconds: number;
  readonly ahtSeconds: number;
  /** Every item must be answered within this many seconds of arrival, e.g. 4 h = 14,400. */
  readonly responseSeconds: number;
  readonly maxOccupancy?: number;
  readonly shrinkage?: number;
}

export interface DeferredStaffing {
  /** Productive agents per interval. */
  readonly agents: readonly number[];
  readonly scheduled: readonly number[];
  /** Handle seconds still owed after the last interval (work spread beyond the horizon). */
  readonly carriedOverSeconds: number;
}

/**
 * Email staffing: deferrable work needs no queueing formula. Each interval's workload (items × AHT) is spread
 * evenly over the intervals of its response window (at least one), and the work landing in an interval is
 * carried by agents = ⌈work / (interval × max occupancy)⌉. Work spread past the end of the horizon is reported
 * as carried over, so a caller can chain horizons. Staffing each interval for exactly its share meets every
 * deadline, because each item's work is done inside its own window.
 */
export function requiredDeferredAgents(work: DeferredWorkload): DeferredStaffing {
  const occupancy = work.maxOccupancy ?? 0.85;
  const window = Math.max(1, Math.floor(work.responseSeconds / work.intervalSeconds));
  const due = new Array<number>(work.arrivals.length + window).fill(0);
  work.arrivals.forEach((items, index) => {
    const share = (items * work.ahtSeconds) / window;
    for (let k = 0; k < window; k++) due[index + k]! += share;
  });
  const agents = work.arrivals.map((_, index) =>
    Math.max(0, Math.ceil(due[index]! / (work.intervalSeconds * occupancy) - 1e-9)),
  );
  const carriedOverSeconds = due.slice(work.arrivals.length).reduce((sum, seconds) => sum + seconds, 0);
  return { agents, scheduled: agents.map((n) => withShrinkage(n, work.shrinkage)), carriedOverSeconds };
}
