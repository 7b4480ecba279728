import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UserError } from "../errors/sentra-error.js";
import { agentProfile, queueConfig } from "./builders.js";
import type { RoutingCommand } from "./commands.js";
import type { RoutingEvent } from "./events.js";
import { thresholdsFrom } from "./kpi-math.js";
import { computeKpis } from "./kpi-reference.js";
import { KpiAccumulator } from "./kpis.js";
import { RoutingEngine } from "./routing-engine.js";

const T = "t1";
const START = Date.UTC(2025, 7, 19, 23, 0); // an hour before a UTC midnight, to cross a day

function engineWithCenter() {
  const engine = new RoutingEngine();
  const events: RoutingEvent[] = [];
  const setup: RoutingCommand[] = [
    {
      type: "queue_upserted",
      at: START,
      tenantId: T,
      queue: queueConfig({ queueId: "q1", offerTimeoutMs: 30_000 }),
    },
    {
      type: "queue_upserted",
      at: START,
      tenantId: T,
      queue: queueConfig({ queueId: "q2", maxWaitMs: 600_000 }),
    },
    { type: "agent_logged_in", at: START, tenantId: T, profile: agentProfile({ agentId: "a1" }) },
    { type: "agent_logged_in", at: START, tenantId: T, profile: agentProfile({ agentId: "a2" }) },
  ];
  for (const c of setup) events.push(...engine.apply(c));
  return { engine, events };
}

describe("live KPIs", () => {
  it("the incremental accumulator agrees with the recomputation from the full event list", () => {
    const step = fc.record({
      dt: fc.constantFrom(0, 1_000, 5_000, 15_000, 60_000, 600_000),
      kind: fc.constantFrom("arrive", "arrive", "accept", "complete", "close", "abandon", "break", "back"),
      pick: fc.nat(20),
      read: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const { engine, events } = engineWithCenter();
        const acc = new KpiAccumulator();
        for (const e of events) acc.apply(e);
        let at = START;
        steps.forEach((s, n) => {
          at += s.dt;
          const live = engine.liveInteractions();
          const pick = <T>(list: readonly T[]) => list[s.pick % Math.max(1, list.length)];
          const offered = pick(live.filter((i) => i.state === "offered"));
          const connected = pick(live.filter((i) => i.state === "connected"));
          const wrapping = pick(live.filter((i) => i.state === "wrap_up"));
          const waiting = pick(live.filter((i) => i.state === "queued"));
          const agentId = s.pick % 2 === 0 ? "a1" : "a2";
          let out: RoutingEvent[] = [];
          // A picked offer may ring out as time moves to `at`; the refusal is expected, and the timer's events
          // come back with the next call.
          try {
            if (s.kind === "arrive") {
              const queueId = s.pick % 2 === 0 ? "q1" : "q2";
              out = engine.enqueue({
                at,
                tenantId: T,
                interaction: { interactionId: `i${n}`, channel: "chat", queueId },
              });
            } else if (s.kind === "accept" && offered) {
              out = engine.accept({
                at,
                tenantId: T,
                interactionId: offered.interactionId,
                agentId: offered.agentId!,
              });
            } else if (s.kind === "complete" && connected) {
              out = engine.complete({ at, tenantId: T, interactionId: connected.interactionId });
            } else if (s.kind === "close" && wrapping) {
              out = engine.closeWrapUp({ at, tenantId: T, interactionId: wrapping.interactionId });
            } else if (s.kind === "abandon" && waiting) {
              out = engine.abandon({ at, tenantId: T, interactionId: waiting.interactionId });
            } else if (s.kind === "break") {
              out = engine.setAgentState({ at, tenantId: T, agentId, state: { notReady: "break" } });
            } else {
              out = engine.tick(at);
            }
          } catch (error) {
            if (!(error instanceof UserError)) throw error;
          }
          for (const e of out) acc.apply(e);
          events.push(...out);
          if (s.read) expect(acc.read(at + 1)).toEqual(computeKpis(events, at + 1));
        });
        expect(acc.read(at + 3_600_000)).toEqual(computeKpis(events, at + 3_600_000));
      }),
      { numRuns: 300 },
    );
  });

  it("computes service level, ASA, AHT and abandon rate for a small known day", () => {
    const { engine, events } = engineWithCenter();
    const t0 = START + 60 * 60_000 + 1_000; // just after midnight: a fresh day
    engine.setAgentState({ at: t0, tenantId: T, agentId: "a2", state: { notReady: "break" } });
    events.push(...engine.setAgentState({ at: t0, tenantId: T, agentId: "a1", state: "available" }));
    events.push(
      ...engine.enqueue({
        at: t0,
        tenantId: T,
        interaction: { interactionId: "fast", channel: "chat", queueId: "q1" },
      }),
    );
    events.push(...engine.accept({ at: t0 + 10_000, tenantId: T, interactionId: "fast", agentId: "a1" }));
    events.push(
      ...engine.setAgentState({ at: t0 + 10_000, tenantId: T, agentId: "a1", state: { notReady: "break" } }),
    );
    events.push(
      ...engine.enqueue({
        at: t0 + 10_000,
        tenantId: T,
        interaction: { interactionId: "slow", channel: "chat", queueId: "q1" },
      }),
    );
    events.push(...engine.abandon({ at: t0 + 50_000, tenantId: T, interactionId: "slow" }));
    events.push(...engine.complete({ at: t0 + 70_000, tenantId: T, interactionId: "fast" }));
    events.push(...engine.closeWrapUp({ at: t0 + 80_000, tenantId: T, interactionId: "fast" }));
    const acc = new KpiAccumulator();
    for (const e of events) acc.apply(e);
    const q1 = acc.read(t0 + 90_000).queues.find((q) => q.queueId === "q1");
    expect(q1).toMatchObject({
      waiting: 0,
      answeredToday: 1,
      abandonedToday: 1,
      asaMs: 10_000,
      ahtMs: 70_000,
      abandonRate: 0.5,
      serviceLevel: { today: 0.5, last15m: 0.5, last30m: 0.5 },
    });
  });
});

describe("service-level thresholds", () => {
  it("take each queue's own target and default to 20 s", () => {
    const threshold = thresholdsFrom([
      queueConfig({ queueId: "q1", serviceLevel: { targetPercent: 80, thresholdMs: 30_000 } }),
    ]);
    expect(threshold(T, "q1")).toBe(30_000);
    expect(threshold(T, "other")).toBe(20_000);
  });
});
