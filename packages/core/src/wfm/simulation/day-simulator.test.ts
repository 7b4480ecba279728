import { describe, expect, it } from "vitest";
import { simulateReplication } from "./day-simulator.js";
import { erlangValidationDay } from "./erlang-scenarios.js";
import { compareSimulations, parseSimulationInput, runSimulation, withChanges } from "./run-simulation.js";
import type { SimulationRequest } from "./simulation-input.js";
import { planSimulation } from "./simulation-plan.js";

const sum = (series: Float64Array) => series.reduce((a, b) => a + b, 0);

/** One agent, contacts replayed at fixed times, fixed handling: every wait can be worked out by hand. */
function handWorkedDay(extra: Partial<SimulationRequest> = {}): SimulationRequest {
  return {
    replications: 1,
    day: { lengthMinutes: 180, intervalMinutes: 60 },
    queues: [
      {
        id: "q",
        arrivals: { kind: "replay", atSeconds: [59 * 60, 70 * 60] },
        handleTime: { kind: "fixed", seconds: 300 },
      },
    ],
    agents: [{ id: "solo", breaks: [{ startMinute: 60, durationMinutes: 30 }] }],
    ...extra,
  };
}

describe("DaySimulator", () => {
  it("is deterministic per seed and differs across seeds", () => {
    const plan = planSimulation(parseSimulationInput(erlangValidationDay({ replications: 1 })));
    const a = simulateReplication(plan, 0);
    const b = simulateReplication(plan, 0);
    const other = simulateReplication(
      planSimulation(parseSimulationInput(erlangValidationDay({ seed: 2 }))),
      0,
    );
    expect(Array.from(a.answeredWaitMs)).toEqual(Array.from(b.answeredWaitMs));
    expect(a.events).toBe(b.events);
    expect(sum(other.offered)).not.toBe(sum(a.offered));
  });

  it("starts a break only once the work in hand is done, and routes nothing during it", () => {
    const result = runSimulation(parseSimulationInput(handWorkedDay()));
    // Call 1 (59:00) is answered at once and ends at 64:00; the break runs 64:00–94:00, so call 2 (70:00)
    // waits 24 minutes.
    expect(result.intervals[0]!.asaSeconds.mean).toBe(0);
    expect(result.intervals[1]!.asaSeconds.mean).toBe(24 * 60);
    // Staffed 180 min − 30 min of break; busy 10 min.
    const plan = planSimulation(parseSimulationInput(handWorkedDay()));
    const tally = simulateReplication(plan, 0);
    expect(sum(tally.staffedMs)).toBe(150 * 60_000);
    expect(sum(tally.busyMs)).toBe(10 * 60_000);
  });

  it("ends a shift after the current contact and leaves later arrivals waiting", () => {
    const request = handWorkedDay({
      agents: [{ id: "solo", shift: { startMinute: 0, endMinute: 61 } }],
    });
    const tally = simulateReplication(planSimulation(parseSimulationInput(request)), 0);
    // Logged in until the call finished at 64:00, then gone: the 70:00 contact is never answered.
    expect(sum(tally.staffedMs)).toBe(64 * 60_000);
    expect(sum(tally.answered)).toBe(1);
    expect(tally.waitingAtEnd).toBe(1);
  });

  it("lets offers ring out through the engine's timer when agents answer too slowly", () => {
    const request = handWorkedDay({
      queues: [
        {
          id: "q",
          arrivals: { kind: "replay", atSeconds: [10] },
          handleTime: { kind: "fixed", seconds: 60 },
          offerTimeoutSeconds: 5,
          maxWaitSeconds: 600,
        },
      ],
      agents: [{ id: "slow", answerDelaySeconds: 8 }],
    });
    const tally = simulateReplication(planSimulation(parseSimulationInput(request)), 0);
    // Each offer rings 5 s, the agent is made ready again, the contact is re-offered … until the maximum wait.
    expect(sum(tally.answered)).toBe(0);
    expect(sum(tally.timedOut)).toBe(1);
  });

  it("lets the engine's timer win a tie: an answer exactly at the offer timeout is too late", () => {
    const request = handWorkedDay({
      queues: [
        {
          id: "q",
          arrivals: { kind: "replay", atSeconds: [10] },
          handleTime: { kind: "fixed", seconds: 60 },
          offerTimeoutSeconds: 8,
          maxWaitSeconds: 100,
        },
      ],
      agents: [{ id: "exact", answerDelaySeconds: 8 }],
    });
    const tally = simulateReplication(planSimulation(parseSimulationInput(request)), 0);
    expect(sum(tally.answered)).toBe(0);
    expect(sum(tally.timedOut)).toBe(1);
  });

  it("conserves contacts: offered = handled + abandoned + timed out + still waiting", () => {
    const request = erlangValidationDay({ replications: 1, patienceMeanSeconds: 300, agents: 9 });
    const changed = {
      ...request,
      queues: request.queues.map((q) => ({ ...q, maxWaitSeconds: 120 })),
      agents: [
        { id: "early", count: 5, shift: { startMinute: 0, endMinute: 300 } },
        {
          id: "late",
          count: 4,
          shift: { startMinute: 120, endMinute: 470 },
          breaks: [{ startMinute: 200, durationMinutes: 15 }],
        },
      ],
    };
    const plan = planSimulation(parseSimulationInput(changed));
    for (let r = 0; r < 5; r++) {
      const t = simulateReplication(plan, r);
      const ended = sum(t.answered) + sum(t.abandoned) + sum(t.timedOut) + t.waitingAtEnd;
      expect(ended).toBe(sum(t.offered));
      expect(sum(t.abandoned)).toBeGreaterThan(0);
      expect(sum(t.timedOut)).toBeGreaterThan(0);
      expect(t.capacityExcess).toBe(0);
    }
  });

  it("never puts an agent over capacity in a busy blended day", () => {
    const request: SimulationRequest = {
      replications: 1,
      day: { lengthMinutes: 120, intervalMinutes: 60 },
      queues: [
        {
          id: "voice",
          channel: "voice",
          arrivals: { kind: "poisson", perInterval: [200, 200] },
          handleTime: { kind: "lognormal", meanSeconds: 200, sdSeconds: 120 },
        },
        {
          id: "chat",
          channel: "chat",
          arrivals: { kind: "poisson", perInterval: [300, 300] },
          handleTime: { kind: "exponential", meanSeconds: 400 },
          wrapUp: { kind: "fixed", seconds: 30 },
          patience: { kind: "exponential", meanSeconds: 300 },
        },
      ],
      agents: [{ id: "blend", count: 10, capacity: { max: { voice: 1, chat: 3 }, exclusive: ["voice"] } }],
    };
    const tally = simulateReplication(planSimulation(parseSimulationInput(request)), 0);
    expect(tally.capacityExcess).toBe(0);
    expect(sum(tally.busyMs)).toBeLessThanOrEqual(sum(tally.staffedMs));
  });

  it("routes by skill and language, and a policy change moves work between groups", () => {
    const request: SimulationRequest = {
      replications: 6,
      day: { lengthMinutes: 120, intervalMinutes: 60 },
      queues: [
        {
          id: "cards",
          skills: [{ skill: "cards", minLevel: 2 }],
          language: "id",
          policy: "longest_idle",
          arrivals: { kind: "poisson", perInterval: [90, 90] },
          handleTime: { kind: "exponential", meanSeconds: 180 },
        },
      ],
      agents: [
        { id: "expert", count: 4, skills: { cards: 9 }, languages: ["id"] },
        { id: "junior", count: 4, skills: { cards: 3 }, languages: ["id", "en"] },
        { id: "english-only", count: 4, skills: { cards: 9 }, languages: ["en"] },
        { id: "unskilled", count: 4, languages: ["id"] },
      ],
    };
    const comparison = compareSimulations(
      parseSimulationInput(request),
      withChanges(request, (r) => ({ ...r, routing: { policy: "most_skilled" } })),
    );
    const handled = (groups: readonly { id: string; handled: { mean: number } }[], id: string) =>
      groups.find((g) => g.id === id)!.handled.mean;
    for (const result of [comparison.base, comparison.variant]) {
      expect(handled(result.groups, "english-only")).toBe(0);
      expect(handled(result.groups, "unskilled")).toBe(0);
    }
    const expertShare = (groups: typeof comparison.base.groups) =>
      handled(groups, "expert") / (handled(groups, "expert") + handled(groups, "junior"));
    expect(expertShare(comparison.base.groups)).toBeLessThan(0.6);
    expect(expertShare(comparison.variant.groups)).toBeGreaterThan(expertShare(comparison.base.groups) + 0.1);
  });

  it("compares a base and a variant on the same contacts", () => {
    const base = erlangValidationDay({ replications: 8, agents: 10 });
    const variant = withChanges(base, (b) => ({ ...b, agents: [{ id: "agent", count: 15 }] }));
    const comparison = compareSimulations(parseSimulationInput(base), variant);
    // Common random numbers: both see exactly the same arrivals.
    expect(comparison.difference.offered.mean).toBe(0);
    expect(comparison.variant.day.serviceLevel.mean).toBeGreaterThan(comparison.base.day.serviceLevel.mean);
    expect(comparison.difference.serviceLevel.low!).toBeGreaterThan(0);
    expect(comparison.difference.occupancy.high!).toBeLessThan(0);
  });
});

describe("parseSimulationInput", () => {
  it("names the field and the rule a bad request breaks", () => {
    const request = erlangValidationDay();
    const bad = {
      ...request,
      queues: request.queues.map((q) => ({ ...q, arrivals: { kind: "poisson", perInterval: [1, 2] } })),
    };
    expect(() => parseSimulationInput(bad)).toThrow(
      "queues.0.arrivals.perInterval: Give one arrival mean per interval: the day has 16, this list has 2.",
    );
    expect(() => parseSimulationInput({ ...request, replications: 0 })).toThrow(/^replications: /);
    expect(() => parseSimulationInput({ ...request, agents: [{ id: "a#1" }] })).toThrow(
      "agents.0.id: Agent group ids cannot contain #.",
    );
    const late = { ...request, agents: [{ id: "late", shift: { startMinute: 500, endMinute: 600 } }] };
    expect(() => parseSimulationInput(late)).toThrow(
      "agents.0.shift.startMinute: The shift starts after the 480-minute day.",
    );
  });
});
