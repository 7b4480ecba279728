// Named on purpose (not `export *`): helpers such as the PRNG, the heap and the quantile functions stay
// internal, so the WFM modules that share `wfm/index.ts` cannot collide with them.
export { type ReplicationEstimate, replicationEstimate } from "./confidence.js";
export { DaySimulator, simulateReplication } from "./day-simulator.js";
export { erlangValidationDay } from "./erlang-scenarios.js";
export type { ReplicationTally } from "./replication-tally.js";
export {
  compareSimulations,
  parseSimulationInput,
  runSimulation,
  type SimulationComparison,
  withChanges,
} from "./run-simulation.js";
export {
  type SimulatedAgentGroup,
  type SimulatedDuration,
  type SimulatedQueue,
  type SimulationInput,
  type SimulationRequest,
  simulatedAgentGroup,
  simulatedDuration,
  simulatedQueue,
  simulationInput,
} from "./simulation-input.js";
export { planSimulation, SIMULATION_TENANT, type SimulationPlan } from "./simulation-plan.js";
export {
  pairedDayDifference,
  SIMULATION_DEFINITIONS,
  type SimulatedFigures,
  type SimulatedGroup,
  type SimulatedInterval,
  type SimulationResult,
  summariseReplications,
} from "./simulation-results.js";
