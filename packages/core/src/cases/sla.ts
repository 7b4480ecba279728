import type { BusinessCalendar } from "../routing/types.js";
import { addBusinessTime, businessTimeBetween } from "./business-time.js";
import {
  ACTIVE_STATUSES,
  type CasePriority,
  type CaseStatus,
  type CaseType,
  type EscalationTier,
  tierRank,
} from "./case-lifecycle.js";

/** A time trigger: once `atPercent` of a target has passed in business time, the case climbs to `toTier`. */
export interface EscalationRule {
  readonly on: "first_response" | "resolution";
  readonly atPercent: number;
  readonly toTier: EscalationTier;
}

export interface SlaPolicy {
  /** Absent = applies to every type / every priority. The most specific matching policy wins. */
  readonly caseType?: CaseType | undefined;
  readonly priority?: CasePriority | undefined;
  readonly firstResponseMs: number;
  readonly resolutionMs: number;
  /** Business hours the targets are counted in; absent = around the clock. */
  readonly calendar?: BusinessCalendar | undefined;
  readonly escalations: readonly EscalationRule[];
}

/**
 * What the SLA needs to know about a case. The clock stops while the case waits on the customer
 * (`pendingSince`): the targets measure how fast *we* act, and time spent waiting for a document or an answer
 * from the customer is outside our control. That waited business time accumulates in `pausedBusinessMs`
 * and pushes every due time back by as much.
 */
export interface CaseClock {
  readonly status: CaseStatus;
  readonly tier: EscalationTier;
  readonly openedAt: number;
  readonly firstRespondedAt?: number | undefined;
  readonly pausedSince?: number | undefined;
  readonly pausedBusinessMs: number;
}

export interface EscalationDue {
  readonly tier: EscalationTier;
  readonly rule: EscalationRule;
  readonly at: number;
  readonly reason: string;
}

/** When `targetMs` of business time will have passed since `startMs`, not counting paused business time. */
export function dueAt(
  calendar: BusinessCalendar | undefined,
  startMs: number,
  targetMs: number,
  pausedBusinessMs = 0,
): number {
  return addBusinessTime(calendar, startMs, targetMs + pausedBusinessMs);
}

/** The most specific policy for a case: type and priority, then type, then priority, then the catch-all. */
export function pickSlaPolicy<P extends SlaPolicy>(
  policies: readonly P[],
  caseType: CaseType,
  priority: CasePriority,
): P | undefined {
  const score = (policy: P): number => {
    if (policy.caseType !== undefined && policy.caseType !== caseType) return -1;
    if (policy.priority !== undefined && policy.priority !== priority) return -1;
    return (policy.caseType ? 2 : 0) + (policy.priority ? 1 : 0);
  };
  let best: P | undefined;
  let bestScore = -1;
  for (const policy of policies) {
    const s = score(policy);
    if (s > bestScore) {
      best = policy;
      bestScore = s;
    }
  }
  return best;
}

export const isPaused = (clock: CaseClock): boolean => clock.pausedSince !== undefined;

/** Due times; the resolution due time is unknown (null) while the clock is paused. */
export function slaDueTimes(
  policy: SlaPolicy,
  clock: CaseClock,
): { firstResponseDueAt: number; resolutionDueAt: number | null } {
  return {
    firstResponseDueAt: dueAt(policy.calendar, clock.openedAt, policy.firstResponseMs),
    resolutionDueAt: isPaused(clock)
      ? null
      : dueAt(policy.calendar, clock.openedAt, policy.resolutionMs, clock.pausedBusinessMs),
  };
}

/** Business time spent on the case so far, excluding time paused for the customer. */
export function elapsedBusinessMs(policy: SlaPolicy, clock: CaseClock, now: number): number {
  const until = Math.min(now, clock.pausedSince ?? now);
  return Math.max(0, businessTimeBetween(policy.calendar, clock.openedAt, until) - clock.pausedBusinessMs);
}

/** The paused business time after resuming at `now` a case paused since `clock.pausedSince`. */
export function pausedAfterResume(policy: SlaPolicy, clock: CaseClock, now: number): number {
  if (clock.pausedSince === undefined) return clock.pausedBusinessMs;
  return clock.pausedBusinessMs + businessTimeBetween(policy.calendar, clock.pausedSince, now);
}

/** Every time trigger still ahead of the case's tier, with the instant it fires. Empty while paused. */
export function escalationTriggers(policy: SlaPolicy, clock: CaseClock): EscalationDue[] {
  if (!ACTIVE_STATUSES.includes(clock.status) || isPaused(clock)) return [];
  const triggers: EscalationDue[] = [];
  for (const rule of policy.escalations) {
    if (tierRank(rule.toTier) <= tierRank(clock.tier)) continue;
    if (rule.on === "first_response" && clock.firstRespondedAt !== undefined) continue;
    const target = rule.on === "first_response" ? policy.firstResponseMs : policy.resolutionMs;
    const paused = rule.on === "first_response" ? 0 : clock.pausedBusinessMs;
    const at = dueAt(policy.calendar, clock.openedAt, Math.round((target * rule.atPercent) / 100), paused);
    const what = rule.on === "first_response" ? "first-response" : "resolution";
    triggers.push({
      tier: rule.toTier,
      rule,
      at,
      reason:
        rule.atPercent >= 100
          ? `The ${what} target was breached.`
          : `${rule.atPercent}% of the ${what} target has passed.`,
    });
  }
  return triggers.sort((a, b) => a.at - b.at || tierRank(b.tier) - tierRank(a.tier));
}

/** The escalation due at `now`, if any: the highest tier among the triggers that have fired. */
export function nextEscalation(policy: SlaPolicy, clock: CaseClock, now: number): EscalationDue | null {
  let due: EscalationDue | null = null;
  for (const trigger of escalationTriggers(policy, clock)) {
    if (trigger.at > now) continue;
    if (due === null || tierRank(trigger.tier) > tierRank(due.tier)) due = trigger;
  }
  return due;
}

/** When the background job should look at the case next, or null when no time trigger is ahead. */
export function nextEscalationAt(policy: SlaPolicy, clock: CaseClock): number | null {
  return escalationTriggers(policy, clock)[0]?.at ?? null;
}
