import {
  buildAgentScheduleModel,
  decodeAgentSchedule,
  type ExampleAgent,
  exampleWeekProblem,
  finishSchedule,
  scheduleViolations,
} from "@sentra/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduleWeek, solveLp } from "./milp-solver.js";

const agentArb: fc.Arbitrary<ExampleAgent> = fc.record({
  maxHours: fc.integer({ min: 8, max: 45 }),
  restHours: fc.integer({ min: 8, max: 14 }),
  daysOff: fc.integer({ min: 1, max: 3 }),
  prayerOptIn: fc.boolean(),
  unavailableDay: fc.option(fc.integer({ min: 0, max: 6 })),
  latestEndHour: fc.option(fc.integer({ min: 15, max: 23 })),
});

describe("agent-level weekly MILP on HiGHS", () => {
  it("never breaks a contract, availability, break window or prayer rule", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          intervalMinutes: fc.constantFrom(30 as const, 60 as const),
          peak: fc.integer({ min: 1, max: 5 }),
          agents: fc.array(agentArb, { minLength: 1, maxLength: 5 }),
        }),
        async (week) => {
          const problem = exampleWeekProblem(week);
          const model = buildAgentScheduleModel(problem);
          const solution = await solveLp(model.lp, { timeLimitSeconds: 3 });
          expect(solution.feasible).toBe(true);
          const result = finishSchedule(problem, decodeAgentSchedule(problem, model, solution.values), {
            solver: "milp",
            status: solution.status,
            gap: solution.gap,
            seconds: 0,
          });
          expect(scheduleViolations(problem, result.shifts)).toEqual([]);
        },
      ),
      { numRuns: 10 },
    );
  });

  it("costs no more than the greedy schedule on the same week", async () => {
    const agents = Array.from({ length: 4 }, (_, i) => ({
      maxHours: 40,
      restHours: 11,
      daysOff: 2,
      prayerOptIn: i % 2 === 0,
      unavailableDay: i === 3 ? 2 : null,
      latestEndHour: null,
    }));
    const problem = exampleWeekProblem({ intervalMinutes: 60, peak: 3, agents });
    const milp = await scheduleWeek(problem, { timeLimitSeconds: 8 });
    const greedy = await scheduleWeek(problem, { maxColumns: 0 });
    // Either the MILP's schedule, or the greedy one when the MILP stopped at its limit with a costlier plan.
    expect(greedy.solver.solver).toBe("heuristic");
    expect(greedy.solver.fallbackReason).toMatch(/exceed the MILP limit/);
    expect(milp.cost).toBeLessThanOrEqual(greedy.cost);
  });

  it("falls back to the heuristic when the solver fails, and says so", async () => {
    const problem = exampleWeekProblem({
      intervalMinutes: 60,
      peak: 2,
      agents: [
        {
          maxHours: 40,
          restHours: 11,
          daysOff: 2,
          prayerOptIn: false,
          unavailableDay: null,
          latestEndHour: null,
        },
      ],
    });
    const result = await scheduleWeek(problem, {
      solve: async () => {
        throw new Error("wasm unavailable");
      },
    });
    expect(result.solver).toMatchObject({
      solver: "heuristic",
      fallbackReason: "The MILP solver failed: wasm unavailable",
    });
    expect(result.shifts.length).toBeGreaterThan(0);
  });
});
