import type { SimulationBody } from "../../api/wfm-queries";
import { expandAgents, parseSeries } from "./simulation-series";

export interface SimulationDraft {
  source: "arrivals" | "forecast";
  arrivalsText: string;
  forecastId: string | null;
  intervalMinutes: number;
  startClock: string;
  ahtSeconds: number;
  patienceSeconds: number;
  agentsText: string;
  replications: number;
  slSeconds: number;
  /** What-if: agents added (or removed) in every interval of the variant; 0 runs the base alone. */
  extraAgents: number;
}

export const DEFAULT_DRAFT: SimulationDraft = {
  source: "arrivals",
  arrivalsText: "40 55 70 80 85 80 70 60",
  forecastId: null,
  intervalMinutes: 30,
  startClock: "08:00",
  ahtSeconds: 240,
  patienceSeconds: 90,
  agentsText: "10",
  replications: 20,
  slSeconds: 20,
  extraAgents: 5,
};

export type DraftResult =
  | { ok: true; base: SimulationBody; variant: SimulationBody | null }
  | { ok: false; problem: "arrivals" | "agents" | "agentsLength" | "forecast" };

/**
 * The request(s) a draft stands for: the base run and, when agents are added, the variant with the same
 * arrivals and handle times. Agents are one figure for all intervals or one per interval.
 */
export function draftToBodies(draft: SimulationDraft): DraftResult {
  const agents = parseSeries(draft.agentsText);
  if (!agents) return { ok: false, problem: "agents" };
  const common = {
    intervalMinutes: draft.intervalMinutes,
    ahtSeconds: draft.ahtSeconds,
    patienceSeconds: draft.patienceSeconds,
    replications: draft.replications,
    slSeconds: draft.slSeconds,
  };
  let base: SimulationBody;
  if (draft.source === "forecast") {
    if (!draft.forecastId) return { ok: false, problem: "forecast" };
    base = { ...common, forecastId: draft.forecastId, agents };
  } else {
    const arrivals = parseSeries(draft.arrivalsText);
    if (!arrivals) return { ok: false, problem: "arrivals" };
    const perInterval = expandAgents(agents, arrivals.length);
    if (!perInterval) return { ok: false, problem: "agentsLength" };
    base = { ...common, arrivals, agents: perInterval };
  }
  const variant =
    draft.extraAgents === 0
      ? null
      : { ...base, agents: base.agents.map((count) => Math.max(0, count + draft.extraAgents)) };
  return { ok: true, base, variant };
}
