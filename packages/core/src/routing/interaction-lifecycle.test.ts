import { describe, expect, it } from "vitest";
import { UserError } from "../errors/sentra-error.js";
import {
  assertTransition,
  canTransition,
  INTERACTION_STATES,
  type InteractionState,
  TERMINAL_STATES,
} from "./interaction-lifecycle.js";

const LEGAL: readonly [InteractionState, InteractionState][] = [
  ["created", "queued"],
  ["created", "abandoned"],
  ["created", "failed"],
  ["created", "closed"],
  ["queued", "offered"],
  ["queued", "abandoned"],
  ["queued", "timed_out"],
  ["queued", "transferred"],
  ["queued", "failed"],
  ["queued", "closed"],
  ["offered", "connected"],
  ["offered", "queued"],
  ["offered", "abandoned"],
  ["offered", "failed"],
  ["connected", "wrap_up"],
  ["connected", "transferred"],
  ["connected", "failed"],
  ["wrap_up", "closed"],
  ["transferred", "queued"],
  ["transferred", "closed"],
];

const isLegal = (from: InteractionState, to: InteractionState) =>
  LEGAL.some(([f, t]) => f === from && t === to);
const ILLEGAL = INTERACTION_STATES.flatMap((from) =>
  INTERACTION_STATES.filter((to) => !isLegal(from, to)).map((to) => [from, to] as const),
);

describe("interaction lifecycle", () => {
  it.each(LEGAL)("allows %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(assertTransition("i1", from, to)).toBe(to);
  });

  it.each(ILLEGAL)("rejects %s → %s with a conflict error coded illegal_transition", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    const error = (() => {
      try {
        assertTransition("i1", from, to);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ reason: "conflict", code: "illegal_transition", details: { from, to } });
  });

  it("has no way out of a terminal state", () => {
    for (const state of TERMINAL_STATES) {
      expect(INTERACTION_STATES.filter((to) => canTransition(state, to))).toEqual([]);
    }
  });
});
