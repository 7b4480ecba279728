import {
  type AvailabilityWindow,
  horizonMinutes,
  MINUTES_PER_DAY,
  overlaps,
  type PrayerRule,
  type SchedulingAgent,
  type SchedulingProblem,
  type ShiftTemplate,
} from "./schedule-model.js";

/** One possible shift: a template started at one minute of the horizon. */
export interface ShiftCandidate {
  readonly index: number;
  readonly template: ShiftTemplate;
  readonly day: number;
  readonly start: number;
  readonly end: number;
}

/** Every start each template allows inside the horizon, in day then start order. */
export function shiftCandidates(problem: SchedulingProblem): ShiftCandidate[] {
  const horizon = horizonMinutes(problem);
  const days = Math.ceil(horizon / MINUTES_PER_DAY);
  const candidates: ShiftCandidate[] = [];
  for (const template of problem.templates) {
    for (const day of template.days) {
      if (day < 0 || day >= days) continue;
      const step = Math.max(1, template.startStepMinutes);
      for (let minute = template.earliestStartMinute; minute <= template.latestStartMinute; minute += step) {
        const start = day * MINUTES_PER_DAY + minute;
        const end = start + template.lengthMinutes;
        if (end > horizon) continue;
        candidates.push({ index: 0, template, day, start, end });
      }
    }
  }
  candidates.sort((a, b) => a.start - b.start || a.template.id.localeCompare(b.template.id));
  return candidates.map((candidate, index) => ({ ...candidate, index }));
}

export function fitsAvailability(
  windows: readonly AvailabilityWindow[] | undefined,
  day: number,
  start: number,
  end: number,
): boolean {
  if (windows === undefined) return true;
  const dayStart = day * MINUTES_PER_DAY;
  return windows.some(
    (w) => w.day === day && dayStart + w.startMinute <= start && end <= dayStart + w.endMinute,
  );
}

/** The prayer window of an opted-in agent's shift, or undefined when the shift does not touch it. */
export function prayerWindowOf(
  prayer: PrayerRule | undefined,
  agent: Pick<SchedulingAgent, "prayerOptIn">,
  day: number,
  start: number,
  end: number,
): { start: number; end: number } | undefined {
  if (!prayer || !agent.prayerOptIn || day !== prayer.day) return undefined;
  const windowStart = day * MINUTES_PER_DAY + prayer.windowStartMinute;
  const windowEnd = day * MINUTES_PER_DAY + prayer.windowEndMinute;
  if (overlaps(start, end, windowStart, windowEnd) === 0) return undefined;
  return { start: Math.max(start, windowStart), end: Math.min(end, windowEnd) };
}

/** A shift that touches the prayer window must leave room for the whole prayer break inside it. */
export function allowsPrayer(
  prayer: PrayerRule | undefined,
  agent: Pick<SchedulingAgent, "prayerOptIn">,
  day: number,
  start: number,
  end: number,
): boolean {
  const window = prayerWindowOf(prayer, agent, day, start, end);
  return window === undefined || window.end - window.start >= prayer!.durationMinutes;
}

/** Whether the agent may work this candidate at all (skills, availability, prayer room), ignoring other shifts. */
export function agentMayWork(problem: SchedulingProblem, agent: SchedulingAgent, c: ShiftCandidate): boolean {
  return (
    fitsAvailability(agent.availability, c.day, c.start, c.end) &&
    allowsPrayer(problem.prayer, agent, c.day, c.start, c.end) &&
    c.template.lengthMinutes <= agent.contract.maxMinutesPerWeek
  );
}

export function hasSkills(agent: SchedulingAgent, required: readonly string[] | undefined): boolean {
  return (required ?? []).every((skill) => agent.skills.includes(skill));
}

/**
 * The expected share of each interval the candidate's agent is at work: the whole span, less each break
 * spread evenly over its window (duration ÷ window length), since breaks are placed only after shifts are
 * chosen. Both schedulers plan with these shares, so a plan with no slack does not lose its coverage to breaks.
 */
export function expectedPresence(
  c: ShiftCandidate,
  intervalMinutes: number,
  intervals: number,
): [interval: number, share: number][] {
  const shares: [number, number][] = [];
  const first = Math.floor(c.start / intervalMinutes);
  const last = Math.min(intervals - 1, Math.ceil(c.end / intervalMinutes) - 1);
  for (let i = first; i <= last; i++) {
    const from = i * intervalMinutes;
    const to = from + intervalMinutes;
    let present = overlaps(c.start, c.end, from, to);
    for (const rule of c.template.breaks) {
      const windowStart = c.start + rule.earliestOffsetMinutes;
      const windowEnd = Math.min(c.end, c.start + rule.latestEndOffsetMinutes);
      if (windowEnd <= windowStart) continue;
      present -=
        (overlaps(windowStart, windowEnd, from, to) * rule.durationMinutes) / (windowEnd - windowStart);
    }
    const share = Math.round((present / intervalMinutes) * 10_000) / 10_000;
    if (share > 0) shares.push([i, share]);
  }
  return shares;
}
