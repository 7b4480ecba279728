/**
 * WFM simulator throughput: the Erlang validation day (λ = 4.2/min, AHT 2 min, 12 agents, 8 hours, callers
 * with a mean patience of 3 min) replayed through the real routing engine. Events = scheduled simulation
 * events plus engine timer ticks; every arrival, answer and completion is one `RoutingEngine.apply`.
 * A few replications run first to warm the JIT; the timed run is `WFM_SIM_REPLICATIONS` (default 100).
 */
import { erlangValidationDay, parseSimulationInput, planSimulation, simulateReplication } from "@sentra/core";

export async function measureSimulator(): Promise<{ sim_events_per_sec: number }> {
  const replications = Number(process.env.WFM_SIM_REPLICATIONS ?? 100);
  const plan = planSimulation(
    parseSimulationInput(erlangValidationDay({ replications, patienceMeanSeconds: 180 })),
  );
  for (let r = 0; r < 5; r++) simulateReplication(plan, 1_000 + r);
  let events = 0;
  const started = performance.now();
  for (let r = 0; r < replications; r++) events += simulateReplication(plan, r).events;
  const seconds = (performance.now() - started) / 1000;
  return { sim_events_per_sec: Math.round(events / seconds) };
}

export async function run(): Promise<void> {
  console.log(JSON.stringify({ bench: "wfm-sim", ...(await measureSimulator()) }));
}
