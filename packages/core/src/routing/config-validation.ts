import { UserError } from "../errors/sentra-error.js";
import type { AgentProfile, QueueConfig, SkillRequirement, TenantId } from "./types.js";

function invalid(code: string, message: string, details?: unknown): UserError {
  return new UserError("invalid", code, message, details);
}

function checkLevel(level: number, where: string): void {
  if (!Number.isInteger(level) || level < 1 || level > 10) {
    throw invalid("invalid_skill_level", `Skill levels run from 1 to 10 (${where}: ${level}).`);
  }
}

export function checkSkills(skills: readonly SkillRequirement[], where: string): void {
  for (const r of skills) checkLevel(r.minLevel, `${where} ${r.skill}`);
}

function checkTenant(expected: TenantId, actual: TenantId): void {
  if (expected !== actual)
    throw invalid("tenant_mismatch", "The record belongs to another tenant than the command.");
}

/** Returns the queue with relaxation steps sorted by time, which the timers rely on. */
export function normaliseQueue(tenantId: TenantId, queue: QueueConfig): QueueConfig {
  checkTenant(tenantId, queue.tenantId);
  if (queue.channels.length === 0)
    throw invalid("queue_without_channels", "A queue must accept at least one channel.");
  checkSkills(queue.skills ?? [], "queue");
  for (const ms of [queue.maxWaitMs, queue.offerTimeoutMs, queue.wrapUpLimitMs, queue.affinityTimeoutMs]) {
    if (ms !== undefined && (!Number.isFinite(ms) || ms < 0))
      throw invalid("invalid_duration", "Durations are ms ≥ 0.");
  }
  const relaxation = [...(queue.relaxation ?? [])].sort((a, b) => a.afterMs - b.afterMs);
  for (const step of relaxation) {
    if (step.maxRequiredLevel !== undefined) checkLevel(step.maxRequiredLevel, "relaxation step");
  }
  return { ...queue, relaxation };
}

export function checkProfile(tenantId: TenantId, profile: AgentProfile): void {
  checkTenant(tenantId, profile.tenantId);
  for (const [skill, level] of Object.entries(profile.skills)) checkLevel(level, `agent ${skill}`);
  for (const max of Object.values(profile.capacity.max)) {
    if (!Number.isInteger(max) || max < 0)
      throw invalid("invalid_capacity", "Channel capacity is a whole number ≥ 0.");
  }
}
