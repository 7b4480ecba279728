import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../time/clock.js";
import type { IvrFlow } from "./flow-schema.js";
import { validateFlow } from "./flow-validation.js";
import { startIvr, stepIvr } from "./ivr-interpreter.js";
import {
  type IvrCommand,
  type IvrEvent,
  type IvrState,
  type IvrStep,
  MAX_NODE_VISITS,
  TERMINAL_COMMANDS,
} from "./ivr-types.js";

const QUEUE = "7d0c2b9e-2f7a-4c1e-9a51-0b8f5e2f7a10";
const KEYS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#"] as const;

/**
 * A random valid flow: node i may lead anywhere if it waits for keys (menu, collect, callback); otherwise
 * only to later nodes or to waiting ones, so no loop skips a wait. Terminal kinds end it.
 */
const flowArb: fc.Arbitrary<IvrFlow> = fc
  .integer({ min: 1, max: 12 })
  .chain((size) => {
    const ids = Array.from({ length: size }, (_, i) => `n${i}`);
    const anyId = fc.constantFrom(...ids);
    const prompts = fc.array(
      fc.oneof(fc.constantFrom("a", "b"), fc.constant({ sayDigits: "callerNumber" })),
      {
        minLength: 1,
        maxLength: 2,
      },
    );
    const nodeArb = (i: number): fc.Arbitrary<Record<string, unknown>> => {
      const waiting = [
        fc.record({
          type: fc.constant("menu"),
          prompts,
          choices: fc.dictionary(fc.constantFrom(...KEYS), anyId, { minKeys: 1, maxKeys: 4 }),
          timeoutMs: fc.constant(1_000),
          maxRetries: fc.integer({ min: 0, max: 3 }),
          fallback: anyId,
        }),
        fc.record({
          type: fc.constant("collect"),
          prompts,
          variable: fc.constantFrom("v1", "v2"),
          minLength: fc.constant(1),
          maxLength: fc.integer({ min: 1, max: 6 }),
          format: fc.constantFrom("digits", "ddmmyyyy"),
          maxRetries: fc.integer({ min: 0, max: 3 }),
          next: anyId,
          fallback: anyId,
        }),
        fc.record({
          type: fc.constant("callback"),
          queueId: fc.constant(QUEUE),
          confirmPrompts: prompts,
          enterNumberPrompts: prompts,
          maxRetries: fc.integer({ min: 0, max: 2 }),
          fallback: anyId,
        }),
      ];
      const terminal = [
        fc.constant({ type: "transfer", queueId: QUEUE }),
        fc.record({ type: fc.constant("voicemail"), prompts: fc.array(fc.constant("vm"), { maxLength: 1 }) }),
        fc.record({ type: fc.constant("hangup"), prompts: fc.array(fc.constant("bye"), { maxLength: 1 }) }),
      ];
      if (i + 1 >= size) return fc.oneof(...terminal, ...waiting);
      const forward = fc.constantFrom(...ids.slice(i + 1));
      const passing = [
        fc.record({ type: fc.constant("play"), prompts, next: forward }),
        fc.record({ type: fc.constant("setLanguage"), language: fc.constantFrom("id", "en"), next: forward }),
        fc.record({
          type: fc.constant("businessHours"),
          hours: fc.constant({ timeZone: "Asia/Makassar", weekly: { mon: [["08:00", "17:00"]] } }),
          open: forward,
          closed: forward,
        }),
        fc.record({
          type: fc.constant("httpLookup"),
          url: fc.constant("http://127.0.0.1/x?n={{v1}}"),
          map: fc.constant({ v2: "a.b" }),
          next: forward,
          onError: forward,
        }),
        fc.record({
          type: fc.constant("condition"),
          rules: fc.array(
            fc.record({ variable: fc.constantFrom("v1", "v2"), op: fc.constant("exists"), next: forward }),
            { minLength: 1, maxLength: 2 },
          ),
          otherwise: forward,
        }),
      ];
      return fc.oneof(...passing, ...waiting, ...terminal);
    };
    return fc.tuple(...ids.map((_, i) => nodeArb(i)));
  })
  .map((nodes) => {
    const result = validateFlow({
      entry: "n0",
      language: "id",
      nodes: Object.fromEntries(nodes.map((node, i) => [`n${i}`, node])),
    });
    if (!result.ok) throw new Error(`generator made an invalid flow: ${JSON.stringify(result.errors)}`);
    return result.flow;
  });

