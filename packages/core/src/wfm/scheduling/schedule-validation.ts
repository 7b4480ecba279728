import { type ContractViolation, contractViolations } from "./contract-rules.js";
import {
  horizonMinutes,
  MINUTES_PER_DAY,
  type ScheduledShift,
  type SchedulingProblem,
} from "./schedule-model.js";
import { prayerWindowOf } from "./shift-candidates.js";

export interface ScheduleViolation extends Omit<ContractViolation, "code"> {
  readonly agentId: string;
  readonly code:
    | ContractViolation["code"]
    | "break_window"
    | "missing_prayer"
    | "activities"
    | "unknown_agent";
}

/**
 * Checks a whole schedule against every rule the schedulers promise: contracts and availability per agent,
 * each break inside its template window, the prayer break inside the window for opted-in agents, and
 * activities that tile each shift. The property tests use it as the oracle; the API uses it after edits.
 */
export function scheduleViolations(
  problem: Pick<SchedulingProblem, "agents" | "templates" | "prayer" | "intervalMinutes" | "requirement">,
  shifts: readonly ScheduledShift[],
): ScheduleViolation[] {
  const violations: ScheduleViolation[] = [];
  const days = Math.max(7, Math.ceil(horizonMinutes(problem) / MINUTES_PER_DAY));
  const byAgent = new Map<string, ScheduledShift[]>();
  for (const shift of shifts) byAgent.set(shift.agentId, [...(byAgent.get(shift.agentId) ?? []), shift]);
  for (const [agentId, mine] of byAgent) {
    const agent = problem.agents.find((a) => a.id === agentId);
    if (!agent) {
      violations.push({ agentId, code: "unknown_agent", message: `Agent ${agentId} is not in the plan.` });
      continue;
    }
    for (const v of contractViolations(agent, mine, problem.prayer, days)) violations.push({ agentId, ...v });
    for (const shift of mine) {
      violations.push(...activityViolations(problem, agent.id, agent.prayerOptIn, shift));
    }
  }
  return violations;
}

function activityViolations(
  problem: Pick<SchedulingProblem, "templates" | "prayer">,
  agentId: string,
  prayerOptIn: boolean,
  shift: ScheduledShift,
): ScheduleViolation[] {
  const found: ScheduleViolation[] = [];
  let cursor = shift.start;
  for (const activity of shift.activities) {
    if (activity.start !== cursor || activity.end <= activity.start) {
      found.push({
        agentId,
        code: "activities",
        message: `Activities of the shift at ${shift.start} do not tile it.`,
      });
    }
    cursor = activity.end;
  }
  if (cursor !== shift.end) {
    found.push({
      agentId,
      code: "activities",
      message: `Activities of the shift at ${shift.start} do not reach its end.`,
    });
  }
  const template = problem.templates.find((t) => t.id === shift.templateId);
  for (const activity of shift.activities) {
    if (activity.kind !== "break" && activity.kind !== "lunch") continue;
    const ok = template?.breaks.some(
      (rule) =>
        rule.kind === activity.kind &&
        activity.end - activity.start === rule.durationMinutes &&
        activity.start >= shift.start + rule.earliestOffsetMinutes &&
        activity.end <= shift.start + rule.latestEndOffsetMinutes,
    );
    if (!ok) {
      found.push({
        agentId,
        code: "break_window",
        message: `A ${activity.kind} at ${activity.start}–${activity.end} is outside its template window.`,
      });
    }
  }
  const window = prayerWindowOf(problem.prayer, { prayerOptIn }, shift.day, shift.start, shift.end);
  for (const kind of ["break", "lunch"] as const) {
    const wanted =
      window && kind === "lunch" ? 0 : (template?.breaks.filter((r) => r.kind === kind).length ?? 0);
    const got = shift.activities.filter((a) => a.kind === kind).length;
    if (got !== wanted) {
      found.push({
        agentId,
        code: "break_window",
        message: `The shift at ${shift.start} has ${got} ${kind}(s), not ${wanted}.`,
      });
    }
  }
  if (window && problem.prayer) {
    const prayer = shift.activities.find((a) => a.kind === "prayer");
    const inside =
      prayer !== undefined &&
      prayer.start >= window.start &&
      prayer.end <= window.end &&
      prayer.end - prayer.start === problem.prayer.durationMinutes;
    if (!inside) {
      found.push({
        agentId,
        code: "missing_prayer",
        message: `The shift at ${shift.start} lacks the prayer break.`,
      });
    }
  }
  return found;
}
