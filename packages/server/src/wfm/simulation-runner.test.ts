import { type Clock, erlangValidationDay, parseSimulationInput } from "@sentra/core";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { DEFAULT_SIMULATION_LIMITS, SimulationRunner } from "./simulation-runner.js";

const quiet = pino({ level: "silent" });
const day = (replications: number) =>
  parseSimulationInput({
    ...erlangValidationDay({ replications }),
    day: { lengthMinutes: 30, intervalMinutes: 30 },
    queues: [{ ...erlangValidationDay().queues[0]!, arrivals: { kind: "poisson", perInterval: [120] } }],
  });

/** A clock that jumps `stepMs` every time it is read: a slow machine, without waiting for one. */
const jumpingClock = (stepMs: number): Clock => {
  let now = 0;
  return { now: () => (now += stepMs) };
};

describe("SimulationRunner", () => {
  it("stops a run that outgrows its time budget with a clear 413-style error", async () => {
    const runner = new SimulationRunner(jumpingClock(15_000), quiet);
    await expect(runner.run(day(5))).rejects.toMatchObject({
      code: "simulation_budget_exceeded",
      reason: "too_large",
    });
  });

  it("runs a small day within budget and counts every replication", async () => {
    const runner = new SimulationRunner(jumpingClock(1), quiet);
    const result = await runner.run(day(4));
    expect(result.replications).toBe(4);
    expect(result.day.offered.samples).toBe(4);
  });

  it("turns away a simulation beyond the concurrency cap while others run", async () => {
    const runner = new SimulationRunner(jumpingClock(1), quiet, {
      ...DEFAULT_SIMULATION_LIMITS,
      maxConcurrent: 1,
    });
    const first = runner.run(day(3));
    await expect(runner.run(day(1))).rejects.toMatchObject({
      code: "simulation_busy",
      reason: "rate_limited",
    });
    await expect(first).resolves.toMatchObject({ replications: 3 });
    await expect(runner.run(day(1))).resolves.toMatchObject({ replications: 1 });
  });
});
