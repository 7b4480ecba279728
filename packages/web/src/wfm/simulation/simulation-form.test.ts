import { describe, expect, it } from "vitest";
import { agentGroups, DEFAULT_DRAFT, draftToBodies, forecastDates, forecastDay } from "./simulation-form";

const onShift = (groups: ReturnType<typeof agentGroups>, minute: number) =>
  groups
    .filter((g) => g.shift && g.shift.startMinute <= minute && minute < g.shift.endMinute)
    .reduce((sum, g) => sum + g.count, 0);

describe("agents per interval as shift groups", () => {
  it("stacks levels of the staffing curve into shifts", () => {
    const groups = agentGroups([2, 3, 1, 0, 2], 30);
    expect(groups).toEqual([
      { id: "shift-0-90", count: 1, shift: { startMinute: 0, endMinute: 90 } },
      { id: "shift-120-150", count: 2, shift: { startMinute: 120, endMinute: 150 } },
      { id: "shift-0-60", count: 1, shift: { startMinute: 0, endMinute: 60 } },
      { id: "shift-30-60", count: 1, shift: { startMinute: 30, endMinute: 60 } },
    ]);
  });

  it("puts exactly the asked agents on shift in every interval", () => {
    const staffing = [0, 4, 7, 7, 3, 9, 1, 0, 2];
    const groups = agentGroups(staffing, 15);
    staffing.forEach((agents, i) => {
      expect(onShift(groups, i * 15)).toBe(agents);
    });
  });
});

describe("simulation form", () => {
  it("builds the simulator's request and a variant with the what-if agents", () => {
    const result = draftToBodies({
      ...DEFAULT_DRAFT,
      arrivalsText: "10 20 30",
      agentsText: "4",
      extraAgents: 5,
    });
    expect(result).toMatchObject({
      ok: true,
      base: {
        replications: 20,
        day: { lengthMinutes: 90, intervalMinutes: 30 },
        serviceLevelSeconds: 20,
        queues: [
          {
            arrivals: { kind: "poisson", perInterval: [10, 20, 30] },
            handleTime: { kind: "exponential", meanSeconds: 240 },
            patience: { kind: "exponential", meanSeconds: 90 },
          },
        ],
        agents: [{ count: 4, shift: { startMinute: 0, endMinute: 90 } }],
      },
      variant: { agents: [{ count: 9 }] },
    });
  });

  it("runs the base alone without a what-if and never goes below zero agents", () => {
    expect(draftToBodies({ ...DEFAULT_DRAFT, extraAgents: 0 })).toMatchObject({ ok: true, variant: null });
    const fewer = draftToBodies({
      ...DEFAULT_DRAFT,
      arrivalsText: "1 1",
      agentsText: "2 8",
      extraAgents: -3,
    });
    expect(fewer.ok && fewer.variant?.agents).toEqual([
      { id: "shift-30-60", count: 5, shift: { startMinute: 30, endMinute: 60 } },
    ]);
  });

  it("says what is wrong with the input", () => {
    expect(draftToBodies({ ...DEFAULT_DRAFT, arrivalsText: "a b" })).toEqual({
      ok: false,
      problem: "arrivals",
    });
    expect(draftToBodies({ ...DEFAULT_DRAFT, agentsText: "" })).toEqual({ ok: false, problem: "agents" });
    expect(draftToBodies({ ...DEFAULT_DRAFT, agentsText: "2.5" })).toEqual({ ok: false, problem: "agents" });
    expect(draftToBodies({ ...DEFAULT_DRAFT, arrivalsText: "1 2 3", agentsText: "1 2" })).toEqual({
      ok: false,
      problem: "agentsLength",
    });
    expect(draftToBodies({ ...DEFAULT_DRAFT, agentsText: "0" })).toEqual({ ok: false, problem: "noAgents" });
  });
});

describe("simulating a forecast's day", () => {
  const intervals = [
    { intervalStart: "2026-11-23T16:30:00Z", adjustedVolume: 3 },
    { intervalStart: "2026-11-24T01:00:00Z", adjustedVolume: 12.34 },
    { intervalStart: "2026-11-24T01:30:00Z", adjustedVolume: 20 },
    { intervalStart: "2026-11-24T17:00:00Z", adjustedVolume: 5 },
  ];

  it("takes the volumes of the chosen local day, its start clock and staffing", () => {
    const staffing = [
      { intervalStart: "2026-11-24T01:00:00Z", agents: 4 },
      { intervalStart: "2026-11-24T01:30:00Z", agents: 6 },
    ];
    expect(forecastDay(intervals, staffing, "2026-11-24", "Asia/Jakarta")).toEqual({
      arrivals: [12.3, 20],
      agents: [4, 6],
      startMinute: 480,
    });
    expect(forecastDay(intervals, [], "2026-11-24", "Asia/Jakarta")?.agents).toBeNull();
    expect(forecastDay(intervals, [], "2026-12-24", "Asia/Jakarta")).toBeNull();
  });

  it("lists the local dates a forecast covers", () => {
    expect(forecastDates(intervals, "Asia/Jakarta")).toEqual(["2026-11-23", "2026-11-24", "2026-11-25"]);
  });
});
