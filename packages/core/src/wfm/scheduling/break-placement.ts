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
    const window = prayerWindowOf(prayer, choice.agent, choice.day, choice.start, choice.end);
    const items: Item[] = [];
    if (window && prayer)
      items.push({ kind: "prayer", from: window.start, to: window.end, duration: prayer.durationMinutes });
    const rules = [...choice.template.breaks]
      .filter((rule) => !(window && rule.kind === "lunch"))
      .sort((a, b) => b.durationMinutes - a.durationMinutes);
    for (const rule of rules) {
      items.push({
        kind: rule.kind,
        from: choice.start + rule.earliestOffsetMinutes,
        to: Math.min(choice.end, choice.start + rule.latestEndOffsetMinutes),
        duration: rule.durationMinutes,
      });
    }
    const ranked = items.map((item) => rankedStarts(item, coverage, requirement, intervalMinutes));
    const placed = arrange(items, ranked, [], { budget: 2_000 }) ?? [];
    for (const p of placed) addSpan(coverage, intervalMinutes, p.start, p.end, -1);
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

interface Item {
  readonly kind: ActivityKind;
  readonly from: number;
  readonly to: number;
  readonly duration: number;
}

/** Allowed starts of one break, best first: the largest spare coverage over the time it takes. */
function rankedStarts(
  item: Item,
  coverage: readonly number[],
  requirement: readonly number[],
  intervalMinutes: number,
): number[] {
  const starts: { start: number; surplus: number }[] = [];
  const step = Math.min(BREAK_STEP_MINUTES, item.duration);
  for (let start = item.from; start + item.duration <= item.to; start += step) {
    starts.push({
      start,
      surplus: minSurplus(start, start + item.duration, coverage, requirement, intervalMinutes),
    });
  }
  return starts.sort((a, b) => b.surplus - a.surplus || a.start - b.start).map((s) => s.start);
}

/** Picks a start for every break so none overlap, preferring better-ranked starts; depth-first, bounded. */
function arrange(
  items: readonly Item[],
  ranked: readonly number[][],
  placed: readonly Placed[],
  search: { budget: number },
): Placed[] | undefined {
  const i = placed.length;
  if (i === items.length) return [...placed];
  const item = items[i]!;
  for (const start of ranked[i]!) {
    if (--search.budget < 0) return undefined;
    const end = start + item.duration;
    if (placed.some((p) => p.start < end && start < p.end)) continue;
    const done = arrange(items, ranked, [...placed, { kind: item.kind, start, end }], search);
    if (done) return done;
  }
  return undefined;
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
