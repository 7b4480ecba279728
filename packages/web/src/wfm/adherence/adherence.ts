import type { AgentAdherence } from "../../api/wfm";

export interface AdherenceAlert {
  agentId: string;
  scheduled: string | null;
  actual: string | null;
  /** ISO time the agent went out of adherence. */
  since: string;
  /** false once the server says the agent is back in adherence. */
  active: boolean;
}

const MAX_ALERTS = 30;

/** Whether a realtime event is about schedule adherence (the server names them wfm.adherence.*). */
export function isAdherenceEvent(type: string): boolean {
  return type.startsWith("wfm.adherence") || type.startsWith("adherence.");
}

/**
 * Folds one realtime adherence event into the alert list: newest first, one entry per agent, a "back in
 * adherence" event clears the agent's alert instead of adding one.
 */
export function applyAdherenceEvent(
  alerts: readonly AdherenceAlert[],
  type: string,
  at: string,
  data: unknown,
): AdherenceAlert[] {
  const payload = (data ?? {}) as Record<string, unknown>;
  const agentId = typeof payload.agentId === "string" ? payload.agentId : null;
  if (!agentId) return [...alerts];
  const back =
    /(in_adherence|resolved|cleared|ended|back)/.test(type) ||
    payload.inAdherence === true ||
    payload.outOfAdherence === false;
  const rest = alerts.filter((alert) => alert.agentId !== agentId);
  if (back) return rest;
  const text = (key: string) => (typeof payload[key] === "string" ? (payload[key] as string) : null);
  const alert: AdherenceAlert = {
    agentId,
    scheduled: text("scheduled") ?? text("scheduledActivity"),
    actual: text("actual") ?? text("actualState"),
    since: text("since") ?? at,
    active: true,
  };
  return [alert, ...rest].slice(0, MAX_ALERTS);
}

/** Out-of-adherence agents first, then the lowest adherence, then by name. */
export function sortForBoard(
  agents: readonly AgentAdherence[],
  names: ReadonlyMap<string, string>,
): AgentAdherence[] {
  const name = (a: AgentAdherence) => a.agentName ?? names.get(a.agentId) ?? a.agentId;
  return [...agents].sort(
    (a, b) =>
      Number(b.outOfAdherence) - Number(a.outOfAdherence) ||
      (a.adherencePercent ?? 101) - (b.adherencePercent ?? 101) ||
      name(a).localeCompare(name(b)),
  );
}

/** Team figures: mean adherence and conformance over agents with a figure, and how many are out now. */
export function boardTotals(agents: readonly AgentAdherence[]) {
  const mean = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length === 0
      ? null
      : Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10;
  };
  return {
    adherence: mean(agents.map((a) => a.adherencePercent)),
    conformance: mean(agents.map((a) => a.conformancePercent)),
    outNow: agents.filter((a) => a.outOfAdherence).length,
  };
}

/** Percent shown whether the server sends a ratio (0.93) or a percent (93). */
export function asPercent(value: number | null): number | null {
  if (value === null) return null;
  return Math.round((value <= 1 ? value * 100 : value) * 10) / 10;
}
