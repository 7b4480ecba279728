// @vitest-environment jsdom
import "../../test/dom-setup";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Schedule, ScheduledShift } from "../../api/wfm";
import { user } from "../../test/fixtures";
import { renderApp, stubApi } from "../../test/render";
import { GanttBoard } from "./GanttBoard";
import { DEFAULT_LIMITS, ganttRows } from "./gantt";
import { ScheduleView } from "./ScheduleView";

// Canvas charts are ECharts' business; here only the board and its requests matter.
vi.mock("../charts/WfmChart", () => ({
  WfmChart: ({ testId }: { testId: string }) => <div data-testid={testId} />,
}));

const BUDI = "33333333-3333-4333-8333-333333333333";
const DEWI = "44444444-4444-4444-8444-444444444444";
const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 17) + minute * 60_000).toISOString();
const shift = (id: string, agentId: string, start: number, end: number): ScheduledShift => ({
  id,
  scheduleId: "sch",
  agentId,
  templateId: null,
  day: Math.floor(start / 1440),
  start,
  end,
  startsAt: at(start),
  endsAt: at(end),
  activities: [
    { kind: "work", start, end: start + 240, startsAt: at(start), endsAt: at(start + 240) },
    {
      kind: "lunch",
      start: start + 240,
      end: start + 300,
      startsAt: at(start + 240),
      endsAt: at(start + 300),
    },
    { kind: "work", start: start + 300, end, startsAt: at(start + 300), endsAt: at(end) },
  ],
});
const schedule = (status: Schedule["status"]): Schedule => ({
  id: "sch",
  teamId: null,
  weekStart: "2026-11-23",
  startsAt: at(0),
  intervalMinutes: 60,
  status,
  publishedAt: null,
  solver: { solver: "milp", status: "optimal", gap: 0, seconds: 0.2 },
  requirement: Array.from({ length: 168 }, (_, i) => (i >= 8 && i < 17 ? 2 : 0)),
  coverage: Array.from({ length: 168 }, (_, i) => (i >= 8 && i < 17 ? 2 : 0)),
  shortfall: Array.from({ length: 168 }, () => 0),
  totalShortfall: 0,
  understaffedIntervals: 0,
  shifts: [shift("s1", BUDI, 480, 1020), shift("s2", DEWI, 540, 1080)],
});

const people = {
  "GET /api/v1/users": () => ({
    status: 200,
    body: { items: [user(), user({ id: DEWI, displayName: "Dewi Lestari" })], nextCursor: null },
  }),
  "GET /api/v1/teams": () => ({ status: 200, body: { items: [], nextCursor: null } }),
};

describe("ScheduleView", () => {
  it("moves a focused shift by one interval with the arrow key and shows the server's refusal", async () => {
    const calls = stubApi({
      ...people,
      "PATCH /api/v1/wfm/schedules/sch/shifts/s1": () => ({
        status: 422,
        body: {
          error: { code: "contract_violation", message: "The move breaks the agent's contract: rest." },
        },
      }),
      "PATCH /api/v1/wfm/schedules/sch/shifts/s2": () => ({
        status: 200,
        body: shift("s2", DEWI, 540, 1020),
      }),
      "GET /api/v1/wfm/schedules/sch": () => ({ status: 200, body: schedule("draft") }),
    });
    renderApp(<ScheduleView schedule={schedule("draft")} canPlan />);
    const budi = await screen.findByRole("slider", { name: "Budi Santoso: 08:00–17:00" });
    fireEvent.keyDown(budi, { key: "ArrowRight" });
    const alert = await screen.findByTestId("shift-error");
    expect(alert.textContent).toContain(
      "The shift was not changed: The move breaks the agent's contract: rest.",
    );
    expect(calls.find((c) => c.key.startsWith("PATCH"))?.body).toEqual({ start: 540, end: 1080 });
    // Shift+arrow resizes the end instead.
    fireEvent.keyDown(screen.getByRole("slider", { name: "Dewi Lestari: 09:00–18:00" }), {
      key: "ArrowLeft",
      shiftKey: true,
    });
    await waitFor(() =>
      expect(calls.find((c) => c.key.endsWith("/shifts/s2"))?.body).toEqual({ start: 540, end: 1020 }),
    );
    expect(screen.getByRole("button", { name: "Publish" })).toBeTruthy();
  });

  it("shows a published week read-only, without a publish button", async () => {
    stubApi(people);
    renderApp(<ScheduleView schedule={schedule("published")} canPlan />);
    const bar = await screen.findByRole("slider", { name: "Budi Santoso: 08:00–17:00" });
    expect(bar.getAttribute("aria-readonly")).toBe("true");
    expect(screen.getByTestId("schedule-status").textContent).toBe("Published");
    expect(screen.queryByRole("button", { name: "Publish" })).toBeNull();
  });
});

describe("GanttBoard", () => {
  it("turns a pointer drag of a bar's body or edge into a snapped span", async () => {
    const rows = ganttRows(schedule("draft").shifts, 0, new Map([[BUDI, "Budi"]]));
    const onChange = vi.fn();
    const rect = vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue({
      width: 960,
      height: 20,
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      right: 960,
      bottom: 20,
      toJSON: () => ({}),
    });
    HTMLElement.prototype.setPointerCapture ??= () => {};
    renderApp(
      <GanttBoard
        rows={rows}
        window={{ start: 360, end: 1320 }}
        limits={{ ...DEFAULT_LIMITS, step: 15, min: 360, max: 1320 }}
        editable
        pending={new Map()}
        onChange={onChange}
      />,
    );
    const [bar] = screen.getAllByTestId("gantt-bar");
    // 960 px show 960 minutes: 37 px is 37 minutes, which snaps to 30.
    fireEvent.pointerDown(bar!, { clientX: 100, pointerId: 1 });
    fireEvent.pointerMove(bar!, { clientX: 137, pointerId: 1 });
    fireEvent.pointerUp(bar!, { clientX: 137, pointerId: 1 });
    await waitFor(() => expect(onChange).toHaveBeenCalledWith("s1", { start: 510, end: 1050 }));
    const [startHandle] = screen.getAllByTestId("gantt-start-handle");
    fireEvent.pointerDown(startHandle!, { clientX: 100, pointerId: 2 });
    fireEvent.pointerMove(startHandle!, { clientX: 160, pointerId: 2 });
    fireEvent.pointerUp(startHandle!, { clientX: 160, pointerId: 2 });
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith("s1", { start: 540, end: 1020 }));
    // Straight down one row: the shift goes to the next agent at the same time.
    fireEvent.pointerDown(bar!, { clientX: 100, clientY: 10, pointerId: 3 });
    fireEvent.pointerMove(bar!, { clientX: 100, clientY: 46, pointerId: 3 });
    fireEvent.pointerUp(bar!, { clientX: 100, clientY: 46, pointerId: 3 });
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith("s1", { start: 480, end: 1020 }, DEWI));
    rect.mockRestore();
  });
});
