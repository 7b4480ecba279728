import type { AgentProfile, Requirements } from "./types.js";

/**
 * `meetsRequirements` for the hot path. Agents' skill records have as many shapes as there are agents, so
 * reading `profile.skills[name]` is a slow megamorphic lookup; a per-agent map of levels is several times
 * faster. A skill whose name an object inherits (`constructor`…) keeps the record lookup, so the answer is
 * the same as `meetsRequirements` for every name.
 */
export interface SkillNeed {
  readonly skill: string;
  readonly minLevel: number;
  readonly inherited: boolean;
}

/** What the matcher knows of an agent: their profile and its levels by skill. */
export interface SkillHolder {
  readonly profile: AgentProfile;
  readonly levels: ReadonlyMap<string, number>;
}

export function levelsOf(profile: AgentProfile): Map<string, number> {
  return new Map(Object.entries(profile.skills));
}

const needsCache = new WeakMap<Requirements, readonly SkillNeed[]>();

export function needsOf(requirements: Requirements): readonly SkillNeed[] {
  let needs = needsCache.get(requirements);
  if (needs === undefined) {
    needs = requirements.skills.map((r) => ({
      skill: r.skill,
      minLevel: r.minLevel,
      inherited: r.skill in Object.prototype,
    }));
    needsCache.set(requirements, needs);
  }
  return needs;
}

export function meetsNeeds(
  holder: SkillHolder,
  language: string | undefined,
  needs: readonly SkillNeed[],
): boolean {
  if (language !== undefined && !holder.profile.languages.includes(language)) return false;
  for (let n = 0; n < needs.length; n++) {
    const need = needs[n]!;
    const level = need.inherited
      ? (holder.profile.skills[need.skill] ?? 0)
      : (holder.levels.get(need.skill) ?? 0);
    if (level < need.minLevel) return false;
  }
  return true;
}
