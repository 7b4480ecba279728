import type { AgentAdherence, ScheduledShift } from "../../api/wfm";
import { addDays } from "../time";

/** A live out-of-adherence alert as the adherence monitor publishes it (wallboard topic). */
export interface AdherenceAlert {
  agentId: string;
  expected: string | null;
  actual: string | null;
  /** ISO time the agent went out of adherence. */
  since: string;
}

const MAX_ALERTS = 30;

/** Whether a realtime event is an adherence alert (the server names it wfm.adherence_alert). */
export function isAdherenceEvent(type: string): boolean {
  return type.startsWith("wfm.adherence");
}

/** Folds one realtime alert into the list: newest first, one entry per agent. */
export function applyAdherenceEvent(
  alerts: readonly AdherenceAlert[],
  at: string,
  data: unknown,
): AdherenceAlert[] {
  const payload = (data ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof payload[key] === "string" ? (payload[key] as string) : null);
  const agentId = text("agentId");
  if (!agentId) return [...alerts];
  const alert: AdherenceAlert = {
    agentId,
    expected: text("expected"),
    actual: text("actual"),
    since: text("since") ?? at,
  };
  return [alert, ...alerts.filter((a) => a.agentId !== agentId)].slice(0, MAX_ALERTS);
}

/** An episode still open at the end of the measured window means the agent is out of adherence now. */
export function isOutNow(agent: AgentAdherence, windowEnd: string): boolean {
  const end = Date.parse(windowEnd);
  return agent.episodes.some((episode) => Date.parse(episode.end) >= end - 60_000);
}

/** Out-of-adherence agents first, then the lowest adherence, then by name. */
export function sortForBoard(agents: readonly AgentAdherence[], windowEnd: string): AgentAdherence[] {
  return [...agents].sort(
    (a, b) =>
      Number(isOutNow(b, windowEnd)) - Number(isOutNow(a, windowEnd)) ||
      (a.adherence ?? 2) - (b.adherence ?? 2) ||
      a.displayName.localeCompare(b.displayName),
  );
}

/** A ratio as a percent with one decimal; null stays null. */
export function asPercent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 10;
}

/**
 * Team figures weighted by scheduled time (an agent on a 2-hour shift does not count as much as one on 9
 * hours): adherence over scheduled minutes, conformance over scheduled work, and how many are out now.
 */
export function boardTotals(agents: readonly AgentAdherence[], windowEnd: string) {
  const scheduled = agents.reduce((sum, a) => sum + a.scheduledMinutes, 0);
  const inAdherence = agents.reduce((sum, a) => sum + a.inAdherenceMinutes, 0);
  const scheduledWork = agents.reduce((sum, a) => sum + a.scheduledWorkMinutes, 0);
  const worked = agents.reduce((sum, a) => sum + a.workedMinutes, 0);
  return {
    adherence: scheduled > 0 ? asPercent(inAdherence / scheduled) : null,
    conformance: scheduledWork > 0 ? asPercent(worked / scheduledWork) : null,
    outNow: agents.filter((a) => isOutNow(a, windowEnd)).length,
  };
}

/** What each agent's published shifts say they should be doing at an instant; agents off shift are absent. */
export function scheduledNow(shifts: readonly ScheduledShift[], at: number): Map<string, string> {
  const now = new Map<string, string>();
  for (const shift of shifts) {
    if (Date.parse(shift.startsAt) > at || Date.parse(shift.endsAt) <= at) continue;
    const activity = shift.activities.find((a) => Date.parse(a.startsAt) <= at && at < Date.parse(a.endsAt));
    now.set(shift.agentId, activity?.kind ?? "work");
  }
  return now;
}

/** Published schedules whose week holds the date: the ones adherence is measured against. */
export function publishedCovering<T extends { status: string; weekStart: string }>(
  schedules: readonly T[],
  date: string,
): T[] {
  return schedules.filter(
    (s) => s.status === "published" && s.weekStart.slice(0, 10) <= date && date < addDays(s.weekStart, 7),
  );
}
