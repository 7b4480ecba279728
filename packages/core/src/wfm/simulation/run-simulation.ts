import { UserError } from "../../errors/sentra-error.js";
import { simulateReplication } from "./day-simulator.js";
import type { ReplicationTally } from "./replication-tally.js";
import { type SimulationInput, type SimulationRequest, simulationInput } from "./simulation-input.js";
import { planSimulation } from "./simulation-plan.js";
import {
  pairedDayDifference,
  type SimulatedFigures,
  type SimulationResult,
  summariseReplications,
} from "./simulation-results.js";

/** Validates a request (defaults filled in); a bad one is a `UserError` naming the first wrong field. */
export function parseSimulationInput(request: unknown): SimulationInput {
  const parsed = simulationInput.safeParse(request);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.join(".");
  throw new UserError("invalid", "invalid_simulation", `${where ? `${where}: ` : ""}${issue.message}`, {
    issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  });
}

/** Runs every replication in turn; callers that must stay responsive use `planSimulation` + `simulateReplication`. */
export function runSimulation(input: SimulationInput): SimulationResult {
  const plan = planSimulation(input);
  const tallies: ReplicationTally[] = [];
  for (let r = 0; r < input.replications; r++) tallies.push(simulateReplication(plan, r));
  return summariseReplications(plan, tallies);
}

export interface SimulationComparison {
  readonly base: SimulationResult;
  readonly variant: SimulationResult;
  /** Variant − base for the day, paired by replication (both draw the same contacts: common random numbers). */
  readonly difference: SimulatedFigures;
}

/** "What if": the same day with a change (more agents, another policy), replication by replication. */
export function compareSimulations(base: SimulationInput, variant: SimulationInput): SimulationComparison {
  const basePlan = planSimulation(base);
  const variantPlan = planSimulation(variant);
  const b: ReplicationTally[] = [];
  const v: ReplicationTally[] = [];
  for (let r = 0; r < base.replications; r++) b.push(simulateReplication(basePlan, r));
  for (let r = 0; r < variant.replications; r++) v.push(simulateReplication(variantPlan, r));
  return {
    base: summariseReplications(basePlan, b),
    variant: summariseReplications(variantPlan, v),
    difference: pairedDayDifference(basePlan, b, v),
  };
}

/** Builds a variant from a base by a change, e.g. `withChanges(base, (i) => ({ ...i, agents: [...] }))`. */
export function withChanges(
  base: SimulationRequest,
  change: (request: SimulationRequest) => SimulationRequest,
): SimulationInput {
  return parseSimulationInput(change(base));
}
