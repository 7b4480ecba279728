import {
  type CaseClock,
  type CasePriority,
  type CaseStatus,
  type CaseType,
  type EscalationTier,
  nextEscalationAt,
  pausedAfterResume,
  type SlaPolicy,
  slaDueTimes,
} from "@sentra/core";
import type { CaseRow } from "../db/schema.js";

const ms = (date: Date | null): number | undefined => (date === null ? undefined : date.getTime());

/** The SLA engine's view of a stored case. */
export function clockOf(row: CaseRow): CaseClock {
  return {
    status: row.status as CaseStatus,
    tier: row.tier as EscalationTier,
    openedAt: row.opened_at.getTime(),
    firstRespondedAt: ms(row.first_responded_at),
    pausedSince: ms(row.paused_since),
    pausedBusinessMs: Number(row.paused_business_ms),
  };
}

export const typeOf = (row: CaseRow) => row.type as CaseType;
export const priorityOf = (row: CaseRow) => row.priority as CasePriority;

const toDate = (epochMs: number | null | undefined): Date | null =>
  epochMs === null || epochMs === undefined ? null : new Date(epochMs);

/**
 * The stored SLA columns for a case in a given state: due times (the resolution one is null while paused)
 * and when the escalation job should next look at it. They are derived data, recomputed after every change
 * so the list filters (overdue) and the job (next_escalation_at ≤ now) stay plain indexed comparisons.
 */
export function slaColumns(policy: SlaPolicy | undefined, clock: CaseClock) {
  if (policy === undefined) {
    return { first_response_due_at: null, resolution_due_at: null, next_escalation_at: null };
  }
  const due = slaDueTimes(policy, clock);
  return {
    first_response_due_at: toDate(due.firstResponseDueAt),
    resolution_due_at: toDate(due.resolutionDueAt),
    next_escalation_at: toDate(nextEscalationAt(policy, clock)),
  };
}

/** Columns that restart a paused clock at `now`; the waited business time is added to the paused total. */
export function resumedColumns(policy: SlaPolicy | undefined, row: CaseRow, now: number) {
  const clock = clockOf(row);
  if (clock.pausedSince === undefined) return {};
  const paused =
    policy === undefined
      ? clock.pausedBusinessMs + (now - clock.pausedSince)
      : pausedAfterResume(policy, clock, now);
  return { paused_since: null, paused_business_ms: paused };
}
