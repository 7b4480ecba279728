import type { ActivityKind, ScheduledShift } from "../../api/wfm";
import { DAY_MINUTES } from "../time";

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

/** The PATCH body for a dragged span on day `day`: minutes from the schedule's week start. */
export function spanToWeek(span: Span, day: number): Span {
  return { start: span.start + day * DAY_MINUTES, end: span.end + day * DAY_MINUTES };
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
  bars: GanttBar[];
}

/**
 * One row per agent with their shifts of the shown day (0 = the week-start date), in minutes from that day's
 * start; breaks, lunch and prayer are blocks inside the bar. Agents off that day still get a row, so the board
 * shows the whole team. Rows sort by first start, then name.
 */
export function ganttRows(
  shifts: readonly ScheduledShift[],
  day: number,
  names: ReadonlyMap<string, string>,
): GanttRow[] {
  const offset = day * DAY_MINUTES;
  const rows = new Map<string, GanttRow>();
  for (const shift of shifts) {
    let row = rows.get(shift.agentId);
    if (!row) {
      row = { agentId: shift.agentId, name: names.get(shift.agentId) ?? shift.agentId.slice(0, 8), bars: [] };
      rows.set(shift.agentId, row);
    }
    if (shift.day !== day) continue;
    row.bars.push({
      shiftId: shift.id,
      start: shift.start - offset,
      end: shift.end - offset,
      blocks: shift.activities
        .filter((activity) => activity.kind !== "work")
        .map((activity) => ({
          kind: activity.kind,
          start: activity.start - offset,
          end: activity.end - offset,
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

/** The row a bar dragged vertically by `dy` pixels lands on, from its own row, kept on the board. */
export function targetRow(from: number, dy: number, rowHeight: number, rowCount: number): number {
  return clamp(from + Math.round(dy / rowHeight), 0, Math.max(0, rowCount - 1));
}
