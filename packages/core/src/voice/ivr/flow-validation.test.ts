import { describe, expect, it } from "vitest";
import { validateFlow } from "./flow-validation.js";

const QUEUE = "7d0c2b9e-2f7a-4c1e-9a51-0b8f5e2f7a10";

const menuFlow = () => ({
  entry: "welcome",
  language: "id",
  nodes: {
    welcome: { type: "play", prompts: ["welcome"], next: "main" },
    main: {
      type: "menu",
      prompts: ["main-menu"],
      choices: { "1": "billing", "2": "bye" },
      fallback: "bye",
    },
    billing: { type: "transfer", queueId: QUEUE },
    bye: { type: "hangup", prompts: ["goodbye"] },
  } as Record<string, unknown>,
});

const errorsOf = (input: unknown) => {
  const result = validateFlow(input);
  return result.ok ? [] : result.errors.map((e) => ({ code: e.code, path: e.path }));
};

describe("IVR flow validation", () => {
  it("accepts a well-formed flow and fills in defaults", () => {
    const result = validateFlow(menuFlow());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    const main = result.flow.nodes.main;
    expect(main?.type === "menu" && [main.timeoutMs, main.maxRetries]).toEqual([5_000, 2]);
  });

  it("names the exact field of a choice that points at a missing node", () => {
    const flow = menuFlow();
    flow.nodes.main = { ...(flow.nodes.main as object), choices: { "1": "billing", "9": "nowhere" } };
    expect(errorsOf(flow)).toEqual([{ code: "unknown_target", path: "nodes.main.choices.9" }]);
  });

  it("reports a missing entry node", () => {
    expect(errorsOf({ ...menuFlow(), entry: "start" })).toEqual([{ code: "unknown_entry", path: "entry" }]);
  });

  it("warns about nodes no path reaches, without rejecting the flow", () => {
    const flow = menuFlow();
    flow.nodes.orphan = { type: "hangup" };
    const result = validateFlow(flow);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([["unreachable", "nodes.orphan"]]);
  });

  it("rejects a loop of plays and conditions that never waits for a key", () => {
    const flow = menuFlow();
    flow.nodes.welcome = { type: "play", prompts: ["welcome"], next: "check" };
    flow.nodes.check = {
      type: "condition",
      rules: [{ variable: "x", op: "exists", next: "main" }],
      otherwise: "welcome",
    };
    const errors = errorsOf(flow);
    expect(errors).toEqual([{ code: "loop_without_wait", path: "nodes.welcome" }]);
  });

  it("rejects a node that leads straight back to itself", () => {
    const flow = menuFlow();
    flow.nodes.welcome = { type: "setLanguage", language: "en", next: "welcome" };
    expect(errorsOf(flow)).toEqual([{ code: "loop_without_wait", path: "nodes.welcome" }]);
  });

  it("accepts a loop that passes through a menu, since the menu waits for the caller", () => {
    const flow = menuFlow();
    flow.nodes.bye = { type: "play", prompts: ["sorry"], next: "main" };
    expect(validateFlow(flow).ok).toBe(true);
  });

  it.each([
    ["a menu without a fallback", { fallback: undefined }, "nodes.main.fallback"],
    ["a timeout below 500 ms", { timeoutMs: 10 }, "nodes.main.timeoutMs"],
    ["a choice on a key that is not DTMF", { choices: { A: "billing" } }, "nodes.main.choices"],
    ["an unknown field", { colour: "red" }, "nodes.main"],
  ])("reports schema errors with their path: %s", (_, change, path) => {
    const flow = menuFlow();
    flow.nodes.main = { ...(flow.nodes.main as object), ...change };
    const errors = errorsOf(flow);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.every((e) => e.code === "schema")).toBe(true);
  });

  it("rejects a collect node whose minimum length exceeds its maximum, and bad patterns", () => {
    const flow = menuFlow();
    flow.nodes.ask = {
      type: "collect",
      prompts: ["enter"],
      variable: "customerNumber",
      minLength: 9,
      maxLength: 8,
      pattern: "([",
      next: "bye",
      fallback: "bye",
    };
    expect(errorsOf(flow).map((e) => e.path)).toEqual(
      expect.arrayContaining(["nodes.ask.minLength", "nodes.ask.pattern"]),
    );
  });

  it("rejects an unknown time zone and malformed opening hours", () => {
    const flow = menuFlow();
    flow.nodes.hours = {
      type: "businessHours",
      hours: { timeZone: "Asia/Atlantis", weekly: { mon: [["17:00", "08:00"]] } },
      open: "main",
      closed: "bye",
    };
    expect(errorsOf(flow).map((e) => e.path)).toEqual(
      expect.arrayContaining(["nodes.hours.hours.timeZone", "nodes.hours.hours.weekly.mon.0"]),
    );
  });

  it("rejects an HTTP lookup to a non-web URL", () => {
    const flow = menuFlow();
    flow.nodes.lookup = {
      type: "httpLookup",
      url: "file:///etc/passwd",
      map: {},
      next: "main",
      onError: "bye",
    };
    expect(errorsOf(flow).map((e) => e.path)).toContain("nodes.lookup.url");
  });

  it("rejects input that is not a flow at all without throwing", () => {
    for (const input of [null, 42, "flow", [], { nodes: {} }]) expect(validateFlow(input).ok).toBe(false);
  });
});
