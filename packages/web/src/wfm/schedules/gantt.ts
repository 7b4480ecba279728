import type { ActivityKind, ScheduledShift } from "../../api/wfm";
import { DAY_MINUTES, MINUTE_MS } from "../time";

/** A span in minutes from the start of the shown day (may run past 1440 for a shift ending after midnight). */
export interface Span {
  start: number;
  end: number;
}

export type DragMode = "move" | "start" | "end";

export interface DragLimits {
  /** Grid the result snaps to, in minutes (the schedule's interval). */
  step: number;
  minLength: number;
  maxLength: number;
  /** Earliest start and latest end a shift may take on the board. */
  min: number;
  max: number;
}

export const DEFAULT_LIMITS: DragLimits = {
  step: 15,
  minLength: 60,
  maxLength: 12 * 60,
  min: 0,
  max: DAY_MINUTES + 12 * 60,
};

const snap = (minutes: number, step: number) => Math.round(minutes / step) * step;
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Horizontal pointer travel to minutes on a board `widthPx` wide showing `spanMinutes`. */
export function pixelsToMinutes(dx: number, widthPx: number, spanMinutes: number): number {
  return widthPx <= 0 ? 0 : (dx * spanMinutes) / widthPx;
}

/**
 * Where a shift lands after dragging its body (move) or one of its edges (resize) by `deltaMinutes`: snapped
 * to the grid, kept on the board, and never shorter than `minLength` nor longer than `maxLength`. Moving keeps
 * the length; resizing keeps the other edge.
 */
export function dragSpan(span: Span, mode: DragMode, deltaMinutes: number, limits: DragLimits): Span {
  const delta = snap(deltaMinutes, limits.step);
  const length = span.end - span.start;
  if (mode === "move") {
    const start = clamp(span.start + delta, limits.min, limits.max - length);
    return { start, end: start + length };
  }
  if (mode === "start") {
    const low = Math.max(limits.min, span.end - limits.maxLength);
    const high = span.end - limits.minLength;
    return { start: clamp(snap(span.start + delta, limits.step), low, Math.max(low, high)), end: span.end };
  }
  const low = span.start + limits.minLength;
  const high = Math.min(limits.max, span.start + limits.maxLength);
  return { start: span.start, end: clamp(snap(span.end + delta, limits.step), Math.min(low, high), high) };
}

/** The instants to PATCH for a dragged span, from the instant the shown day starts. */
export function spanToInstants(span: Span, dayStart: number): { start: string; end: string } {
  return {
    start: new Date(dayStart + span.start * MINUTE_MS).toISOString(),
    end: new Date(dayStart + span.end * MINUTE_MS).toISOString(),
  };
}

export interface GanttBlock extends Span {
  kind: ActivityKind;
}

export interface GanttBar extends Span {
  shiftId: string;
  blocks: GanttBlock[];
}

export interface GanttRow {
  agentId: string;
  name: string;
  teamId: string | null;
  bars: GanttBar[];
}

const minutesFrom = (dayStart: number, iso: string) => Math.round((Date.parse(iso) - dayStart) / MINUTE_MS);

/**
 * One row per agent with the shifts that start on the shown day, in minutes from the day's start; breaks,
 * lunch and prayer are blocks inside the bar. Agents without a shift that day still get an empty row so the
 * board shows who is off. Rows sort by first start, then name.
 */
export function ganttRows(
  shifts: readonly ScheduledShift[],
  dayStart: number,
  names: ReadonlyMap<string, string>,
): GanttRow[] {
  const rows = new Map<string, GanttRow>();
  for (const shift of shifts) {
    let row = rows.get(shift.agentId);
    if (!row) {
      row = {
        agentId: shift.agentId,
        name: shift.agentName ?? names.get(shift.agentId) ?? shift.agentId.slice(0, 8),
        teamId: shift.teamId ?? null,
        bars: [],
      };
      rows.set(shift.agentId, row);
    }
    const start = minutesFrom(dayStart, shift.start);
    if (start < 0 || start >= DAY_MINUTES) continue;
    row.bars.push({
      shiftId: shift.id,
      start,
      end: minutesFrom(dayStart, shift.end),
      blocks: shift.activities
        .filter((activity) => activity.kind !== "work")
        .map((activity) => ({
          kind: activity.kind,
          start: minutesFrom(dayStart, activity.start),
          end: minutesFrom(dayStart, activity.end),
        })),
    });
  }
  const first = (row: GanttRow) => Math.min(...row.bars.map((bar) => bar.start), Number.POSITIVE_INFINITY);
  return [...rows.values()].sort((a, b) => first(a) - first(b) || a.name.localeCompare(b.name));
}

/** A bar and its inner blocks after a drag preview: blocks travel with a move and are clipped by a resize. */
export function previewBar(bar: GanttBar, span: Span): GanttBar {
  const shift = span.start - bar.start;
  const moved = span.end - span.start === bar.end - bar.start && shift !== 0;
  const blocks = bar.blocks
    .map((block) =>
      moved
        ? { ...block, start: block.start + shift, end: block.end + shift }
        : { ...block, start: Math.max(block.start, span.start), end: Math.min(block.end, span.end) },
    )
    .filter((block) => block.end > block.start);
  return { ...bar, ...span, blocks };
}

/** The window the board shows: whole hours around the day's shifts, at least 06:00–22:00. */
export function boardWindow(rows: readonly GanttRow[]): Span {
  const bars = rows.flatMap((row) => row.bars);
  const start = Math.min(6 * 60, ...bars.map((bar) => Math.floor(bar.start / 60) * 60));
  const end = Math.max(22 * 60, ...bars.map((bar) => Math.ceil(bar.end / 60) * 60));
  return { start: Math.max(0, start), end };
}
