import { z } from "zod";
import { queueSettings } from "../contracts/routing.js";
import type { BusinessCalendar } from "../routing/types.js";
import { CASE_PRIORITIES, CASE_STATUSES, CASE_TYPES, ESCALATION_TIERS } from "./case-lifecycle.js";
import { FOLLOW_UP_CHANNELS } from "./follow-up.js";
import type { SlaPolicy } from "./sla.js";

/**
 * The cases API's request shapes, shared by the server (validation) and the web app (forms). Categories are
 * tenant vocabulary: lowercase codes such as `card_blocked`, free for each tenant to extend.
 */
export const CASE_CATEGORY = /^[a-z][a-z0-9_]{0,59}$/;
const category = z.string().regex(CASE_CATEGORY, "Categories are lowercase codes, e.g. card_blocked.");

export const newCaseBody = z.object({
  customerId: z.uuid("Name the customer by their id."),
  interactionId: z.uuid("Interaction ids are UUIDs.").optional(),
  type: z.enum(CASE_TYPES),
  category: category.optional(),
  subject: z.string().trim().min(1, "A case needs a subject.").max(300),
  description: z.string().max(10_000).default(""),
  priority: z.enum(CASE_PRIORITIES).default("normal"),
  ownerUserId: z.uuid().optional(),
  ownerTeamId: z.uuid().optional(),
});
export type NewCaseBody = z.infer<typeof newCaseBody>;

export const casePatchBody = z
  .object({
    subject: z.string().trim().min(1).max(300),
    description: z.string().max(10_000),
    category: category.nullable(),
    priority: z.enum(CASE_PRIORITIES),
    ownerUserId: z.uuid().nullable(),
    ownerTeamId: z.uuid().nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "Send at least one field to change.");
export type CasePatchBody = z.infer<typeof casePatchBody>;

export const caseStatusBody = z.object({
  status: z.enum(CASE_STATUSES),
  /** Why, shown in the timeline (e.g. "waiting for the police report"). */
  comment: z.string().trim().max(2_000).optional(),
});
export type CaseStatusBody = z.infer<typeof caseStatusBody>;

export const caseNoteBody = z.object({ body: z.string().trim().min(1, "A note needs text.").max(10_000) });
export type CaseNoteBody = z.infer<typeof caseNoteBody>;

export const escalateBody = z.object({
  reason: z.string().trim().min(1, "Say why the case is escalated.").max(1_000),
  /** Default: one tier above the current one. */
  toTier: z.enum(ESCALATION_TIERS).optional(),
  /** The back-office team that takes the case; default from the SLA policy. */
  teamId: z.uuid().optional(),
});
export type EscalateBody = z.infer<typeof escalateBody>;

export const linkInteractionBody = z.object({ interactionId: z.uuid("Interaction ids are UUIDs.") });

export const followUpBody = z.object({
  reason: z.string().trim().min(1, "Say why the customer is contacted.").max(500),
  channel: z.enum(FOLLOW_UP_CHANNELS).default("callback"),
  dueAt: z.iso.datetime({ offset: true }).optional(),
  /** The queue that routes the follow-up; default from the case's SLA policy. */
  queueId: z.uuid().optional(),
});
export type FollowUpBody = z.infer<typeof followUpBody>;

export const caseFilters = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  type: z.enum(CASE_TYPES).optional(),
  ownerUserId: z.uuid().optional(),
  ownerTeamId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  tier: z.enum(ESCALATION_TIERS).optional(),
  /** Only active cases past their resolution due time. */
  overdue: z.enum(["true", "false"]).optional(),
});
export type CaseFilters = z.infer<typeof caseFilters>;

const minutes = (what: string) =>
  z
    .number()
    .int(`${what} is whole minutes.`)
    .min(1, `${what} is at least one minute.`)
    .max(60 * 24 * 365, `${what} is at most a year.`);

export const escalationRuleBody = z.object({
  on: z.enum(["first_response", "resolution"]).default("resolution"),
  atPercent: z.number().int().min(1).max(1_000),
  toTier: z.enum(["supervisor", "back_office"]),
});

const calendarSchema = queueSettings.shape.calendar;

export const slaPolicyBody = z
  .object({
    name: z.string().trim().min(1).max(80),
    caseType: z.enum(CASE_TYPES).nullable().default(null),
    priority: z.enum(CASE_PRIORITIES).nullable().default(null),
    firstResponseMinutes: minutes("The first-response target"),
    resolutionMinutes: minutes("The resolution target"),
    followUpMinutes: minutes("The follow-up target").default(240),
    calendar: calendarSchema.nullable().default(null),
    queueId: z.uuid().nullable().default(null),
    backOfficeTeamId: z.uuid().nullable().default(null),
    escalations: z
      .array(escalationRuleBody)
      .max(10)
      .default([
        { on: "resolution", atPercent: 80, toTier: "supervisor" },
        { on: "resolution", atPercent: 100, toTier: "back_office" },
      ]),
  })
  .refine((p) => p.resolutionMinutes >= p.firstResponseMinutes, {
    message: "The resolution target cannot be shorter than the first-response target.",
    path: ["resolutionMinutes"],
  });
export type SlaPolicyBody = z.infer<typeof slaPolicyBody>;

const MINUTE = 60_000;

/** The engine's view of a stored policy. */
export function toSlaPolicy(body: SlaPolicyBody): SlaPolicy & { followUpMs: number } {
  return {
    caseType: body.caseType ?? undefined,
    priority: body.priority ?? undefined,
    firstResponseMs: body.firstResponseMinutes * MINUTE,
    resolutionMs: body.resolutionMinutes * MINUTE,
    followUpMs: body.followUpMinutes * MINUTE,
    calendar: (body.calendar ?? undefined) as BusinessCalendar | undefined,
    escalations: body.escalations,
  };
}
