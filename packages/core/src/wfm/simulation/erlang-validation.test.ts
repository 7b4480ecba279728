import { describe, expect, it } from "vitest";
import type { ReplicationEstimate } from "./confidence.js";
import { erlangValidationDay } from "./erlang-scenarios.js";
import { parseSimulationInput, runSimulation } from "./run-simulation.js";

/**
 * The simulator against queueing theory. References for λ = 4.2/min, AHT = 2 min (exponential), 12 agents:
 * Erlang C gives P(wait) = 0.1786, SL(20 s) = 1 − 0.1786·e^(−(12 − 8.4)·20/120) = 0.902,
 * ASA = 0.1786·120/(12 − 8.4) s = 5.95 s (0.099 min), occupancy = 8.4/12 = 0.70 in steady state (0.695 for an
 * 8-hour day started empty); Erlang A with mean patience 1 min gives 58.6 abandons over the day's 2016 calls.
 * Tolerance: the reference must lie inside the 95 % confidence interval of the replication mean, so a
 * simulator bias larger than the sampling noise fails the test.
 */
function expectInside(estimate: ReplicationEstimate, reference: number): void {
  expect(estimate.low).not.toBeNull();
  expect(reference).toBeGreaterThanOrEqual(estimate.low!);
  expect(reference).toBeLessThanOrEqual(estimate.high!);
}

describe("validation against Erlang C and Erlang A", () => {
  it("reproduces Erlang C service level, ASA and occupancy for 12 agents at 8.4 erlangs", () => {
    const result = runSimulation(parseSimulationInput(erlangValidationDay({ replications: 60 })));
    const day = result.day;
    expectInside(day.offered, 4.2 * 480);
    expectInside(day.serviceLevel, 0.902);
    expectInside(day.asaSeconds, 0.099 * 60);
    expectInside(day.occupancy, 0.695);
    // The interval is tight enough to mean something, not a licence to be anywhere.
    expect(day.serviceLevel.halfWidth!).toBeLessThan(0.01);
    expect(day.occupancy.halfWidth!).toBeLessThan(0.01);
  });

  it("reproduces Erlang A abandons with a mean patience of one minute", () => {
    const result = runSimulation(
      parseSimulationInput(erlangValidationDay({ replications: 60, patienceMeanSeconds: 60 })),
    );
    expectInside(result.day.abandoned, 58.6);
    expect(result.day.abandoned.halfWidth!).toBeLessThan(5);
    expect(result.day.waitingAtEnd.mean).toBe(0);
  });
});
