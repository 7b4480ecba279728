import { describe, expect, it } from "vitest";
import type { AgentStatus } from "../../routing/agent-state.js";
import {
  type AdherenceResult,
  computeAdherence,
  type PlannedActivity,
  type StatusChange,
} from "./adherence.js";

const MIN = 60_000;
const available: AgentStatus = { kind: "available" };
const busy: AgentStatus = { kind: "busy" };
const wrapUp: AgentStatus = { kind: "wrap_up" };
const offline: AgentStatus = { kind: "offline" };
const onBreak: AgentStatus = { kind: "not_ready", reason: "break" };
const training: AgentStatus = { kind: "not_ready", reason: "training" };

const at = (minute: number, status: AgentStatus): StatusChange => ({ at: minute * MIN, status });
const plan = (...spans: [PlannedActivity["kind"], number, number][]): PlannedActivity[] =>
  spans.map(([kind, start, end]) => ({ kind, start: start * MIN, end: end * MIN }));

interface Case {
  readonly name: string;
  readonly activities: PlannedActivity[];
  readonly changes: StatusChange[];
  readonly to?: number;
  readonly expected: Partial<Omit<AdherenceResult, "episodes">> & {
    readonly episodes?: { start: number; end: number; expected: string; actual: string }[];
  };
}

const CASES: Case[] = [
  {
    name: "ready for the whole work block, away for the whole break",
    activities: plan(["work", 0, 60], ["break", 60, 75], ["work", 75, 120]),
    changes: [
      at(0, available),
      at(10, busy),
      at(40, wrapUp),
      at(45, available),
      at(60, onBreak),
      at(75, available),
    ],
    expected: { adherence: 1, conformance: 1, episodes: [] },
  },
  {
    name: "logs in 10 minutes late: out of adherence and under-conforming by 10 of 60",
    activities: plan(["work", 0, 60]),
    changes: [at(10, available)],
    expected: {
      adherence: 50 / 60,
      conformance: 50 / 60,
      episodes: [{ start: 0, end: 10, expected: "work", actual: "offline" }],
    },
  },
  {
    name: "a 2-minute late return from break stays within the 3-minute grace",
    activities: plan(["work", 0, 30], ["break", 30, 45], ["work", 45, 60]),
    changes: [at(0, available), at(30, onBreak), at(47, available)],
    expected: { adherence: 58 / 60, conformance: 43 / 45, episodes: [] },
  },
  {
    name: "working through lunch: adherent work is not enough, conformance above plan is capped by schedule",
    activities: plan(["work", 0, 60], ["lunch", 60, 120]),
    changes: [at(0, available), at(60, busy), at(120, offline)],
    expected: {
      adherence: 0.5,
      conformance: 1,
      episodes: [{ start: 60, end: 120, expected: "lunch", actual: "busy" }],
    },
  },
  {
    name: "touching out-of-adherence pieces merge into one episode",
    activities: plan(["break", 0, 30]),
    changes: [at(0, busy), at(10, wrapUp), at(20, onBreak)],
    expected: {
      adherence: 10 / 30,
      conformance: null,
      episodes: [{ start: 0, end: 20, expected: "break", actual: "busy, wrap_up" }],
    },
  },
  {
    name: "training expects not ready; logged out is out of adherence",
    activities: plan(["training", 0, 60]),
    changes: [at(0, training), at(30, offline)],
    expected: { adherence: 0.5, episodes: [{ start: 30, end: 60, expected: "training", actual: "offline" }] },
  },
  {
    name: "off time is not scheduled time",
    activities: plan(["off", 0, 60], ["work", 60, 120]),
    changes: [at(0, busy), at(60, available)],
    expected: { adherence: 1, scheduledMs: 60 * MIN, conformance: 1 },
  },
  {
    name: "only the elapsed part counts when asking so far today",
    activities: plan(["work", 0, 480]),
    changes: [at(0, available)],
    to: 60,
    expected: { adherence: 1, scheduledMs: 60 * MIN },
  },
  {
    name: "nothing scheduled: no ratio",
    activities: [],
    changes: [at(0, available)],
    expected: { adherence: null, conformance: null, episodes: [] },
  },
];

describe("computeAdherence", () => {
  it.each(CASES)("$name", ({ activities, changes, to, expected }) => {
    const result = computeAdherence({
      activities,
      changes,
      from: 0,
      to: (to ?? 24 * 60) * MIN,
      graceMs: 3 * MIN,
    });
    const { episodes, ...ratios } = expected;
    for (const [key, value] of Object.entries(ratios)) {
      if (value === null) expect(result[key as keyof typeof ratios]).toBeNull();
      else expect(result[key as keyof typeof ratios]).toBeCloseTo(value as number, 9);
    }
    if (episodes) {
      expect(result.episodes).toEqual(
        episodes.map((e) => ({ ...e, start: e.start * MIN, end: e.end * MIN })),
      );
    }
  });
});
