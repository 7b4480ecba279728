import { canTake } from "./capacity.js";
import type { AgentRec, Center, InteractionRec } from "./center-state.js";
import type { AgentProfile, Channel, QueueConfig, Requirements, SkillRequirement } from "./types.js";

/** The queue's and the interaction's own skill needs, keeping the higher level where both name a skill. */
export function mergeSkills(
  queueSkills: readonly SkillRequirement[],
  own: readonly SkillRequirement[],
): SkillRequirement[] {
  const bySkill = new Map<string, number>();
  for (const r of [...queueSkills, ...own])
    bySkill.set(r.skill, Math.max(bySkill.get(r.skill) ?? 0, r.minLevel));
  return [...bySkill.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([skill, minLevel]) => ({ skill, minLevel }));
}

/** Requirements after `step` relaxation steps (steps are applied cumulatively, the last one wins). */
function computeRequirements(
  queue: QueueConfig,
  own: readonly SkillRequirement[],
  language: string | undefined,
  step: number,
): Requirements {
  let skills = mergeSkills(queue.skills ?? [], own);
  let anyAgent = false;
  const steps = queue.relaxation ?? [];
  for (let i = 0; i < step && i < steps.length; i++) {
    const relax = steps[i]!;
    if (relax.anyAgent) anyAgent = true;
    const cap = relax.maxRequiredLevel;
    if (cap !== undefined)
      skills = skills.map((r) => ({ skill: r.skill, minLevel: Math.max(1, Math.min(r.minLevel, cap)) }));
  }
  if (anyAgent) skills = [];
  const key = `${language ?? ""}|${anyAgent ? "*" : skills.map((r) => `${r.skill}:${r.minLevel}`).join(",")}`;
  return { skills, anyAgent, language, key };
}

// Most contacts add nothing to their queue's needs; theirs depend only on (queue config, language, step).
// Indexed by language then step, so a lookup builds no key string.
const shared = new WeakMap<QueueConfig, Map<string | undefined, Requirements[]>>();

/** Requirements after `step` relaxation steps; memoised for contacts without skills of their own. */
export function effectiveRequirements(
  queue: QueueConfig,
  own: readonly SkillRequirement[],
  language: string | undefined,
  step: number,
): Requirements {
  if (own.length > 0) return computeRequirements(queue, own, language, step);
  let byLanguage = shared.get(queue);
  if (byLanguage === undefined) {
    byLanguage = new Map();
    shared.set(queue, byLanguage);
  }
  let bySteps = byLanguage.get(language);
  if (bySteps === undefined) {
    bySteps = [];
    byLanguage.set(language, bySteps);
  }
  let requirements = bySteps[step];
  if (requirements === undefined) {
    requirements = computeRequirements(queue, own, language, step);
    bySteps[step] = requirements;
  }
  return requirements;
}

export function meetsRequirements(profile: AgentProfile, requirements: Requirements): boolean {
  if (requirements.language !== undefined && !profile.languages.includes(requirements.language)) return false;
  for (const r of requirements.skills) if ((profile.skills[r.skill] ?? 0) < r.minLevel) return false;
  return true;
}

/** Team membership decides who serves a queue; skills decide which of its interactions. */
export function servesQueue(profile: AgentProfile, queue: QueueConfig): boolean {
  if (profile.tenantId !== queue.tenantId) return false;
  const teams = queue.teamIds;
  if (teams === undefined || teams.length === 0) return true;
  return profile.teamIds.some((t) => teams.includes(t));
}

/** Ready, no offer ringing, and room for this channel. */
export function canBeOffered(agent: AgentRec, channel: Channel): boolean {
  return (
    agent.presence.kind === "ready" &&
    agent.offer === undefined &&
    canTake(agent.profile.capacity, agent.load, channel)
  );
}

export function isBlocked(interaction: InteractionRec, agent: AgentRec): boolean {
  for (const block of interaction.blocks) if (block.agentId === agent.agentId) return true;
  return false;
}

/**
 * The one eligibility rule both routers apply. While an affinity window holds (preferred agent logged in),
 * only that agent qualifies and needs no queue membership or skills: they already know the customer.
 */
export function isEligible(center: Center, agent: AgentRec, interaction: InteractionRec): boolean {
  if (agent.tenantId !== interaction.tenantId) return false;
  if (interaction.state !== "queued") return false;
  if (!canBeOffered(agent, interaction.channel)) return false;
  if (isBlocked(interaction, agent)) return false;
  if (center.affinityHolds(interaction)) return interaction.affinity?.agentId === agent.agentId;
  const queue = center.queueOf(interaction).config;
  // A queue edited to drop a channel keeps its waiting contacts of that channel, but routes none of them.
  if (!queue.channels.includes(interaction.channel)) return false;
  return servesQueue(agent.profile, queue) && meetsRequirements(agent.profile, interaction.requirements);
}
