/** Shapes of the simulator API (server wfm/simulation-routes.ts; request: core wfm/simulation/simulation-input.ts). */

/** A mean over replications with its 95 % confidence interval (Student-t); null where nothing was measured. */
export interface Estimate {
  mean: number | null;
  low: number | null;
  high: number | null;
  halfWidth?: number | null;
  samples?: number;
}

/** Rates (service level, abandon rate, occupancy) are ratios 0–1; ASA is seconds. */
export interface SimulatedFigures {
  offered: Estimate;
  handled: Estimate;
  abandoned: Estimate;
  timedOut: Estimate;
  serviceLevel: Estimate;
  asaSeconds: Estimate;
  abandonRate: Estimate;
  occupancy: Estimate;
}

export interface SimulatedInterval extends SimulatedFigures {
  index: number;
  /** Minutes from the start of the simulated day. */
  startMinute: number;
}

/** POST /wfm/simulations (packages/server/src/wfm/simulation-routes.ts, simulationResultView). */
export interface SimulationResult {
  replications: number;
  intervals: SimulatedInterval[];
  day: SimulatedFigures & { waitingAtEnd: Estimate };
  events: number;
  definitions: Record<string, string>;
}

/** POST /wfm/simulations/compare: base, variant and the paired day difference (variant − base). */
export interface SimulationComparison {
  base: SimulationResult;
  variant: SimulationResult;
  difference: SimulatedFigures;
}

type Distribution =
  | { kind: "fixed"; seconds: number }
  | { kind: "exponential"; meanSeconds: number }
  | { kind: "lognormal"; meanSeconds: number; sdSeconds: number };

/** The simulator's request (core wfm/simulation/simulation-input.ts), as far as the runner page fills it. */
export interface SimulationRequest {
  seed?: number;
  replications: number;
  day: { lengthMinutes: number; intervalMinutes: number };
  serviceLevelSeconds: number;
  queues: {
    id: string;
    channel?: string;
    arrivals: { kind: "poisson"; perInterval: number[] };
    handleTime: Distribution;
    patience?: { kind: "none" } | { kind: "exponential"; meanSeconds: number };
  }[];
  agents: { id: string; count: number; shift?: { startMinute: number; endMinute: number } }[];
}
