import { occupancyPermille } from "./capacity.js";
import type { AgentRec, Center, InteractionRec } from "./center-state.js";
import { isEligible, mergeSkills } from "./eligibility.js";
import { type CandidateScore, EXPLANATION_CANDIDATES } from "./explanation.js";
import type { AgentId, RoutingPolicy, SkillRequirement } from "./types.js";

/**
 * How each policy orders eligible agents (best first); every order ends on agent id, so it is total:
 * - longest_idle: earliest `idleSince` (last ready / offer / end of work); score = ms idle.
 * - most_skilled: highest sum of the agent's levels in the interaction's unrelaxed skills; then longest idle.
 * - least_occupied: lowest occupancy (per-mille of capacity in use); then longest idle.
 * - round_robin: the first agent id after the queue's last chosen agent, wrapping around; score = 0.
 */
interface Keyed {
  readonly agent: AgentRec;
  readonly primary: number;
  readonly secondary: number;
  readonly score: number;
}

function better(a: Keyed, b: Keyed): boolean {
  if (a.primary !== b.primary) return a.primary < b.primary;
  if (a.secondary !== b.secondary) return a.secondary < b.secondary;
  return a.agent.agentId < b.agent.agentId;
}

function skillSum(agent: AgentRec, skills: readonly SkillRequirement[]): number {
  let sum = 0;
  for (const r of skills) sum += agent.profile.skills[r.skill] ?? 0;
  return sum;
}

function keyOf(
  policy: RoutingPolicy,
  agent: AgentRec,
  now: number,
  skills: readonly SkillRequirement[],
  rrLast: AgentId | undefined,
): Keyed {
  switch (policy) {
    case "longest_idle":
      return { agent, primary: agent.idleSince, secondary: 0, score: now - agent.idleSince };
    case "most_skilled": {
      const sum = skillSum(agent, skills);
      return { agent, primary: -sum, secondary: agent.idleSince, score: sum };
    }
    case "least_occupied": {
      const occupancy = occupancyPermille(agent.profile.capacity, agent.load);
      return { agent, primary: occupancy, secondary: agent.idleSince, score: occupancy };
    }
    case "round_robin":
      return {
        agent,
        primary: rrLast === undefined || agent.agentId > rrLast ? 0 : 1,
        secondary: 0,
        score: 0,
      };
  }
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

/**
 * Picks the best of `agents` that are eligible for `interaction`, keeping the top few for the explanation.
 * Both routers call this; they differ only in which agents they pass (all of them, or an index's few).
 */
export function rankEligible(
  center: Center,
  interaction: InteractionRec,
  agents: Iterable<AgentRec>,
  now: number,
  eligible: (agent: AgentRec) => boolean = (agent) => isEligible(center, agent, interaction),
): Match | undefined {
  const queue = center.queueOf(interaction);
  const policy = queue.config.policy;
  const affinity = center.affinityHolds(interaction);
  const skills = policy === "most_skilled" ? mergeSkills(queue.config.skills ?? [], interaction.skills) : [];
  const top: Keyed[] = [];
  let count = 0;
  for (const agent of agents) {
    if (!eligible(agent)) continue;
    count++;
    const keyed = keyOf(policy, agent, now, skills, queue.rrLast);
    if (top.length === EXPLANATION_CANDIDATES && !better(keyed, top[top.length - 1]!)) continue;
    let at = top.length;
    while (at > 0 && better(keyed, top[at - 1]!)) at--;
    top.splice(at, 0, keyed);
    if (top.length > EXPLANATION_CANDIDATES) top.pop();
  }
  const best = top[0];
  if (best === undefined) return undefined;
  return {
    interaction,
    agent: best.agent,
    rule: affinity ? "affinity" : "policy",
    policy,
    score: best.score,
    candidates: top.map((k) => ({ agentId: k.agent.agentId, score: k.score })),
    candidateCount: count,
  };
}

/** Whether any of `agents` is eligible; cheaper than ranking when only existence matters. */
export function anyEligible(
  center: Center,
  interaction: InteractionRec,
  agents: Iterable<AgentRec>,
  eligible: (agent: AgentRec) => boolean = (agent) => isEligible(center, agent, interaction),
): boolean {
  for (const agent of agents) if (eligible(agent)) return true;
  return false;
}
