import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangB, erlangC, erlangCPerformance, linesForBlocking } from "./erlang.js";
import { erlangAPerformance } from "./erlang-a.js";
import { requiredAgents } from "./staffing.js";

const HALF_HOUR = 1800;

describe("Erlang B", () => {
  it.each([
    [16, 10, 0.0223],
    [17, 10, 0.01295],
  ])("B(%i, A=%i) = %f", (servers, load, expected) => {
    expect(erlangB(servers, load)).toBeCloseTo(expected, 5);
  });
  it("needs 17 lines for at most 2 % blocking at 10 Erlangs", () => {
    expect(linesForBlocking(10, 0.02)).toBe(17);
  });
});

describe("Erlang C", () => {
  it.each([
    // agents, SL, occupancy, P(wait), ASA — 100 calls / 30 min, AHT 180 s, target 20 s.
    [14, 0.8884, 0.7143, 0.1741, 7.84],
  ])("%i agents: SL %f, occupancy %f, P(wait) %f, ASA %f s", (agents, sl, occupancy, wait, asa) => {
    const p = erlangCPerformance({
      agents,
      arrivalsPerSecond: 100 / HALF_HOUR,
      ahtSeconds: 180,
      targetSeconds: 20,
    });
    expect(p.serviceLevel).toBeCloseTo(sl, 4);
    expect(p.occupancy).toBeCloseTo(occupancy, 4);
    expect(p.probabilityOfWaiting).toBeCloseTo(wait, 4);
    expect(p.asaSeconds).toBeCloseTo(asa, 2);
  });

  it.each([
    ["80 % in 20 s", {}, 14, 14],
    ["with 30 % shrinkage", { shrinkage: 0.3 }, 14, 20],
    ["with at most 70 % occupancy", { maxOccupancy: 0.7 }, 15, 15],
  ])("required agents %s", (_name, extra, agents, scheduled) => {
    const answer = requiredAgents(
      { contacts: 100, intervalSeconds: HALF_HOUR, ahtSeconds: 180 },
      { serviceLevel: 0.8, targetSeconds: 20, ...extra },
    );
    expect(answer.agents).toBe(agents);
    expect(answer.scheduled).toBe(scheduled);
  });

  it("honours an ASA target on top of the service level", () => {
    const answer = requiredAgents(
      { contacts: 100, intervalSeconds: HALF_HOUR, ahtSeconds: 180 },
      { serviceLevel: 0.8, targetSeconds: 20, maxAsaSeconds: 5 },
    );
    expect(answer.agents).toBe(15);
    expect(answer.performance.asaSeconds).toBeLessThanOrEqual(5);
  });

  it("stays finite for hundreds of agents (5,000 calls / 30 min, AHT 300 s)", () => {
    const answer = requiredAgents(
      { contacts: 5000, intervalSeconds: HALF_HOUR, ahtSeconds: 300 },
      { serviceLevel: 0.8, targetSeconds: 20 },
    );
    expect(answer.loadErlangs).toBeCloseTo(833.33, 2);
    expect(answer.agents).toBeGreaterThan(834);
    expect(answer.agents).toBeLessThan(900);
    for (const value of Object.values(answer.performance)) expect(Number.isFinite(value)).toBe(true);
    expect(erlangB(5000, 833)).toBe(0);
    expect(erlangC(2000, 833)).toBeLessThan(1e-100);
  });

  it("needs no one for no work", () => {
    expect(
      requiredAgents(
        { contacts: 0, intervalSeconds: HALF_HOUR, ahtSeconds: 180 },
        { serviceLevel: 0.8, targetSeconds: 20 },
      ).agents,
    ).toBe(0);
  });
});

describe("Erlang A (M/M/n+M)", () => {
  it.each([[14, 0.14526, 0.013984, 0.704297]])(
    "100 calls / 30 min, AHT 3 min, patience 5 min, %i agents",
    (agents, wait, abandon, occupancy) => {
      const p = erlangAPerformance({
        agents,
        arrivalsPerSecond: 100 / HALF_HOUR,
        ahtSeconds: 180,
        patienceSeconds: 300,
        targetSeconds: 20,
      });
      expect(p.probabilityOfWaiting).toBeCloseTo(wait, 5);
      expect(p.probabilityOfAbandoning).toBeCloseTo(abandon, 6);
      expect(p.occupancy).toBeCloseTo(occupancy, 6);
      expect(p.serviceLevel).toBeGreaterThan(0.85);
      expect(p.serviceLevel).toBeLessThan(1);
    },
  );

  it("approaches Erlang C as patience grows", () => {
    const base = { agents: 14, arrivalsPerSecond: 100 / HALF_HOUR, ahtSeconds: 180, targetSeconds: 20 };
    const a = erlangAPerformance({ ...base, patienceSeconds: 1e7 });
    const c = erlangCPerformance(base);
    expect(a.probabilityOfWaiting).toBeCloseTo(c.probabilityOfWaiting, 4);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 4);
    expect(a.asaSeconds).toBeCloseTo(c.asaSeconds, 1);
  });

  it("stays finite and sensible for hundreds of agents, even overloaded", () => {
    const base = {
      arrivalsPerSecond: 5000 / HALF_HOUR,
      ahtSeconds: 300,
      patienceSeconds: 120,
      targetSeconds: 20,
    };
    for (const agents of [600, 833, 850, 1200]) {
      const p = erlangAPerformance({ ...base, agents });
      for (const value of Object.values(p)) expect(Number.isFinite(value), `${agents}`).toBe(true);
      expect(p.probabilityOfAbandoning).toBeGreaterThanOrEqual(0);
      expect(p.probabilityOfAbandoning).toBeLessThanOrEqual(1);
    }
    const answer = requiredAgents(
      { contacts: 5000, intervalSeconds: HALF_HOUR, ahtSeconds: 300 },
      { serviceLevel: 0.8, targetSeconds: 20, patienceSeconds: 120 },
    );
    expect(answer.model).toBe("erlang_a");
    expect(answer.agents).toBeGreaterThan(700);
    expect(answer.performance.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });
});

