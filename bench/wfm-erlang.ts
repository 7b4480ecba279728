/**
 * Staffing-solver throughput: required agents (Erlang C, 80 % in 20 s) for one interval of a large center —
 * 10,000 calls per hour, AHT 300 s, so about 833 Erlangs and some 850 agents per solve. Inputs vary slightly
 * from solve to solve so nothing can be cached. Not wired into run.ts; bench/wfm.ts assembles the WFM figures.
 */
import { performance } from "node:perf_hooks";
import { requiredAgents } from "@sentra/core";

const CALLS_PER_HOUR = 10_000;
const AHT_SECONDS = 300;
const WARMUP_SOLVES = 200;
const MEASURE_MS = 2_000;

export async function measureErlangStaffing(): Promise<{ erlang_c_per_sec: number }> {
  const target = { serviceLevel: 0.8, targetSeconds: 20, maxOccupancy: 0.95, shrinkage: 0.3 };
  let checksum = 0;
  const solve = (k: number) => {
    const answer = requiredAgents(
      { contacts: CALLS_PER_HOUR + (k % 100), intervalSeconds: 3600, ahtSeconds: AHT_SECONDS + (k % 7) },
      target,
    );
    checksum += answer.agents;
  };
  for (let k = 0; k < WARMUP_SOLVES; k++) solve(k);
  let solves = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    for (let k = 0; k < 100; k++) solve(solves + k);
    solves += 100;
    elapsed = performance.now() - start;
  }
  if (checksum <= 0) throw new Error("staffing solver returned no agents");
  return { erlang_c_per_sec: Math.round((solves / elapsed) * 1000) };
}
