import {
  type ReplicationEstimate,
  type SimulatedFigures,
  type SimulationResult,
  simulationInput,
} from "@sentra/core";
import { z } from "zod";
import { type Api, commonErrors, errorReply } from "../http/api.js";
import type { Services } from "../services.js";

/** An estimate as JSON: a mean that could not be computed (no contacts in an interval) is null. */
const estimateView = z.object({
  mean: z.number().nullable(),
  halfWidth: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  samples: z.number(),
});
const figureKeys = [
  "offered",
  "handled",
  "abandoned",
  "timedOut",
  "serviceLevel",
  "asaSeconds",
  "abandonRate",
  "occupancy",
] as const;
const figuresView = z.object(
  Object.fromEntries(figureKeys.map((k) => [k, estimateView])) as {
    [K in (typeof figureKeys)[number]]: typeof estimateView;
  },
);
export const simulationResultView = z.object({
  replications: z.number(),
  intervals: z.array(figuresView.extend({ index: z.number(), startMinute: z.number() })),
  day: figuresView.extend({ waitingAtEnd: estimateView }),
  groups: z.array(
    z.object({ id: z.string(), agents: z.number(), handled: estimateView, occupancy: estimateView }),
  ),
  events: z.number(),
  definitions: z.record(z.string(), z.string()),
});
export const simulationComparisonView = z.object({
  base: simulationResultView,
  variant: simulationResultView,
  difference: figuresView,
});

const finite = (n: number) => (Number.isFinite(n) ? n : null);
const estimateJson = (e: ReplicationEstimate) => ({ ...e, mean: finite(e.mean) });
function figuresJson(f: SimulatedFigures) {
  return Object.fromEntries(figureKeys.map((k) => [k, estimateJson(f[k])])) as Record<
    (typeof figureKeys)[number],
    z.infer<typeof estimateView>
  >;
}
function resultJson(r: SimulationResult): z.infer<typeof simulationResultView> {
  return {
    replications: r.replications,
    intervals: r.intervals.map((i) => ({ index: i.index, startMinute: i.startMinute, ...figuresJson(i) })),
    day: { ...figuresJson(r.day), waitingAtEnd: estimateJson(r.day.waitingAtEnd) },
    groups: r.groups.map((g) => ({
      ...g,
      handled: estimateJson(g.handled),
      occupancy: estimateJson(g.occupancy),
    })),
    events: r.events,
    definitions: r.definitions,
  };
}

/**
 * The digital twin: replays a day through the real routing engine on a simulated clock. It reads no tenant
 * data (the request carries the whole scenario), so nothing here is scoped by tenant.
 */
export function registerSimulationRoutes(api: Api, services: Services): void {
  const tags = ["wfm"];
  const runner = services.wfmSimulation;
  const tooBusy = { 413: errorReply, 429: errorReply };

  api.post(
    "/wfm/simulations",
    {
      config: { access: "wfm:plan" },
      schema: {
        tags,
        summary:
          "Simulate a day (arrivals, handling, patience, agents and breaks) through the routing engine",
        body: simulationInput,
        response: { 200: simulationResultView, ...commonErrors, ...tooBusy },
      },
    },
    async (request) => resultJson(await runner.run(request.body)),
  );

  api.post(
    "/wfm/simulations/compare",
    {
      config: { access: "wfm:plan" },
      schema: {
        tags,
        summary: "What if: a base day and a changed variant on the same simulated contacts",
        body: z.object({ base: simulationInput, variant: simulationInput }),
        response: { 200: simulationComparisonView, ...commonErrors, ...tooBusy },
      },
    },
    async (request) => {
      const comparison = await runner.compare(request.body.base, request.body.variant);
      return {
        base: resultJson(comparison.base),
        variant: resultJson(comparison.variant),
        difference: figuresJson(comparison.difference),
      };
    },
  );
}
