import { requiredAgents, requiredDeferredAgents, type staffingQuery } from "@sentra/core";
import type { z } from "zod";

export type StaffingQuery = z.infer<typeof staffingQuery>;

export interface PlannedInterval {
  readonly intervalStart: Date;
  readonly volume: number;
  readonly ahtSeconds: number | null;
}

/**
 * Required agents per forecast interval. Erlang C by default, Erlang A when a mean patience is given; chat
 * concurrency divides the handle time (see requiredChatAgents in the core for why). An interval without volume
 * or without a known handle time needs nobody. With a response-time target the work is deferrable (email).
 */
export function staffingFor(
  intervals: readonly PlannedInterval[],
  intervalSeconds: number,
  query: StaffingQuery,
) {
  if (query.responseSeconds !== undefined) {
    return deferredStaffing(intervals, intervalSeconds, query, query.responseSeconds);
  }
  const target = {
    serviceLevel: query.slTarget,
    targetSeconds: query.slSeconds,
    shrinkage: query.shrinkage,
    ...(query.maxAsaSeconds !== undefined ? { maxAsaSeconds: query.maxAsaSeconds } : {}),
    ...(query.maxOccupancy !== undefined ? { maxOccupancy: query.maxOccupancy } : {}),
    ...(query.patienceSeconds !== undefined ? { patienceSeconds: query.patienceSeconds } : {}),
  };
  return {
    model: query.patienceSeconds === undefined ? ("erlang_c" as const) : ("erlang_a" as const),
    intervals: intervals.map((interval) => {
      const { volume, ahtSeconds } = interval;
      const answer =
        volume > 0 && ahtSeconds !== null && ahtSeconds > 0
          ? requiredAgents(
              { contacts: volume, intervalSeconds, ahtSeconds: ahtSeconds / query.concurrency },
              target,
            )
          : undefined;
      return {
        intervalStart: interval.intervalStart.toISOString(),
        volume,
        ahtSeconds,
        agents: answer?.agents ?? 0,
        scheduled: answer?.scheduled ?? 0,
        serviceLevel: answer?.performance.serviceLevel ?? 1,
        asaSeconds: answer ? finiteOrNull(answer.performance.asaSeconds) : 0,
        occupancy: answer?.performance.occupancy ?? 0,
        probabilityOfAbandoning: answer?.performance.probabilityOfAbandoning ?? 0,
      };
    }),
  };
}

/**
 * Email-like work: each interval's workload is spread over the response window (requiredDeferredAgents). The
 * handle time used is the volume-weighted mean over the horizon, as deferred work is not tied to its interval.
 */
function deferredStaffing(
  intervals: readonly PlannedInterval[],
  intervalSeconds: number,
  query: StaffingQuery,
  responseSeconds: number,
) {
  let work = 0;
  let volume = 0;
  for (const i of intervals) {
    if (i.ahtSeconds !== null && i.volume > 0) {
      work += i.ahtSeconds * i.volume;
      volume += i.volume;
    }
  }
  const plan = requiredDeferredAgents({
    arrivals: intervals.map((i) => i.volume),
    intervalSeconds,
    ahtSeconds: volume > 0 ? work / volume : 0,
    responseSeconds,
    maxOccupancy: query.maxOccupancy ?? 0.85,
    shrinkage: query.shrinkage,
  });
  return {
    model: "deferred" as const,
    carriedOverSeconds: plan.carriedOverSeconds,
    intervals: intervals.map((interval, k) => ({
      intervalStart: interval.intervalStart.toISOString(),
      volume: interval.volume,
      ahtSeconds: interval.ahtSeconds,
      agents: plan.agents[k]!,
      scheduled: plan.scheduled[k]!,
      // Every item is answered within the response target by construction.
      serviceLevel: 1,
      asaSeconds: null,
      occupancy: query.maxOccupancy ?? 0.85,
      probabilityOfAbandoning: 0,
    })),
  };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
