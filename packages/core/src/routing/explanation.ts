import type { AgentId, RoutingPolicy, SkillRequirement } from "./types.js";

export interface CandidateScore {
  readonly agentId: AgentId;
  readonly score: number;
}

/**
 * Why an agent got an offer, so a supervisor can audit any decision. `score` is the policy's measure for the
 * chosen agent (see `policies.ts`); `candidates` are the best eligible agents in policy order, capped at
 * `EXPLANATION_CANDIDATES`, while `candidateCount` counts them all.
 */
export interface OfferExplanation {
  /** `affinity` when the interaction was held for its preferred agent, else the queue's policy decided. */
  readonly rule: "policy" | "affinity";
  readonly policy: RoutingPolicy;
  readonly score: number;
  readonly candidates: readonly CandidateScore[];
  readonly candidateCount: number;
  /** Relaxation steps in effect (0 = the queue's full requirements). */
  readonly relaxationStep: number;
  readonly requirements: readonly SkillRequirement[];
  readonly anySkill: boolean;
  readonly waitedMs: number;
  readonly effectivePriority: number;
}

export const EXPLANATION_CANDIDATES = 10;

/** One line for logs and the supervisor UI. */
export function describeExplanation(agentId: AgentId, e: OfferExplanation): string {
  const needs = e.anySkill
    ? "any skill"
    : e.requirements.map((r) => `${r.skill}>=${r.minLevel}`).join(", ") || "no skills";
  const others = e.candidates.filter((c) => c.agentId !== agentId).map((c) => `${c.agentId}(${c.score})`);
  return (
    `${e.rule === "affinity" ? "preferred agent" : e.policy} chose ${agentId} (score ${e.score}) ` +
    `from ${e.candidateCount} eligible; needs ${needs}, relaxation step ${e.relaxationStep}, ` +
    `waited ${e.waitedMs} ms${others.length > 0 ? `; next: ${others.join(", ")}` : ""}`
  );
}
