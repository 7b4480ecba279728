import type { SimulationRequest } from "../../api/wfm";
import { DAY_MINUTES, MINUTE_MS, zonedDate, zonedMidnight } from "../time";
import { expandAgents, parseSeries } from "./simulation-series";

export interface SimulationDraft {
  arrivalsText: string;
  intervalMinutes: number;
  /** Clock time of the first interval, for labels only: the simulated day starts at its minute 0. */
  startClock: string;
  ahtSeconds: number;
  patienceSeconds: number;
  agentsText: string;
  replications: number;
  slSeconds: number;
  /** What-if: agents added (or removed) in every interval of the variant; 0 runs the base alone. */
  extraAgents: number;
}

export const DEFAULT_DRAFT: SimulationDraft = {
  arrivalsText: "40 55 70 80 85 80 70 60",
  intervalMinutes: 30,
  startClock: "08:00",
  ahtSeconds: 240,
  patienceSeconds: 90,
  agentsText: "10",
  replications: 20,
  slSeconds: 20,
  extraAgents: 5,
};

export type DraftResult =
  | { ok: true; base: SimulationRequest; variant: SimulationRequest | null }
  | { ok: false; problem: "arrivals" | "agents" | "agentsLength" | "noAgents" };

/**
 * Agents per interval as shift groups the simulator takes: level k of the staffing curve, over each run of
 * intervals staffed by at least k agents, is one agent on shift for that run; equal runs merge into a count.
 * In every interval exactly `agents[i]` are on shift.
 */
export function agentGroups(agents: readonly number[], intervalMinutes: number): SimulationRequest["agents"] {
  const counts = new Map<string, number>();
  const peak = Math.max(0, ...agents);
  for (let level = 1; level <= peak; level++) {
    let start: number | null = null;
    for (let i = 0; i <= agents.length; i++) {
      const staffed = i < agents.length && (agents[i] ?? 0) >= level;
      if (staffed && start === null) start = i;
      if (!staffed && start !== null) {
        const key = `${start * intervalMinutes}-${i * intervalMinutes}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        start = null;
      }
    }
  }
  return [...counts].map(([key, count]) => {
    const [startMinute, endMinute] = key.split("-").map(Number) as [number, number];
    return { id: `shift-${key}`, count, shift: { startMinute, endMinute } };
  });
}

/**
 * The request(s) a draft stands for: the base day and, when agents are added or removed, the variant with
 * the same arrivals and handle times (the simulator pairs them on the same random contacts).
 */
export function draftToBodies(draft: SimulationDraft): DraftResult {
  const arrivals = parseSeries(draft.arrivalsText);
  if (!arrivals) return { ok: false, problem: "arrivals" };
  const agents = parseSeries(draft.agentsText);
  if (!agents || agents.some((a) => !Number.isInteger(a))) return { ok: false, problem: "agents" };
  const perInterval = expandAgents(agents, arrivals.length);
  if (!perInterval) return { ok: false, problem: "agentsLength" };
  const request = (staffing: number[]): SimulationRequest | null => {
    const groups = agentGroups(staffing, draft.intervalMinutes);
    if (groups.length === 0) return null;
    return {
      replications: draft.replications,
      day: { lengthMinutes: arrivals.length * draft.intervalMinutes, intervalMinutes: draft.intervalMinutes },
      serviceLevelSeconds: draft.slSeconds,
      queues: [
        {
          id: "queue",
          channel: "voice",
          arrivals: { kind: "poisson", perInterval: arrivals },
          handleTime: { kind: "exponential", meanSeconds: draft.ahtSeconds },
          patience: { kind: "exponential", meanSeconds: draft.patienceSeconds },
        },
      ],
      agents: groups,
    };
  };
  const base = request(perInterval);
  if (!base) return { ok: false, problem: "noAgents" };
  if (draft.extraAgents === 0) return { ok: true, base, variant: null };
  const variant = request(perInterval.map((count) => Math.max(0, count + draft.extraAgents)));
  return variant ? { ok: true, base, variant } : { ok: false, problem: "noAgents" };
}

/**
 * One local day of a forecast as simulator input: the volumes of the intervals starting that day (rounded to
 * a tenth), the day's first interval as the start clock, and the required agents when staffing is known.
 */
export function forecastDay(
  intervals: readonly { intervalStart: string; adjustedVolume: number }[],
  staffing: readonly { intervalStart: string; agents: number }[],
  date: string,
  timeZone: string,
): { arrivals: number[]; agents: number[] | null; startMinute: number } | null {
  const dayStart = zonedMidnight(date, timeZone);
  const dayEnd = dayStart + DAY_MINUTES * MINUTE_MS;
  const inDay = (iso: string) => Date.parse(iso) >= dayStart && Date.parse(iso) < dayEnd;
  const day = intervals.filter((i) => inDay(i.intervalStart));
  const first = day[0];
  if (!first) return null;
  const required = new Map(
    staffing.filter((s) => inDay(s.intervalStart)).map((s) => [s.intervalStart, s.agents]),
  );
  const agents = day.map((i) => required.get(i.intervalStart));
  return {
    arrivals: day.map((i) => Math.round(i.adjustedVolume * 10) / 10),
    agents: agents.every((a) => a !== undefined) ? (agents as number[]) : null,
    startMinute: Math.round((Date.parse(first.intervalStart) - dayStart) / MINUTE_MS),
  };
}

/** The local dates a forecast covers, for the day picker. */
export function forecastDates(intervals: readonly { intervalStart: string }[], timeZone: string): string[] {
  return [...new Set(intervals.map((i) => zonedDate(Date.parse(i.intervalStart), timeZone)))];
}
