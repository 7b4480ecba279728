import { describe, expect, it } from "vitest";
import { DEFAULT_DRAFT, draftToBodies } from "./simulation-form";

describe("simulation form", () => {
  it("spreads one agent figure over the arrivals and adds the what-if agents to the variant", () => {
    const result = draftToBodies({
      ...DEFAULT_DRAFT,
      arrivalsText: "10 20 30",
      agentsText: "4",
      extraAgents: 5,
    });
    expect(result).toMatchObject({
      ok: true,
      base: { arrivals: [10, 20, 30], agents: [4, 4, 4], ahtSeconds: 240, replications: 20 },
      variant: { arrivals: [10, 20, 30], agents: [9, 9, 9] },
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
    expect(fewer.ok && fewer.variant?.agents).toEqual([0, 5]);
  });

  it("says what is wrong with the input", () => {
    expect(draftToBodies({ ...DEFAULT_DRAFT, arrivalsText: "a b" })).toEqual({
      ok: false,
      problem: "arrivals",
    });
    expect(draftToBodies({ ...DEFAULT_DRAFT, agentsText: "" })).toEqual({ ok: false, problem: "agents" });
    expect(draftToBodies({ ...DEFAULT_DRAFT, arrivalsText: "1 2 3", agentsText: "1 2" })).toEqual({
      ok: false,
      problem: "agentsLength",
    });
    expect(draftToBodies({ ...DEFAULT_DRAFT, source: "forecast" })).toEqual({
      ok: false,
      problem: "forecast",
    });
  });

  it("sends a forecast id instead of arrivals when simulating a forecast", () => {
    const result = draftToBodies({
      ...DEFAULT_DRAFT,
      source: "forecast",
      forecastId: "f1",
      agentsText: "12",
      extraAgents: 0,
    });
    expect(result).toMatchObject({ ok: true, base: { forecastId: "f1", agents: [12] } });
    expect(result.ok && "arrivals" in result.base).toBe(false);
  });
});
