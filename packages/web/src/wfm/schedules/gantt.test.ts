import { describe, expect, it } from "vitest";
import type { ScheduledShift } from "../../api/wfm";
import {
  boardWindow,
  DEFAULT_LIMITS,
  dragSpan,
  ganttRows,
  pixelsToMinutes,
  previewBar,
  spanToInstants,
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

  it("turns a span back into instants from the day start", () => {
    const dayStart = Date.parse("2026-11-22T17:00:00Z");
    expect(spanToInstants({ start: 480, end: 1020 }, dayStart)).toEqual({
      start: "2026-11-23T01:00:00.000Z",
      end: "2026-11-23T10:00:00.000Z",
    });
  });
});

describe("Gantt rows", () => {
  const dayStart = Date.parse("2026-11-22T17:00:00Z"); // Monday 00:00 WIB
  const shifts: ScheduledShift[] = [
    {
      id: "s1",
      agentId: "a1",
      agentName: "Budi",
      start: "2026-11-23T02:00:00Z",
      end: "2026-11-23T11:00:00Z",
      activities: [
        { kind: "work", start: "2026-11-23T02:00:00Z", end: "2026-11-23T06:00:00Z" },
        { kind: "lunch", start: "2026-11-23T06:00:00Z", end: "2026-11-23T07:00:00Z" },
        { kind: "work", start: "2026-11-23T07:00:00Z", end: "2026-11-23T11:00:00Z" },
      ],
    },
    { id: "s2", agentId: "a2", start: "2026-11-23T00:00:00Z", end: "2026-11-23T08:00:00Z", activities: [] },
    { id: "s3", agentId: "a1", start: "2026-11-24T02:00:00Z", end: "2026-11-24T11:00:00Z", activities: [] },
  ];

  it("places the day's shifts in minutes from local midnight, breaks as blocks", () => {
    const rows = ganttRows(shifts, dayStart, new Map([["a2", "Dewi"]]));
    expect(rows.map((row) => row.name)).toEqual(["Dewi", "Budi"]);
    expect(rows[1]?.bars).toEqual([
      { shiftId: "s1", start: 540, end: 1080, blocks: [{ kind: "lunch", start: 780, end: 840 }] },
    ]);
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
    const rows = ganttRows(shifts, dayStart, new Map());
    expect(boardWindow(rows)).toEqual({ start: 360, end: 1320 });
  });
});
