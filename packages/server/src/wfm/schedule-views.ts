import type { ScheduledActivity } from "@sentra/core";
import type { Selectable } from "kysely";
import { z } from "zod";
import type { WfmScheduledShiftsTable } from "../db/schema.js";
import { instant, type PlanningWeek } from "./schedule-week.js";

const activityView = z.object({
  kind: z.enum(["work", "break", "lunch", "prayer", "training", "off"]),
  /** Minutes from the week start. */
  start: z.number(),
  end: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
});

export const shiftView = z.object({
  id: z.uuid(),
  scheduleId: z.uuid(),
  agentId: z.uuid(),
  templateId: z.uuid().nullable(),
  /** Day of the week, 0 = the week-start date. */
  day: z.number(),
  start: z.number(),
  end: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  activities: z.array(activityView),
});
export type ShiftView = z.infer<typeof shiftView>;

export const solverView = z.object({
  solver: z.enum(["milp", "heuristic"]),
  status: z.string(),
  gap: z.number().nullable(),
  fallbackReason: z.string().optional(),
  seconds: z.number(),
});

export const scheduleView = z.object({
  id: z.uuid(),
  teamId: z.uuid().nullable(),
  weekStart: z.string(),
  startsAt: z.string(),
  intervalMinutes: z.number(),
  status: z.enum(["draft", "published"]),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  solver: solverView,
  underStaffPenalty: z.number(),
  shiftCost: z.number(),
  /** shiftCost plus the penalty on the remaining shortfall. */
  cost: z.number(),
  requirement: z.array(z.number()),
  /** Agents at work per interval (breaks excluded, pro rata). */
  coverage: z.array(z.number()),
  shortfall: z.array(z.number()),
  totalShortfall: z.number(),
  understaffedIntervals: z.number(),
  shifts: z.array(shiftView),
});
export type ScheduleView = z.infer<typeof scheduleView>;

export const scheduleSummaryView = scheduleView
  .pick({
    id: true,
    teamId: true,
    weekStart: true,
    status: true,
    publishedAt: true,
    solver: true,
    shiftCost: true,
  })
  .extend({ shifts: z.number(), createdAt: z.string() });
export type ScheduleSummaryView = z.infer<typeof scheduleSummaryView>;

export const myScheduleView = z.object({ weekStart: z.string(), shifts: z.array(shiftView) });

export function toShiftView(week: PlanningWeek, row: Selectable<WfmScheduledShiftsTable>): ShiftView {
  return {
    id: row.id,
    scheduleId: row.schedule_id,
    agentId: row.agent_id,
    templateId: row.template_id,
    day: row.day,
    start: row.start_minute,
    end: row.end_minute,
    startsAt: instant(week, row.start_minute).toISOString(),
    endsAt: instant(week, row.end_minute).toISOString(),
    activities: row.activities.map((a) => ({
      kind: a.kind as ScheduledActivity["kind"],
      start: a.start,
      end: a.end,
      startsAt: instant(week, a.start).toISOString(),
      endsAt: instant(week, a.end).toISOString(),
    })),
  };
}
