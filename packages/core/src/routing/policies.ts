import { occupancyPermille } from "./capacity.js";
import type { AgentRec, Center, InteractionRec } from "./center-state.js";
import { isEligible, mergeSkills } from "./eligibility.js";
import { type CandidateScore, EXPLANATION_CANDIDATES } from "./explanation.js";
import type { AgentId, QueueConfig, RoutingPolicy, SkillRequirement } from "./types.js";

function skillSum(
  agent: AgentRec,
  skills: readonly SkillRequirement[],
  levels: ReadonlyMap<string, number> | undefined,
): number {
  let sum = 0;
  for (const r of skills) {
    // The map holds the record's own levels; a name an object inherits keeps the record lookup.
    sum +=
      (levels !== undefined && !(r.skill in Object.prototype)
        ? levels.get(r.skill)
        : agent.profile.skills[r.skill]) ?? 0;
  }
  return sum;
}

export interface Match {
  readonly interaction: InteractionRec;
  readonly agent: AgentRec;
  readonly rule: "policy" | "affinity";
  readonly policy: RoutingPolicy;
  readonly score: number;
  readonly candidates: readonly CandidateScore[];
  readonly candidateCount: number;
}

// Most contacts add no skills to their queue's, so the merged list is shared per queue configuration.
const queueSkills = new WeakMap<QueueConfig, readonly SkillRequirement[]>();

/** The skills `most_skilled` sums: the queue's and the interaction's own, unrelaxed. */
export function rankingSkills(
  queue: QueueConfig,
  own: readonly SkillRequirement[],
): readonly SkillRequirement[] {
  if (own.length > 0) return mergeSkills(queue.skills ?? [], own);
  let skills = queueSkills.get(queue);
  if (skills === undefined) {
    skills = mergeSkills(queue.skills ?? [], own);
    queueSkills.set(queue, skills);
  }
  return skills;
}

const N = EXPLANATION_CANDIDATES;

/**
 * The best few eligible agents of one ranking, in policy order, plus how many were eligible. Keys live in
 * parallel arrays reused from one ranking to the next: ranking runs once per decision over every eligible
 * agent, so it must allocate nothing per agent. Not re-entrant; each router owns one.
 *
 * How each policy orders eligible agents (best first); every order ends on agent id, so it is total:
 * - longest_idle: earliest `idleSince` (last ready / offer / end of work); score = ms idle.
 * - most_skilled: highest sum of the agent's levels in the interaction's unrelaxed skills; then longest idle.
 * - least_occupied: lowest occupancy (per-mille of capacity in use); then longest idle.
 * - round_robin: the first agent id after the queue's last chosen agent, wrapping around; score = 0.
 */
export class Ranking {
  readonly #agents: (AgentRec | undefined)[] = new Array<AgentRec | undefined>(N).fill(undefined);
  readonly #primary = new Float64Array(N);
  readonly #secondary = new Float64Array(N);
  readonly #score = new Float64Array(N);
  #size = 0;
  #count = 0;
  #policy: RoutingPolicy = "longest_idle";
  #now = 0;
  #skills: readonly SkillRequirement[] = [];
  #rrLast: AgentId | undefined;

  /** Starts ranking agents for `interaction` by its queue's policy. */
  start(center: Center, interaction: InteractionRec, now: number): void {
    const config = center.queueOf(interaction).config;
    this.#policy = config.policy;
    this.#now = now;
    this.#skills = config.policy === "most_skilled" ? rankingSkills(config, interaction.skills) : [];
    this.#rrLast = center.queueOf(interaction).rrLast;
    this.#size = 0;
    this.#count = 0;
    this.#agents.fill(undefined);
  }

  /** Adds an eligible agent; `levels` (their skills as a map) saves slow record lookups. */
  add(agent: AgentRec, levels?: ReadonlyMap<string, number>): void {
    this.#count++;
    let primary: number;
    let secondary = 0;
    let score: number;
    switch (this.#policy) {
      case "longest_idle":
        primary = agent.idleSince;
        score = this.#now - agent.idleSince;
        break;
      case "most_skilled": {
        const sum = skillSum(agent, this.#skills, levels);
        primary = -sum;
        secondary = agent.idleSince;
        score = sum;
        break;
      }
      case "least_occupied":
        primary = occupancyPermille(agent.profile.capacity, agent.load);
        secondary = agent.idleSince;
        score = primary;
        break;
      case "round_robin":
        primary = this.#rrLast === undefined || agent.agentId > this.#rrLast ? 0 : 1;
        score = 0;
        break;
    }
    let at = this.#size;
    if (at === N && !this.#better(primary, secondary, agent, N - 1)) return;
    if (at === N) at--;
    while (at > 0 && this.#better(primary, secondary, agent, at - 1)) {
      this.#agents[at] = this.#agents[at - 1];
      this.#primary[at] = this.#primary[at - 1]!;
      this.#secondary[at] = this.#secondary[at - 1]!;
      this.#score[at] = this.#score[at - 1]!;
      at--;
    }
    this.#agents[at] = agent;
    this.#primary[at] = primary;
    this.#secondary[at] = secondary;
    this.#score[at] = score;
    if (this.#size < N) this.#size++;
  }

  /** The decision, or undefined when no agent was added. */
  match(interaction: InteractionRec, rule: Match["rule"]): Match | undefined {
    const best = this.#agents[0];
    if (this.#size === 0 || best === undefined) return undefined;
    const candidates: CandidateScore[] = [];
    for (let n = 0; n < this.#size; n++) {
      candidates.push({ agentId: this.#agents[n]!.agentId, score: this.#score[n]! });
    }
    return {
      interaction,
      agent: best,
      rule,
      policy: this.#policy,
      score: this.#score[0]!,
      candidates,
      candidateCount: this.#count,
    };
  }

  /** Whether the key (primary, secondary, agent id) comes before the kept one at `at`; ties end on agent id. */
  #better(primary: number, secondary: number, agent: AgentRec, at: number): boolean {
    const p = this.#primary[at]!;
    if (primary !== p) return primary < p;
    const s = this.#secondary[at]!;
    if (secondary !== s) return secondary < s;
    return agent.agentId < this.#agents[at]!.agentId;
  }
}

/**
 * Picks the best of `agents` that are eligible for `interaction`, keeping the top few for the explanation.
 * Both routers rank with `Ranking`; they differ only in which agents they pass (all of them, or an index's few).
 */
export function rankEligible(
  ranking: Ranking,
  center: Center,
  interaction: InteractionRec,
  agents: Iterable<AgentRec>,
  now: number,
): Match | undefined {
  ranking.start(center, interaction, now);
  for (const agent of agents) if (isEligible(center, agent, interaction)) ranking.add(agent);
  return ranking.match(interaction, center.affinityHolds(interaction) ? "affinity" : "policy");
}
