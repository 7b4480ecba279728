import { requiredAgents, type staffingQuery } from "@sentra/core";
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
 * or without a known handle time needs nobody.
 */
export function staffingFor(
  intervals: readonly PlannedInterval[],
  intervalSeconds: number,
  query: StaffingQuery,
) {
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

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
