import {
  type Clock,
  pairedDayDifference,
  planSimulation,
  type ReplicationTally,
  type SimulationComparison,
  type SimulationInput,
  type SimulationPlan,
  type SimulationResult,
  simulateReplication,
  summariseReplications,
  UserError,
} from "@sentra/core";
import type { Logger } from "pino";

/**
 * Bounds that keep one request from taking the server over. A replication runs synchronously: at most
 * `maxContactsPerReplication` contacts, about three events each at the measured 0.3–0.5 M events/s, so at
 * most about 0.2 s of CPU. The runner yields to the event loop between replications, so other requests are
 * served while a long run goes on; `budgetMs` of wall time stops a run that would still take too long, and
 * `maxConcurrent` caps the CPU spent on simulations at once (the rest get 429). A worker thread would free
 * the loop entirely; at these bounds the yield is enough and keeps the core callable in-process.
 */
export interface SimulationLimits {
  readonly maxReplications: number;
  readonly maxAgents: number;
  readonly maxContactsPerReplication: number;
  /** Expected contacts × replications, over base and variant together. */
  readonly maxContactsTotal: number;
  readonly budgetMs: number;
  readonly maxConcurrent: number;
}

export const DEFAULT_SIMULATION_LIMITS: SimulationLimits = {
  maxReplications: 200,
  maxAgents: 1_000,
  maxContactsPerReplication: 20_000,
  maxContactsTotal: 2_000_000,
  budgetMs: 20_000,
  maxConcurrent: 2,
};

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class SimulationRunner {
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #limits: SimulationLimits;
  #running = 0;

  constructor(clock: Clock, logger: Logger, limits: SimulationLimits = DEFAULT_SIMULATION_LIMITS) {
    this.#clock = clock;
    this.#logger = logger;
    this.#limits = limits;
  }

  async run(input: SimulationInput): Promise<SimulationResult> {
    this.#check([input]);
    const plan = planSimulation(input);
    const [tallies] = await this.#simulate([plan]);
    return summariseReplications(plan, tallies!);
  }

  /** Base and variant replication by replication, so the budget is shared fairly between them. */
  async compare(base: SimulationInput, variant: SimulationInput): Promise<SimulationComparison> {
    this.#check([base, variant]);
    const plans = [planSimulation(base), planSimulation(variant)];
    const [b, v] = await this.#simulate(plans);
    return {
      base: summariseReplications(plans[0]!, b!),
      variant: summariseReplications(plans[1]!, v!),
      difference: pairedDayDifference(plans[0]!, b!, v!),
    };
  }

  async #simulate(plans: readonly SimulationPlan[]): Promise<ReplicationTally[][]> {
    if (this.#running >= this.#limits.maxConcurrent) {
      throw new UserError(
        "rate_limited",
        "simulation_busy",
        `${this.#running} simulations are running; try again when one has finished.`,
      );
    }
    this.#running++;
    try {
      const started = this.#clock.now();
      const tallies: ReplicationTally[][] = plans.map(() => []);
      const rounds = Math.max(...plans.map((p) => p.input.replications));
      for (let r = 0; r < rounds; r++) {
        plans.forEach((plan, n) => {
          if (r < plan.input.replications) tallies[n]!.push(simulateReplication(plan, r));
        });
        const elapsed = this.#clock.now() - started;
        if (elapsed > this.#limits.budgetMs && r < rounds - 1) {
          throw new UserError(
            "too_large",
            "simulation_budget_exceeded",
            `The simulation used its ${this.#limits.budgetMs / 1000} s budget after ${r + 1} of ${rounds} replications; ask for fewer replications or a smaller day.`,
          );
        }
        await yieldToEventLoop();
      }
      const events = tallies.flat().reduce((sum, t) => sum + t.events, 0);
      this.#logger.info({ replications: rounds, events, ms: this.#clock.now() - started }, "wfm simulation");
      return tallies;
    } finally {
      this.#running--;
    }
  }

  #check(inputs: readonly SimulationInput[]): void {
    const limits = this.#limits;
    let total = 0;
    for (const input of inputs) {
      if (input.replications > limits.maxReplications) {
        throw tooLarge(
          `replications: at most ${limits.maxReplications} per request (asked ${input.replications}).`,
        );
      }
      const agents = input.agents.reduce((sum, group) => sum + group.count, 0);
      if (agents > limits.maxAgents) {
        throw tooLarge(`agents: at most ${limits.maxAgents} agents in all (asked ${agents}).`);
      }
      const contacts = expectedContacts(input);
      if (contacts > limits.maxContactsPerReplication) {
        throw tooLarge(
          `queues: at most ${limits.maxContactsPerReplication} expected contacts per day (asked ${Math.round(contacts)}).`,
        );
      }
      total += contacts * input.replications;
    }
    if (total > limits.maxContactsTotal) {
      throw tooLarge(
        `replications: contacts × replications is at most ${limits.maxContactsTotal} (asked ${Math.round(total)}); use fewer replications.`,
      );
    }
  }
}

/** Mean arrivals per replication: Poisson means summed, or the replayed list. */
export function expectedContacts(input: SimulationInput): number {
  let contacts = 0;
  for (const queue of input.queues) {
    contacts +=
      queue.arrivals.kind === "poisson"
        ? queue.arrivals.perInterval.reduce((a, b) => a + b, 0)
        : queue.arrivals.atSeconds.length;
  }
  return contacts;
}

function tooLarge(message: string): UserError {
  return new UserError("invalid", "simulation_too_large", message);
}
