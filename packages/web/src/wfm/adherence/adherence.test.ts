import { describe, expect, it } from "vitest";
import type { AgentAdherence } from "../../api/wfm";
import {
  applyAdherenceEvent,
  asPercent,
  boardTotals,
  isAdherenceEvent,
  isOutNow,
  publishedCovering,
  scheduledNow,
  sortForBoard,
} from "./adherence";

const END = "2026-11-23T05:00:00.000Z";
const agent = (agentId: string, adherence: number | null, openEpisode = false): AgentAdherence => ({
  agentId,
  displayName: agentId,
  adherence,
  conformance: 1,
  scheduledMinutes: 100,
  inAdherenceMinutes: (adherence ?? 0) * 100,
  scheduledWorkMinutes: 80,
  workedMinutes: 80,
  episodes: openEpisode
    ? [{ start: "2026-11-23T04:50:00.000Z", end: END, minutes: 10, expected: "work", actual: "not_ready" }]
    : [
        {
          start: "2026-11-23T02:00:00.000Z",
          end: "2026-11-23T02:10:00.000Z",
          minutes: 10,
          expected: "work",
          actual: "offline",
        },
      ],
});

describe("adherence alerts", () => {
  it("recognises the monitor's events", () => {
    expect(isAdherenceEvent("wfm.adherence_alert")).toBe(true);
    expect(isAdherenceEvent("agent_state_changed")).toBe(false);
  });

  it("keeps one alert per agent, newest first", () => {
    let alerts = applyAdherenceEvent([], "2026-11-23T02:00:00Z", {
      agentId: "a",
      expected: "work",
      actual: "not_ready",
    });
    alerts = applyAdherenceEvent(alerts, "2026-11-23T02:01:00Z", {
      agentId: "b",
      expected: "lunch",
      actual: "busy",
      since: "2026-11-23T01:58:00Z",
    });
    alerts = applyAdherenceEvent(alerts, "2026-11-23T02:02:00Z", {
      agentId: "a",
      expected: "work",
      actual: "offline",
    });
    expect(alerts.map((a) => [a.agentId, a.actual, a.since])).toEqual([
      ["a", "offline", "2026-11-23T02:02:00Z"],
      ["b", "busy", "2026-11-23T01:58:00Z"],
    ]);
    expect(applyAdherenceEvent(alerts, "x", { nobody: true })).toEqual(alerts);
  });
});

describe("adherence board", () => {
  it("treats an episode open at the window's end as out of adherence now", () => {
    expect(isOutNow(agent("a", 0.9, true), END)).toBe(true);
    expect(isOutNow(agent("a", 0.9), END)).toBe(false);
  });

  it("puts agents out of adherence first, then the lowest adherence", () => {
    const sorted = sortForBoard(
      [agent("c", 0.99), agent("a", 0.8), agent("b", 0.95, true), agent("d", null)],
      END,
    );
    expect(sorted.map((a) => a.agentId)).toEqual(["b", "a", "c", "d"]);
  });

  it("weights team figures by scheduled time", () => {
    const long = { ...agent("a", 0.5), scheduledMinutes: 300, inAdherenceMinutes: 150 };
    expect(boardTotals([long, agent("b", 1, true)], END)).toEqual({
      adherence: 62.5,
      conformance: 100,
      outNow: 1,
    });
    expect(boardTotals([], END)).toEqual({ adherence: null, conformance: null, outNow: 0 });
  });

  it("shows ratios as percents", () => {
    expect(asPercent(0.9345)).toBe(93.5);
    expect(asPercent(null)).toBeNull();
  });
});

describe("scheduled activity now", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 17) + minute * 60_000).toISOString();
  const shift = {
    id: "s",
    scheduleId: "w",
    agentId: "budi",
    templateId: null,
    day: 0,
    start: 480,
    end: 1020,
    startsAt: at(480),
    endsAt: at(1020),
    activities: [
      { kind: "work" as const, start: 480, end: 720, startsAt: at(480), endsAt: at(720) },
      { kind: "lunch" as const, start: 720, end: 780, startsAt: at(720), endsAt: at(780) },
      { kind: "work" as const, start: 780, end: 1020, startsAt: at(780), endsAt: at(1020) },
    ],
  };

  it("reads the activity under the instant, and nothing outside the shift", () => {
    expect(scheduledNow([shift], Date.parse(at(600))).get("budi")).toBe("work");
    expect(scheduledNow([shift], Date.parse(at(730))).get("budi")).toBe("lunch");
    expect(scheduledNow([shift], Date.parse(at(1020))).has("budi")).toBe(false);
  });

  it("keeps the published schedules whose week holds the date", () => {
    const list = [
      { id: "a", status: "published", weekStart: "2026-11-23" },
      { id: "b", status: "draft", weekStart: "2026-11-23" },
      { id: "c", status: "published", weekStart: "2026-11-16" },
    ];
    expect(publishedCovering(list, "2026-11-29").map((s) => s.id)).toEqual(["a"]);
    expect(publishedCovering(list, "2026-11-22").map((s) => s.id)).toEqual(["c"]);
  });
});
