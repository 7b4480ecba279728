import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulateReplication } from "./day-simulator.js";
import { Random, streamSeed } from "./random.js";
import { parseSimulationInput } from "./run-simulation.js";
import type { SimulationRequest } from "./simulation-input.js";
import { nextPoissonArrival, planSimulation } from "./simulation-plan.js";

const sum = (series: Float64Array) => series.reduce((a, b) => a + b, 0);

/**
 * Reference oracle for one FIFO queue served by c identical agents who answer at once: each caller in
 * arrival order takes the agent that frees up first (Kiefer–Wolfowitz), and nobody starts after the shift
 * ends. It draws the same random numbers in the same order as the simulator (gap, then per contact its
 * handle time followed by the next gap), so the two must agree contact for contact.
 */
function fifoOracle(
  seed: number,
  perInterval: number[],
  intervalMs: number,
  dayMs: number,
  agents: number,
  meanMs: number,
) {
  const random = new Random(streamSeed(seed, 0, 0));
  const free = new Array<number>(agents).fill(0);
  let answered = 0;
  let waitMs = 0;
  let at = nextPoissonArrival(random, perInterval, intervalMs, dayMs, 0);
  while (at < dayMs) {
    const handle = random.exponential(meanMs);
    let first = 0;
    for (let n = 1; n < agents; n++) if (free[n]! < free[first]!) first = n;
    const start = Math.max(at, free[first]!);
    if (start <= dayMs) {
      answered++;
      waitMs += start - at;
      free[first] = start + handle;
    } else {
      free[first] = Number.POSITIVE_INFINITY;
    }
    at = nextPoissonArrival(random, perInterval, intervalMs, dayMs, at);
  }
  return { answered, waitMs };
}

describe("DaySimulator (properties)", () => {
  it("agrees with the FIFO multi-server oracle wait for wait", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 30, max: 600 }),
        (seed, agents, perInterval, meanSeconds) => {
          const request: SimulationRequest = {
            seed,
            replications: 1,
            day: { lengthMinutes: 60, intervalMinutes: 20 },
            queues: [
              {
                id: "q",
                arrivals: { kind: "poisson", perInterval },
                handleTime: { kind: "exponential", meanSeconds },
              },
            ],
            agents: [{ id: "a", count: agents }],
          };
          const tally = simulateReplication(planSimulation(parseSimulationInput(request)), 0);
          const oracle = fifoOracle(seed, perInterval, 20 * 60_000, 60 * 60_000, agents, meanSeconds * 1000);
          expect(sum(tally.answered)).toBe(oracle.answered);
          expect(sum(tally.answeredWaitMs)).toBeCloseTo(oracle.waitMs, 3);
        },
      ),
      { numRuns: 40 },
    );
  });

  const scenario = fc.record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    voice: fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 4, maxLength: 4 }),
    chat: fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 4, maxLength: 4 }),
    patience: fc.option(fc.integer({ min: 10, max: 600 }), { nil: undefined }),
    maxWait: fc.option(fc.integer({ min: 30, max: 900 }), { nil: undefined }),
    wrapSeconds: fc.integer({ min: 0, max: 60 }),
    // 15 s is the offer timeout: ties between an answer and the ring-out must be handled.
    answerDelay: fc.constantFrom(0, 3, 15, 20),
    groups: fc.array(
      fc.record({
        count: fc.integer({ min: 1, max: 4 }),
        start: fc.integer({ min: 0, max: 60 }),
        length: fc.integer({ min: 10, max: 120 }),
        breakAt: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        chats: fc.integer({ min: 0, max: 3 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });

  it("conserves contacts, respects capacity and staffed time, and repeats itself", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const request: SimulationRequest = {
          seed: s.seed,
          replications: 1,
          day: { lengthMinutes: 120, intervalMinutes: 30 },
          queues: [
            {
              id: "voice",
              channel: "voice",
              arrivals: { kind: "poisson", perInterval: s.voice },
              handleTime: { kind: "lognormal", meanSeconds: 180, sdSeconds: 90 },
              wrapUp: { kind: "fixed", seconds: s.wrapSeconds },
              patience:
                s.patience === undefined
                  ? { kind: "none" }
                  : { kind: "exponential", meanSeconds: s.patience },
              maxWaitSeconds: s.maxWait,
              offerTimeoutSeconds: 15,
            },
            {
              id: "chat",
              channel: "chat",
              arrivals: { kind: "poisson", perInterval: s.chat },
              handleTime: { kind: "exponential", meanSeconds: 400 },
            },
          ],
          agents: s.groups.map((g, n) => ({
            id: `g${n}`,
            count: g.count,
            capacity: { max: { voice: 1, chat: g.chats }, exclusive: ["voice"] },
            shift: { startMinute: g.start, endMinute: Math.min(120, g.start + g.length) },
            breaks: g.breakAt === undefined ? [] : [{ startMinute: g.breakAt, durationMinutes: 10 }],
            answerDelaySeconds: n === 0 ? s.answerDelay : 0,
          })),
        };
        const plan = planSimulation(parseSimulationInput(request));
        const tally = simulateReplication(plan, 0);
        const ended = sum(tally.answered) + sum(tally.abandoned) + sum(tally.timedOut) + tally.waitingAtEnd;
        expect(ended).toBe(sum(tally.offered));
        expect(tally.capacityExcess).toBe(0);
        for (let k = 0; k < plan.intervals; k++)
          expect(tally.busyMs[k]!).toBeLessThanOrEqual(tally.staffedMs[k]! + 1e-6);
        expect(sum(tally.answeredWithinThreshold)).toBeLessThanOrEqual(sum(tally.answered));
        const again = simulateReplication(plan, 0);
        expect(Array.from(again.answeredWaitMs)).toEqual(Array.from(tally.answeredWaitMs));
        expect(again.events).toBe(tally.events);
      }),
      { numRuns: 40 },
    );
  });
});
