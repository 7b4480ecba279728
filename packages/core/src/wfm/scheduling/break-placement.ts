import { addSpan } from "./coverage.js";
import type {
  ActivityKind,
  PrayerRule,
  ScheduledActivity,
  ScheduledShift,
  SchedulingAgent,
  ShiftTemplate,
} from "./schedule-model.js";
import { prayerWindowOf } from "./shift-candidates.js";

/** A chosen shift before its breaks are placed. */
export interface ShiftChoice {
  readonly agent: SchedulingAgent;
  readonly template: ShiftTemplate;
  readonly day: number;
  readonly start: number;
  readonly end: number;
}

const BREAK_STEP_MINUTES = 15;

interface Placed {
  readonly kind: ActivityKind;
  readonly start: number;
  readonly end: number;
}

/**
 * Places each shift's breaks, lunch and prayer where the team can best spare the agent: shifts are handled in
 * start order and each break goes to the allowed start with the largest remaining surplus of coverage over
 * requirement, so breaks of agents on the same shift are staggered rather than stacked.
 */
export function placeBreaks(
  choices: readonly ShiftChoice[],
  requirement: readonly number[],
  intervalMinutes: number,
  prayer?: PrayerRule,
): ScheduledShift[] {
  const coverage = new Array<number>(requirement.length).fill(0);
  for (const c of choices) addSpan(coverage, intervalMinutes, c.start, c.end, 1);
  const ordered = [...choices].sort((a, b) => a.start - b.start || a.agent.id.localeCompare(b.agent.id));
  return ordered.map((choice) => {
    const placed: Placed[] = [];
    const take = (kind: ActivityKind, from: number, to: number, duration: number) => {
      const start = bestStart(from, to, duration, placed, coverage, requirement, intervalMinutes);
      if (start === undefined) return;
      placed.push({ kind, start, end: start + duration });
      addSpan(coverage, intervalMinutes, start, start + duration, -1);
    };
    const window = prayerWindowOf(prayer, choice.agent, choice.day, choice.start, choice.end);
    if (window && prayer) take("prayer", window.start, window.end, prayer.durationMinutes);
    const rules = [...choice.template.breaks]
      .filter((rule) => !(window && rule.kind === "lunch"))
      .sort((a, b) => b.durationMinutes - a.durationMinutes);
    for (const rule of rules) {
      take(
        rule.kind,
        choice.start + rule.earliestOffsetMinutes,
        Math.min(choice.end, choice.start + rule.latestEndOffsetMinutes),
        rule.durationMinutes,
      );
    }
    return {
      agentId: choice.agent.id,
      templateId: choice.template.id,
      day: choice.day,
      start: choice.start,
      end: choice.end,
      activities: withWork(choice.start, choice.end, placed),
    };
  });
}

function bestStart(
  from: number,
  to: number,
  duration: number,
  placed: readonly Placed[],
  coverage: readonly number[],
  requirement: readonly number[],
  intervalMinutes: number,
): number | undefined {
  let best: number | undefined;
  let bestSurplus = Number.NEGATIVE_INFINITY;
  const step = Math.min(BREAK_STEP_MINUTES, duration);
  for (let start = from; start + duration <= to; start += step) {
    const end = start + duration;
    if (placed.some((p) => p.start < end && start < p.end)) continue;
    const surplus = minSurplus(start, end, coverage, requirement, intervalMinutes);
    if (surplus > bestSurplus) {
      bestSurplus = surplus;
      best = start;
    }
  }
  return best;
}

function minSurplus(
  start: number,
  end: number,
  coverage: readonly number[],
  requirement: readonly number[],
  intervalMinutes: number,
): number {
  let min = Number.POSITIVE_INFINITY;
  const first = Math.floor(start / intervalMinutes);
  const last = Math.min(coverage.length - 1, Math.ceil(end / intervalMinutes) - 1);
  for (let i = first; i <= last; i++) min = Math.min(min, coverage[i]! - requirement[i]!);
  return min;
}

/** Fills the time between breaks with work, giving a gap-free activity list for the shift. */
export function withWork(start: number, end: number, breaks: readonly Placed[]): ScheduledActivity[] {
  const activities: ScheduledActivity[] = [];
  let cursor = start;
  for (const b of [...breaks].sort((x, y) => x.start - y.start)) {
    if (b.start > cursor) activities.push({ kind: "work", start: cursor, end: b.start });
    activities.push({ kind: b.kind, start: b.start, end: b.end });
    cursor = b.end;
  }
  if (cursor < end) activities.push({ kind: "work", start: cursor, end });
  return activities;
}
