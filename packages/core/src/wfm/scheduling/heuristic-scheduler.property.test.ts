import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ExampleAgent, exampleWeekProblem } from "./example-week.js";
import { scheduleGreedily } from "./heuristic-scheduler.js";
import { finishSchedule } from "./schedule-result.js";
import { scheduleViolations } from "./schedule-validation.js";

const agentArb: fc.Arbitrary<ExampleAgent> = fc.record({
  maxHours: fc.integer({ min: 8, max: 45 }),
  restHours: fc.integer({ min: 8, max: 14 }),
  daysOff: fc.integer({ min: 1, max: 3 }),
  prayerOptIn: fc.boolean(),
  unavailableDay: fc.option(fc.integer({ min: 0, max: 6 })),
  latestEndHour: fc.option(fc.integer({ min: 15, max: 23 })),
});
const weekArb = fc.record({
  intervalMinutes: fc.constantFrom(15 as const, 30 as const, 60 as const),
  peak: fc.integer({ min: 1, max: 10 }),
  agents: fc.array(agentArb, { minLength: 1, maxLength: 10 }),
});

describe("greedy weekly scheduler", () => {
  it("never breaks a contract, availability, break window or prayer rule", () => {
    fc.assert(
      fc.property(weekArb, (week) => {
        const problem = exampleWeekProblem(week);
        const result = finishSchedule(problem, scheduleGreedily(problem), {
          solver: "heuristic",
          status: "heuristic",
          gap: null,
          seconds: 0,
        });
        expect(scheduleViolations(problem, result.shifts)).toEqual([]);
        for (const [i, need] of problem.requirement.entries()) {
          expect(result.shortfall[i]).toBeCloseTo(Math.max(0, need - result.coverage[i]!), 2);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("staffs nothing when nothing is required", () => {
    const problem = exampleWeekProblem({ intervalMinutes: 60, peak: 0, agents: [] });
    expect(scheduleGreedily(problem)).toEqual([]);
  });

  it("staffs an agent with a prayer break on Friday inside 11:30–13:00", () => {
    const agent: ExampleAgent = {
      maxHours: 45,
      restHours: 11,
      daysOff: 2,
      prayerOptIn: true,
      unavailableDay: null,
      latestEndHour: null,
    };
    const problem = exampleWeekProblem({ intervalMinutes: 30, peak: 2, agents: [agent] });
    const result = finishSchedule(problem, scheduleGreedily(problem), {
      solver: "heuristic",
      status: "heuristic",
      gap: null,
      seconds: 0,
    });
    const friday = result.shifts.find(
      (s) => s.day === 4 && s.start < 4 * 1440 + 780 && s.end > 4 * 1440 + 690,
    );
    expect(friday).toBeDefined();
    if (friday) {
      const prayer = friday.activities.find((a) => a.kind === "prayer");
      expect(prayer).toBeDefined();
      expect(prayer!.start).toBeGreaterThanOrEqual(4 * 1440 + 690);
      expect(prayer!.end).toBeLessThanOrEqual(4 * 1440 + 780);
      expect(friday.activities.some((a) => a.kind === "lunch")).toBe(false);
    }
    expect(scheduleViolations(problem, result.shifts)).toEqual([]);
  });
});