/** Events as a script: "finish" resolves to the prompt playing at that moment, so scripts make progress. */
type Scripted = IvrEvent | { type: "finish" };
const eventArb: fc.Arbitrary<Scripted> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ type: "finish" as const }) },
  { weight: 4, arbitrary: fc.constantFrom(...KEYS).map((digit) => ({ type: "dtmf" as const, digit })) },
  { weight: 2, arbitrary: fc.constant({ type: "timeout" as const }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 5 }).map((playId) => ({ type: "promptFinished" as const, playId })),
  },
  { weight: 1, arbitrary: fc.constant({ type: "lookupResult" as const, body: { a: { b: "x" } } }) },
  { weight: 1, arbitrary: fc.constant({ type: "lookupFailed" as const, reason: "timeout" }) },
  { weight: 1, arbitrary: fc.constant({ type: "callerHungUp" as const }) },
);

const resolveEvent = (event: Scripted, state: IvrState): IvrEvent =>
  event.type === "finish" ? { type: "promptFinished", playId: state.playId } : event;

/** Checks one step's invariants and the engine-side timer bookkeeping; returns whether a timer now runs. */
function checkStep(step: IvrStep, timerWasRunning: boolean, event?: IvrEvent): boolean {
  // A timeout means the engine's timer fired, so it no longer runs.
  let running = event?.type === "timeout" ? false : timerWasRunning;
  for (const command of step.commands) {
    if (command.type === "startDigitTimer") {
      expect(running, "a timer started while one was running").toBe(false);
      running = true;
    }
    if (command.type === "cancelTimer") {
      expect(running, "a timer cancelled that was not running").toBe(true);
      running = false;
    }
  }
  const { state } = step;
  const terminal = step.commands.filter((c) => (TERMINAL_COMMANDS as readonly string[]).includes(c.type));
  expect(terminal.length).toBeLessThanOrEqual(1);
  if (state.phase === "ended") {
    expect(state.endReason).toBeDefined();
    expect(state.timerRunning).toBe(false);
    if (event?.type !== "callerHungUp" && step.commands.length > 0) {
      const last = step.commands.at(-1) as IvrCommand;
      expect(TERMINAL_COMMANDS as readonly string[]).toContain(last.type);
    }
  } else {
    expect(terminal).toEqual([]);
    expect(["prompting", "awaitingKeys", "awaitingLookup", "closing"]).toContain(state.phase);
    if (state.phase === "awaitingKeys") expect(state.timerRunning).toBe(true);
  }
  expect(state.timerRunning).toBe(running);
  return running;
}

describe("IVR interpreter properties", () => {
  it("never throws, and after every event has either ended with a terminal command or waits for input", () => {
    fc.assert(
      fc.property(flowArb, fc.array(eventArb, { maxLength: 60 }), fc.boolean(), (flow, script, anonymous) => {
        const clock = new ManualClock(Date.UTC(2026, 10, 23, 3, 0));
        const context = anonymous
          ? { dialedNumber: "1000" }
          : { dialedNumber: "1000", callerNumber: "+62215550100" };
        let step = startIvr(flow, context, clock);
        let running = checkStep(step, false);
        let endedAt: number | undefined;
        script.forEach((scripted, i) => {
          const event = resolveEvent(scripted, step.state);
          const wasEnded = step.state.phase === "ended";
          step = stepIvr(step.state, event, clock);
          if (wasEnded) expect(step.commands).toEqual([]);
          running = checkStep(step, running, event);
          if (step.state.phase === "ended" && endedAt === undefined) endedAt = i;
          clock.advance(250);
        });
      }),
      { numRuns: 400 },
    );
  });

  it("always finishes when the caller never presses a key: retries are bounded", () => {
    fc.assert(
      fc.property(flowArb, (flow) => {
        const clock = new ManualClock(0);
        let step = startIvr(flow, { dialedNumber: "1000" }, clock);
        let events = 0;
        const bound = MAX_NODE_VISITS * 12;
        while (step.state.phase !== "ended" && events < bound) {
          const { state } = step;
          const event: IvrEvent =
            state.phase === "awaitingKeys"
              ? { type: "timeout" }
              : state.phase === "awaitingLookup"
                ? { type: "lookupFailed", reason: "down" }
                : { type: "promptFinished", playId: state.playId };
          step = stepIvr(state, event, clock);
          events += 1;
        }
        expect(step.state.phase).toBe("ended");
        expect(step.state.visits).toBeLessThanOrEqual(MAX_NODE_VISITS);
      }),
      { numRuns: 300 },
    );
  });
});