describe("properties", () => {
  const load = fc.double({ min: 0.1, max: 300, noNaN: true });
  it("Erlang C ≥ Erlang B, both in [0, 1]", () => {
    fc.assert(
      fc.property(load, fc.integer({ min: 1, max: 400 }), (a, n) => {
        const b = erlangB(n, a);
        const c = erlangC(n, a);
        return b >= 0 && b <= 1 && c >= b - 1e-12 && c <= 1;
      }),
    );
  });
  it("Erlang B falls as lines are added", () => {
    fc.assert(
      fc.property(load, fc.integer({ min: 0, max: 400 }), (a, n) => erlangB(n + 1, a) <= erlangB(n, a)),
    );
  });
  it("service level rises and ASA falls as agents are added (Erlang C and A)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 30, max: 600 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (calls, aht, n, t) => {
          const q = { arrivalsPerSecond: calls / HALF_HOUR, ahtSeconds: aht, targetSeconds: t };
          const c1 = erlangCPerformance({ ...q, agents: n });
          const c2 = erlangCPerformance({ ...q, agents: n + 1 });
          const a1 = erlangAPerformance({ ...q, agents: n, patienceSeconds: 200 });
          const a2 = erlangAPerformance({ ...q, agents: n + 1, patienceSeconds: 200 });
          return (
            c2.serviceLevel >= c1.serviceLevel - 1e-9 &&
            c2.asaSeconds <= c1.asaSeconds &&
            a2.serviceLevel >= a1.serviceLevel - 1e-9 &&
            a2.probabilityOfAbandoning <= a1.probabilityOfAbandoning + 1e-12
          );
        },
      ),
    );
  });
  it("required agents is the smallest count meeting the target", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 30, max: 600 }), (calls, aht) => {
        const work = { contacts: calls, intervalSeconds: HALF_HOUR, ahtSeconds: aht };
        const { agents } = requiredAgents(work, { serviceLevel: 0.8, targetSeconds: 20 });
        const q = { arrivalsPerSecond: calls / HALF_HOUR, ahtSeconds: aht, targetSeconds: 20 };
        return (
          erlangCPerformance({ ...q, agents }).serviceLevel >= 0.8 &&
          erlangCPerformance({ ...q, agents: agents - 1 }).serviceLevel < 0.8
        );
      }),
    );
  });
});

describe("Erlang A against a simulation oracle", () => {
  /**
   * FCFS M/M/n+M by the servers' next-free times: a caller reaches the earliest free server at max(arrival, free)
   * unless its patience runs out first, and a caller who abandons never occupies a server — exact for FCFS.
   */
  function simulate(
    agents: number,
    callsPerSecond: number,
    aht: number,
    patience: number,
    target: number,
    calls: number,
  ) {
    let seed = 20260223;
    const uniform = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return (seed + 0.5) / 4294967296;
    };
    const exponential = (mean: number) => -mean * Math.log(uniform());
    const free = new Array<number>(agents).fill(0);
    let t = 0;
    let inTime = 0;
    let abandoned = 0;
    let waited = 0;
    for (let k = 0; k < calls; k++) {
      t += exponential(1 / callsPerSecond);
      let earliest = 0;
      for (let s = 1; s < agents; s++) if (free[s]! < free[earliest]!) earliest = s;
      const wait = Math.max(0, free[earliest]! - t);
      if (wait > 0) waited += 1;
      if (wait > exponential(patience)) {
        abandoned += 1;
        continue;
      }
      if (wait <= target) inTime += 1;
      free[earliest] = t + wait + exponential(aht);
    }
    return { serviceLevel: inTime / calls, abandon: abandoned / calls, wait: waited / calls };
  }

  it.each([
    [14, 100, 180, 300, 20],
    [12, 100, 180, 120, 30],
  ])(
    "%i agents, %i calls / 30 min, AHT %i s, patience %i s, target %i s",
    (agents, calls, aht, patience, target) => {
      const model = erlangAPerformance({
        agents,
        arrivalsPerSecond: calls / HALF_HOUR,
        ahtSeconds: aht,
        patienceSeconds: patience,
        targetSeconds: target,
      });
      const sim = simulate(agents, calls / HALF_HOUR, aht, patience, target, 400_000);
      expect(Math.abs(model.serviceLevel - sim.serviceLevel)).toBeLessThan(0.01);
      expect(Math.abs(model.probabilityOfAbandoning - sim.abandon)).toBeLessThan(0.005);
      expect(Math.abs(model.probabilityOfWaiting - sim.wait)).toBeLessThan(0.01);
    },
  );
});
