import { describe, expect, it } from "vitest";
import { replicationEstimate } from "./confidence.js";
import { simulateReplication } from "./day-simulator.js";
import { parseSimulationInput } from "./run-simulation.js";
import { planSimulation } from "./simulation-plan.js";

/** Erlang C probability of waiting for `servers` servers and `erlangs` offered load (the test's oracle). */
function erlangC(servers: number, erlangs: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < servers; k++) {
    term *= erlangs / k;
    sum += term;
  }
  const last = (term * erlangs) / servers;
  const top = last * (servers / (servers - erlangs));
  return top / (sum + top);
}

/**
 * Chat agents each holding up to three chats, a chat's handling not slowed by the others: every free chat slot
 * serves, so the day is an M/M/(3N) queue and Erlang C on 3N servers is the reference. Blended staffing
 * methods that treat a chat agent as three servers can be checked against the same figures.
 * λ = 3 chats/min, handling 6 min → 18 erlangs; 7 agents × 3 = 21 slots; service level within 60 s.
 * The first hour (ten handling times) is left out as warm-up, since the day starts empty.
 */
describe("blended chat validation", () => {
  it("matches Erlang C on three slots per agent for service level and slot occupancy", () => {
    const intervalMinutes = 60;
    const plan = planSimulation(
      parseSimulationInput({
        replications: 40,
        day: { lengthMinutes: 480, intervalMinutes },
        serviceLevelSeconds: 60,
        queues: [
          {
            id: "chat",
            channel: "chat",
            arrivals: { kind: "poisson", perInterval: Array.from({ length: 8 }, () => 3 * intervalMinutes) },
            handleTime: { kind: "exponential", meanSeconds: 360 },
          },
        ],
        agents: [{ id: "chatter", count: 7, capacity: { max: { chat: 3 }, exclusive: [] } }],
      }),
    );
    const serviceLevel: number[] = [];
    const occupancy: number[] = [];
    for (let r = 0; r < plan.input.replications; r++) {
      const t = simulateReplication(plan, r);
      let within = 0;
      let offered = 0;
      let busy = 0;
      let staffed = 0;
      for (let k = 1; k < plan.intervals; k++) {
        within += t.answeredWithinThreshold[k]!;
        offered += t.offered[k]!;
        busy += t.busyMs[k]!;
        staffed += t.staffedMs[k]!;
      }
      serviceLevel.push(within / offered);
      occupancy.push(busy / staffed);
    }
    const wait = erlangC(21, 18);
    const referenceServiceLevel = 1 - wait * Math.exp((-(21 - 18) * 60) / 360);
    const sl = replicationEstimate(serviceLevel);
    const occ = replicationEstimate(occupancy);
    expect(referenceServiceLevel).toBeGreaterThanOrEqual(sl.low!);
    expect(referenceServiceLevel).toBeLessThanOrEqual(sl.high!);
    expect(18 / 21).toBeGreaterThanOrEqual(occ.low!);
    expect(18 / 21).toBeLessThanOrEqual(occ.high!);
  });
});
