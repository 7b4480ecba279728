import { UserError } from "../errors/sentra-error.js";

export const CASE_STATUSES = ["new", "open", "pending_customer", "escalated", "resolved", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_TYPES = ["complaint", "request", "inquiry"] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** Who holds a case as it climbs: the owning agent, then a supervisor, then a back-office team. */
export const ESCALATION_TIERS = ["agent", "supervisor", "back_office"] as const;
export type EscalationTier = (typeof ESCALATION_TIERS)[number];

export const tierRank = (tier: EscalationTier): number => ESCALATION_TIERS.indexOf(tier);

/** Statuses in which the case is still being worked (the SLA can run and escalate). */
export const ACTIVE_STATUSES: readonly CaseStatus[] = ["new", "open", "pending_customer", "escalated"];

/**
 * Allowed moves. `escalated` is entered only through an escalation (which also raises the tier), `resolved`
 * may be reopened for a while, `closed` is final.
 */
const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ["open", "pending_customer", "escalated", "resolved", "closed"],
  open: ["pending_customer", "escalated", "resolved", "closed"],
  pending_customer: ["open", "escalated", "resolved", "closed"],
  escalated: ["open", "pending_customer", "resolved", "closed"],
  resolved: ["open", "closed"],
  closed: [],
};

export const DEFAULT_REOPEN_WINDOW_DAYS = 7;
const DAY = 24 * 3_600_000;

export interface TransitionContext {
  readonly now: number;
  /** When the case was resolved; needed to reopen it. */
  readonly resolvedAt?: number | undefined;
  readonly reopenWindowDays?: number;
  /** True when the move is made by an escalation rather than by a plain status change. */
  readonly byEscalation?: boolean;
}

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}

/** Throws a UserError explaining why `from → to` is not allowed; returns quietly when it is. */
export function assertCaseTransition(from: CaseStatus, to: CaseStatus, context: TransitionContext): void {
  if (from === to) {
    throw new UserError("conflict", "case_status_unchanged", `The case is already ${from}.`);
  }
  if (from === "closed") {
    throw new UserError("conflict", "case_closed", "A closed case is final; open a new case instead.");
  }
  if (!TRANSITIONS[from].includes(to)) {
    throw new UserError(
      "conflict",
      "case_transition_not_allowed",
      `A case cannot go from ${from} to ${to}; from ${from} it may go to ${TRANSITIONS[from].join(", ")}.`,
    );
  }
  if (to === "escalated" && !context.byEscalation) {
    throw new UserError(
      "invalid",
      "escalate_with_reason",
      "Escalate through POST /cases/:id/escalate with a reason; the status follows.",
    );
  }
  if (from === "resolved" && to === "open") {
    const windowDays = context.reopenWindowDays ?? DEFAULT_REOPEN_WINDOW_DAYS;
    const resolvedAt = context.resolvedAt ?? context.now;
    if (context.now - resolvedAt > windowDays * DAY) {
      throw new UserError(
        "conflict",
        "case_reopen_window_passed",
        `A resolved case can be reopened within ${windowDays} days; open a new case instead.`,
      );
    }
  }
}

/** The tier one step above `tier`, or undefined at the top. */
export function tierAbove(tier: EscalationTier): EscalationTier | undefined {
  return ESCALATION_TIERS[tierRank(tier) + 1];
}
