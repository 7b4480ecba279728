import { describe, expect, it } from "vitest";
import type { AgentAdherence } from "../../api/wfm";
import { applyAdherenceEvent, asPercent, boardTotals, isAdherenceEvent, sortForBoard } from "./adherence";

const agent = (agentId: string, adherencePercent: number | null, outOfAdherence = false): AgentAdherence => ({
  agentId,
  agentName: agentId,
  scheduledActivity: "work",
  actualState: "available",
  adherencePercent,
  conformancePercent: 100,
  outOfAdherence,
});

describe("adherence alerts", () => {
  it("recognises adherence events", () => {
    expect(isAdherenceEvent("wfm.adherence.out")).toBe(true);
    expect(isAdherenceEvent("agent.state_changed")).toBe(false);
  });

  it("keeps one alert per agent, newest first, and clears it when the agent is back", () => {
    let alerts = applyAdherenceEvent([], "wfm.adherence.out", "2026-11-23T02:00:00Z", {
      agentId: "a",
      scheduled: "work",
      actual: "not_ready",
    });
    alerts = applyAdherenceEvent(alerts, "wfm.adherence.out", "2026-11-23T02:01:00Z", {
      agentId: "b",
      scheduled: "lunch",
      actual: "busy",
    });
    alerts = applyAdherenceEvent(alerts, "wfm.adherence.out", "2026-11-23T02:02:00Z", {
      agentId: "a",
      scheduled: "work",
      actual: "offline",
    });
    expect(alerts.map((a) => [a.agentId, a.actual])).toEqual([
      ["a", "offline"],
      ["b", "busy"],
    ]);
    alerts = applyAdherenceEvent(alerts, "wfm.adherence.in_adherence", "2026-11-23T02:03:00Z", {
      agentId: "a",
    });
    expect(alerts.map((a) => a.agentId)).toEqual(["b"]);
    expect(applyAdherenceEvent(alerts, "wfm.adherence.out", "x", { nobody: true })).toEqual(alerts);
  });
});

describe("adherence board", () => {
  it("puts agents out of adherence first, then the lowest adherence", () => {
    const sorted = sortForBoard(
      [agent("c", 99), agent("a", 80), agent("b", 95, true), agent("d", null)],
      new Map(),
    );
    expect(sorted.map((a) => a.agentId)).toEqual(["b", "a", "c", "d"]);
  });

  it("averages known figures and counts who is out now", () => {
    expect(boardTotals([agent("a", 80), agent("b", 90, true), agent("c", null)])).toEqual({
      adherence: 85,
      conformance: 100,
      outNow: 1,
    });
  });

  it("shows ratios and percents alike", () => {
    expect(asPercent(0.934)).toBe(93.4);
    expect(asPercent(93.4)).toBe(93.4);
    expect(asPercent(null)).toBeNull();
  });
});
