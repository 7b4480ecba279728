import { describe, expect, it } from "vitest";
import type { ScheduledShift } from "../../api/wfm";
import {
  boardWindow,
  DEFAULT_LIMITS,
  dragSpan,
  ganttRows,
  pixelsToMinutes,
  previewBar,
  spanToWeek,
  targetRow,
} from "./gantt";

const limits = { ...DEFAULT_LIMITS, step: 15, minLength: 60, maxLength: 600, min: 0, max: 1440 };
const shift = { start: 480, end: 1020 }; // 08:00–17:00

describe("Gantt drag maths", () => {
  it("converts pointer travel to minutes", () => {
    expect(pixelsToMinutes(100, 960, 1440)).toBe(150);
    expect(pixelsToMinutes(5, 0, 1440)).toBe(0);
  });

  it("moves a shift by whole grid steps, keeping its length", () => {
    expect(dragSpan(shift, "move", 37, limits)).toEqual({ start: 510, end: 1050 });
    expect(dragSpan(shift, "move", 7, limits)).toEqual(shift);
    expect(dragSpan(shift, "move", -22, limits)).toEqual({ start: 465, end: 1005 });
  });

  it("keeps a moved shift on the board", () => {
    expect(dragSpan(shift, "move", -1000, limits)).toEqual({ start: 0, end: 540 });
    expect(dragSpan(shift, "move", 1000, limits)).toEqual({ start: 900, end: 1440 });
  });

  it("resizes one edge and keeps the other", () => {
    expect(dragSpan(shift, "start", 60, limits)).toEqual({ start: 540, end: 1020 });
    expect(dragSpan(shift, "end", -120, limits)).toEqual({ start: 480, end: 900 });
  });

  it("never makes a shift shorter than the minimum or longer than the maximum", () => {
    expect(dragSpan(shift, "start", 900, limits)).toEqual({ start: 960, end: 1020 });
    expect(dragSpan(shift, "end", -900, limits)).toEqual({ start: 480, end: 540 });
    expect(dragSpan(shift, "start", -300, limits)).toEqual({ start: 420, end: 1020 });
    expect(dragSpan(shift, "end", 300, limits)).toEqual({ start: 480, end: 1080 });
  });

  it("holds for any drag: on grid, on board, within length bounds", () => {
    for (let delta = -1500; delta <= 1500; delta += 7) {
      for (const mode of ["move", "start", "end"] as const) {
        const span = dragSpan(shift, mode, delta, limits);
        expect(span.start % 15).toBe(0);
        expect(span.end % 15).toBe(0);
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(1440);
        expect(span.end - span.start).toBeGreaterThanOrEqual(60);
        expect(span.end - span.start).toBeLessThanOrEqual(600);
      }
    }
  });

  it("turns a span on a day back into minutes from the week start", () => {
    expect(spanToWeek({ start: 480, end: 1020 }, 2)).toEqual({ start: 3360, end: 3900 });
  });
});

const makeShift = (
  id: string,
  agentId: string,
  day: number,
  start: number,
  end: number,
  lunchAt?: number,
): ScheduledShift => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 17) + minute * 60_000).toISOString();
  const activity = (kind: "work" | "lunch", from: number, to: number) => ({
    kind,
    start: from,
    end: to,
    startsAt: at(from),
    endsAt: at(to),
  });
  return {
    id,
    scheduleId: "sch",
    agentId,
    templateId: null,
    day,
    start,
    end,
    startsAt: at(start),
    endsAt: at(end),
    activities:
      lunchAt === undefined
        ? [activity("work", start, end)]
        : [
            activity("work", start, lunchAt),
            activity("lunch", lunchAt, lunchAt + 60),
            activity("work", lunchAt + 60, end),
          ],
  };
};

describe("Gantt rows", () => {
  const shifts = [
    makeShift("s1", "a1", 1, 1440 + 540, 1440 + 1080, 1440 + 780),
    makeShift("s2", "a2", 1, 1440 + 420, 1440 + 900),
    makeShift("s3", "a1", 2, 2880 + 540, 2880 + 1080),
    makeShift("s4", "a3", 3, 4320 + 540, 4320 + 1080),
  ];

  it("places the day's shifts in minutes from that day's start, breaks as blocks, everyone on a row", () => {
    const rows = ganttRows(
      shifts,
      1,
      new Map([
        ["a1", "Budi"],
        ["a2", "Dewi"],
        ["a3", "Made"],
      ]),
    );
    expect(rows.map((row) => row.name)).toEqual(["Dewi", "Budi", "Made"]);
    expect(rows[1]?.bars).toEqual([
      { shiftId: "s1", start: 540, end: 1080, blocks: [{ kind: "lunch", start: 780, end: 840 }] },
    ]);
    expect(rows[2]?.bars).toEqual([]);
  });

  it("moves blocks with a moved bar and clips them on a resize", () => {
    const bar = {
      shiftId: "s",
      start: 540,
      end: 1080,
      blocks: [{ kind: "lunch" as const, start: 780, end: 840 }],
    };
    expect(previewBar(bar, { start: 600, end: 1140 }).blocks).toEqual([
      { kind: "lunch", start: 840, end: 900 },
    ]);
    expect(previewBar(bar, { start: 540, end: 800 }).blocks).toEqual([
      { kind: "lunch", start: 780, end: 800 },
    ]);
    expect(previewBar(bar, { start: 540, end: 700 }).blocks).toEqual([]);
  });

  it("shows whole hours around the shifts, at least 06:00–22:00", () => {
    expect(boardWindow([])).toEqual({ start: 360, end: 1320 });
    expect(boardWindow(ganttRows([makeShift("late", "a", 0, 900, 1530)], 0, new Map()))).toEqual({
      start: 360,
      end: 1560,
    });
  });
});

describe("dragging onto another agent's row", () => {
  it("lands on the row under the pointer, kept on the board", () => {
    expect(targetRow(1, 0, 34, 4)).toBe(1);
    expect(targetRow(1, 16, 34, 4)).toBe(1);
    expect(targetRow(1, 18, 34, 4)).toBe(2);
    expect(targetRow(1, -40, 34, 4)).toBe(0);
    expect(targetRow(1, 500, 34, 4)).toBe(3);
    expect(targetRow(0, -500, 34, 4)).toBe(0);
  });
});
