import { describe, expect, it } from "vitest";
import { requiredChatAgents } from "../blended.js";
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
/** Service level within 60 s and slot occupancy per replication, the first hour left out as warm-up. */
function chatDay(agents: number, replications: number): { serviceLevel: number[]; occupancy: number[] } {
  const intervalMinutes = 60;
  const plan = planSimulation(
    parseSimulationInput({
      replications,
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
      agents: [{ id: "chatter", count: agents, capacity: { max: { chat: 3 }, exclusive: [] } }],
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
  return { serviceLevel, occupancy };
}

describe("blended chat validation", () => {
  it("matches Erlang C on three slots per agent for service level and slot occupancy", () => {
    const day = chatDay(7, 40);
    const wait = erlangC(21, 18);
    const referenceServiceLevel = 1 - wait * Math.exp((-(21 - 18) * 60) / 360);
    const sl = replicationEstimate(day.serviceLevel);
    const occ = replicationEstimate(day.occupancy);
    expect(referenceServiceLevel).toBeGreaterThanOrEqual(sl.low!);
    expect(referenceServiceLevel).toBeLessThanOrEqual(sl.high!);
    expect(18 / 21).toBeGreaterThanOrEqual(occ.low!);
    expect(18 / 21).toBeLessThanOrEqual(occ.high!);
  });

  it("staffs chats with the fewest agents that meet the target in the simulated day", () => {
    // 3 chats/min, 6 min each, 3 at a time, 80 % within 60 s: the AHT ÷ concurrency method asks for 8 agents;
    // simulated, 8 give ≈ 0.95 and 7 give ≈ 0.74, so the method's answer is the simulator's minimum.
    const staffing = requiredChatAgents(
      { chats: 180, intervalSeconds: 3600, ahtSeconds: 360, concurrency: 3 },
      { serviceLevel: 0.8, targetSeconds: 60 },
    );
    const staffed = replicationEstimate(chatDay(staffing.agents, 30).serviceLevel);
    expect(staffed.low!).toBeGreaterThanOrEqual(0.8);
    const oneFewer = replicationEstimate(chatDay(staffing.agents - 1, 30).serviceLevel);
    expect(oneFewer.high!).toBeLessThan(0.8);
  });
});
