/**
 * Request contracts for workforce scheduling: shift templates, agent contracts, schedule generation and shift
 * edits. Minutes of day run 0–1439 in the tenant's time zone; weekdays are ISO (1 = Monday … 7 = Sunday);
 * positions inside a schedule are minutes from its week start.
 */
import { z } from "zod";

const minuteOfDay = z.number().int().min(0).max(1439);
const isoWeekday = z.number().int().min(1, "Weekdays run 1 (Monday) to 7 (Sunday).").max(7);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM, e.g. 08:30.");

export const breakRuleBody = z
  .object({
    kind: z.enum(["break", "lunch"]),
    durationMinutes: z.number().int().min(5).max(180),
    earliestOffsetMinutes: z.number().int().min(0).max(1440),
    latestEndOffsetMinutes: z.number().int().min(0).max(1440),
    paid: z.boolean().default(true),
  })
  .refine((b) => b.latestEndOffsetMinutes - b.earliestOffsetMinutes >= b.durationMinutes, {
    message: "The break window must be at least as long as the break.",
  });

export const shiftTemplateBody = z
  .object({
    name: z.string().trim().min(1, "A name is required.").max(120),
    earliestStartMinute: minuteOfDay,
    latestStartMinute: minuteOfDay,
    startStepMinutes: z.number().int().min(5).max(240).default(15),
    lengthMinutes: z.number().int().min(30).max(960),
    weekdays: z.array(isoWeekday).min(1).max(7),
    cost: z.number().min(0).max(1_000_000),
    breaks: z.array(breakRuleBody).max(6).default([]),
  })
  .refine((t) => t.latestStartMinute >= t.earliestStartMinute, {
    message: "latestStartMinute must not be before earliestStartMinute.",
    path: ["latestStartMinute"],
  })
  .refine((t) => t.breaks.every((b) => b.latestEndOffsetMinutes <= t.lengthMinutes), {
    message: "Every break window must end within the shift.",
    path: ["breaks"],
  });
export type ShiftTemplateBody = z.infer<typeof shiftTemplateBody>;

export const availabilityBody = z.object({ weekday: isoWeekday, start: hhmm, end: hhmm });

export const agentContractBody = z.object({
  maxHoursPerWeek: z.number().min(0).max(84),
  minRestHours: z.number().min(0).max(24).default(11),
  minDaysOffPerWeek: z.number().int().min(0).max(7).default(2),
  /** Null: available at any time. */
  availability: z.array(availabilityBody).max(50).nullable().default(null),
  prayerOptIn: z.boolean().default(false),
});
export type AgentContractBody = z.infer<typeof agentContractBody>;

export const INTERVAL_CHOICES = [15, 30, 60] as const;

export const prayerRuleBody = z.object({
  weekday: isoWeekday.default(5),
  windowStart: hhmm.default("11:30"),
  windowEnd: hhmm.default("13:00"),
  durationMinutes: z.number().int().min(5).max(180).default(60),
});

export const generateScheduleBody = z
  .object({
    weekStart: z.iso.date("weekStart must be a date like 2026-11-23."),
    teamId: z.uuid().optional(),
    intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]),
    /** Agents required per interval over the whole week: 7 × 1440 / intervalMinutes values. */
    requirement: z.array(z.number().min(0).max(10_000)),
    templateIds: z.array(z.uuid()).max(100).optional(),
    underStaffPenalty: z.number().min(0).max(1_000_000).default(1_000),
    /** The Friday prayer break for opted-in agents; null turns it off. */
    prayer: prayerRuleBody
      .nullable()
      .default({ weekday: 5, windowStart: "11:30", windowEnd: "13:00", durationMinutes: 60 }),
    timeLimitSeconds: z.number().min(1).max(120).default(20),
  })
  .refine((b) => b.requirement.length === (7 * 1440) / b.intervalMinutes, {
    message:
      "requirement must have one value per interval of the week (672, 336 or 168 values for 15, 30, 60 minutes).",
    path: ["requirement"],
  });
export type GenerateScheduleBody = z.infer<typeof generateScheduleBody>;

/** What a supervisor's drag does: new start and end (minutes from the week start), optionally another agent. */
export const shiftPatchBody = z
  .object({
    start: z
      .number()
      .int()
      .min(0)
      .max(7 * 1440),
    end: z
      .number()
      .int()
      .min(1)
      .max(8 * 1440),
    agentId: z.uuid().optional(),
  })
  .refine((b) => b.end > b.start && b.end - b.start <= 16 * 60, {
    message: "A shift must end after it starts and last at most 16 hours.",
    path: ["end"],
  });
export type ShiftPatchBody = z.infer<typeof shiftPatchBody>;
