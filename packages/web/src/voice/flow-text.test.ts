import { describe, expect, it } from "vitest";
import { checkFlowText, STARTER_FLOW, summariseFlow } from "./flow-text";

describe("the IVR flow editor's checks", () => {
  it("accepts the starter flow", () => {
    const check = checkFlowText(JSON.stringify(STARTER_FLOW));
    expect([check.parseError, check.errors, check.warnings]).toEqual([undefined, [], []]);
  });

  it("reports text that is not JSON, or not a JSON object", () => {
    expect(checkFlowText("{ entry: ").parseError).toBeTruthy();
    expect(checkFlowText("[1, 2]").parseError).toBe("not_object");
  });

  it("lists errors with the path of the field at fault", () => {
    const flow = structuredClone(STARTER_FLOW) as { nodes: { main: { choices: Record<string, string> } } };
    flow.nodes.main.choices["2"] = "nowhere";
    expect(checkFlowText(JSON.stringify(flow)).errors.map((e) => e.path)).toEqual(["nodes.main.choices.2"]);
  });

  it("summarises each node with where it leads, marking targets that do not exist", () => {
    const flow = structuredClone(STARTER_FLOW) as unknown as Record<string, unknown> & {
      nodes: Record<string, unknown> & { welcome: { next: string } };
    };
    flow.nodes.welcome.next = "ghost";
    flow.nodes.broken = { type: "menu" };
    const summary = summariseFlow(flow);
    expect(summary[0]).toMatchObject({ id: "welcome", type: "play", entry: true });
    expect(summary[0]?.targets).toEqual([{ field: "next", target: "ghost", missing: true }]);
    expect(summary.find((n) => n.id === "broken")).toMatchObject({ invalid: true, targets: [] });
    expect(summary.find((n) => n.id === "goodbye")?.targets).toEqual([]);
  });
});
