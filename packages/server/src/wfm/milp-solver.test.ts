import {
  buildShiftCountModel,
  decodeShiftCounts,
  type SchedulingProblem,
  type ShiftTemplate,
} from "@sentra/core";
import { describe, expect, it } from "vitest";
import { solveLp } from "./milp-solver.js";

const REQUIREMENT = [0, 0, 0, 0, 0, 0, 1, 4, 8, 9, 10, 9, 8, 16, 10, 10, 6, 7, 8, 8, 6, 6, 5, 4];
const STARTS = [0, 6, 8, 10, 12, 14, 16, 18];
const COSTS = [252, 288, 180, 180, 180, 288, 288, 288];

const sixHourShift = (hour: number, i: number): ShiftTemplate => ({
  id: `start-${hour}`,
  name: `Six hours from ${hour}:00`,
  earliestStartMinute: hour * 60,
  latestStartMinute: hour * 60,
  startStepMinutes: 60,
  lengthMinutes: 360,
  days: [0],
  cost: COSTS[i]!,
  breaks: [],
});

const textbook: SchedulingProblem = {
  intervalMinutes: 60,
  requirement: REQUIREMENT,
  templates: STARTS.map(sixHourShift),
  agents: [],
  underStaffPenalty: 0,
};

describe("shift-count MILP on HiGHS", () => {
  it("solves the textbook staffing case to its known optimum of 6336", async () => {
    const model = buildShiftCountModel(textbook, "hard");
    const solution = await solveLp(model.lp, { timeLimitSeconds: 30, relativeGap: 0 });
    expect(solution.status).toBe("optimal");
    expect(solution.objective).toBeCloseTo(6336, 6);
    const counts = decodeShiftCounts(model, solution.values);
    const coverage = new Array<number>(24).fill(0);
    let cost = 0;
    for (const { candidate, count } of counts) {
      expect(Number.isInteger(count)).toBe(true);
      cost += count * candidate.template.cost;
      for (let h = candidate.start / 60; h < candidate.end / 60; h++) coverage[h] = coverage[h]! + count;
    }
    expect(cost).toBe(6336);
    for (const [hour, need] of REQUIREMENT.entries()) expect(coverage[hour]).toBeGreaterThanOrEqual(need);
  });

  it("reports infeasible models without a solution", async () => {
    const lp = "Minimize\n obj: x\nSubject To\n c1: x >= 2\n c2: x <= 1\nEnd\n";
    const solution = await solveLp(lp);
    expect(solution.feasible).toBe(false);
    expect(solution.objective).toBeNull();
  });
});
