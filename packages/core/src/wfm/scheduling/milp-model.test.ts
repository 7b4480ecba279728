import { describe, expect, it } from "vitest";
import { exampleWeekProblem } from "./example-week.js";
import {
  buildAgentScheduleModel,
  buildShiftCountModel,
  decodeAgentSchedule,
  decodeShiftCounts,
} from "./milp-model.js";
import type { SchedulingProblem } from "./schedule-model.js";

const tiny: SchedulingProblem = {
  intervalMinutes: 60,
  requirement: [0, 1, 2, 1],
  templates: [
    {
      id: "t",
      name: "two hours",
      earliestStartMinute: 0,
      latestStartMinute: 120,
      startStepMinutes: 60,
      lengthMinutes: 120,
      days: [0],
      cost: 10,
      breaks: [],
    },
  ],
  agents: [],
  underStaffPenalty: 100,
};

describe("LP-format model builder", () => {
  it("writes a shift-count model with one integer column per start and one row per staffed interval", () => {
    const model = buildShiftCountModel(tiny, "hard");
    expect(model.columns).toBe(3);
    expect(model.lp).toContain("Minimize\n obj: 10 n_0 + 10 n_1 + 10 n_2");
    expect(model.lp).toContain(" cover_2: 1 n_1 + 1 n_2 >= 2");
    expect(model.lp).not.toContain("cover_0");
    expect(model.lp).toMatch(/General\n n_0 n_1 n_2\nEnd/);
  });

  it("adds a penalised shortage column per interval when coverage is soft", () => {
    const model = buildShiftCountModel(tiny, 100);
    expect(model.lp).toContain("+ 100 s_1");
    expect(model.lp).toContain(" cover_1: 1 n_0 + 1 n_1 + 1 s_1 >= 1");
  });

  it("decodes counts and assignments by column name, ignoring shortage columns and zeros", () => {
    const counts = buildShiftCountModel(tiny, "hard");
    expect(
      decodeShiftCounts(
        counts,
        new Map([
          ["n_0", 0],
          ["n_1", 2.0000001],
          ["s_1", 1],
        ]),
      ).map((c) => [c.candidate.start, c.count]),
    ).toEqual([[60, 2]]);
    const week = exampleWeekProblem({
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
    const model = buildAgentScheduleModel(week);
    const [name] = [...model.assignments.keys()];
    const choices = decodeAgentSchedule(week, model, new Map([[name!, 1]]));
    expect(choices).toHaveLength(1);
    expect(choices[0]!.agent.id).toBe("agent-0");
  });

  it("writes the contract rows of the agent model", () => {
    const week = exampleWeekProblem({
      intervalMinutes: 60,
      peak: 2,
      agents: [
        {
          maxHours: 20,
          restHours: 11,
          daysOff: 3,
          prayerOptIn: false,
          unavailableDay: 6,
          latestEndHour: null,
        },
      ],
    });
    const model = buildAgentScheduleModel(week);
    expect(model.lp).toMatch(/ hours_0: .*<= 1200/s);
    expect(model.lp).toMatch(/ off_0: .*<= 4/s);
    expect(model.lp).toContain(" day_0_0:");
    expect(model.lp).not.toContain(" day_0_6:");
    expect(model.lp).toContain(" rest_0_");
  });
});
