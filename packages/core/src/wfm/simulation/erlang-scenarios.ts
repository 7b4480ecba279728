import type { SimulationRequest } from "./simulation-input.js";

/**
 * The textbook M/M/c day used to validate the simulator against Erlang C (and Erlang A with patience):
 * λ = 4.2 calls/min, exponential handling with mean 2 min, 12 agents on for the whole 8-hour day.
 */
export function erlangValidationDay(
  options: { replications?: number; seed?: number; patienceMeanSeconds?: number; agents?: number } = {},
): SimulationRequest {
  const intervalMinutes = 30;
  return {
    seed: options.seed ?? 1,
    replications: options.replications ?? 30,
    day: { lengthMinutes: 480, intervalMinutes },
    serviceLevelSeconds: 20,
    queues: [
      {
        id: "sales",
        channel: "voice",
        arrivals: { kind: "poisson", perInterval: Array.from({ length: 16 }, () => 4.2 * intervalMinutes) },
        handleTime: { kind: "exponential", meanSeconds: 120 },
        patience:
          options.patienceMeanSeconds === undefined
            ? { kind: "none" }
            : { kind: "exponential", meanSeconds: options.patienceMeanSeconds },
      },
    ],
    agents: [{ id: "agent", count: options.agents ?? 12 }],
  };
}
