import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  CASE_TYPES,
  ESCALATION_TIERS,
  FOLLOW_UP_CHANNELS,
  type SlaPolicyBody,
  slaPolicyBody,
} from "@sentra/core";
import { z } from "zod";
import type { CaseRow, SlaPolicyRow } from "../db/schema.js";

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export const caseView = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  originInteractionId: z.uuid().nullable(),
  type: z.enum(CASE_TYPES),
  category: z.string().nullable(),
  subject: z.string(),
  description: z.string(),
  priority: z.enum(CASE_PRIORITIES),
  status: z.enum(CASE_STATUSES),
  tier: z.enum(ESCALATION_TIERS),
  ownerUserId: z.uuid().nullable(),
  ownerTeamId: z.uuid().nullable(),
  slaPolicyId: z.uuid().nullable(),
  sla: z.object({
    firstResponseDueAt: z.string().nullable(),
    firstRespondedAt: z.string().nullable(),
    /** Null while the clock is paused (pending_customer) or without a policy. */
    resolutionDueAt: z.string().nullable(),
    paused: z.boolean(),
    pausedBusinessMinutes: z.number(),
    nextEscalationAt: z.string().nullable(),
    overdue: z.boolean(),
  }),
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type CaseView = z.infer<typeof caseView>;

export function toCaseView(row: CaseRow, now: number): CaseView {
  const active = row.status !== "resolved" && row.status !== "closed";
  return {
    id: row.id,
    customerId: row.customer_id,
    originInteractionId: row.origin_interaction_id,
    type: row.type as CaseView["type"],
    category: row.category,
    subject: row.subject,
    description: row.description,
    priority: row.priority as CaseView["priority"],
    status: row.status as CaseView["status"],
    tier: row.tier as CaseView["tier"],
    ownerUserId: row.owner_user_id,
    ownerTeamId: row.owner_team_id,
    slaPolicyId: row.sla_policy_id,
    sla: {
      firstResponseDueAt: iso(row.first_response_due_at),
      firstRespondedAt: iso(row.first_responded_at),
      resolutionDueAt: iso(row.resolution_due_at),
      paused: row.paused_since !== null,
      pausedBusinessMinutes: Math.round(Number(row.paused_business_ms) / 60_000),
      nextEscalationAt: iso(row.next_escalation_at),
      overdue: active && row.resolution_due_at !== null && row.resolution_due_at.getTime() < now,
    },
    openedAt: row.opened_at.toISOString(),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const caseEventView = z.object({
  seq: z.number(),
  type: z.string(),
  at: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable() }),
  data: z.record(z.string(), z.unknown()),
});
export type CaseEventView = z.infer<typeof caseEventView>;

export const followUpView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  channel: z.enum(FOLLOW_UP_CHANNELS),
  reason: z.string(),
  dueAt: z.string(),
  queueId: z.uuid().nullable(),
  interactionId: z.uuid().nullable(),
  status: z.string(),
});
export type FollowUpView = z.infer<typeof followUpView>;

export const slaPolicyView = z.object({
  id: z.uuid(),
  ...slaPolicyBody.shape,
  updatedAt: z.string(),
});
export type SlaPolicyView = SlaPolicyBody & { id: string; updatedAt: string };

export function toSlaPolicyView(
  row: SlaPolicyRow,
  rules: { trigger: string; at_percent: number; to_tier: string }[],
): SlaPolicyView {
  return {
    id: row.id,
    name: row.name,
    caseType: row.case_type as SlaPolicyView["caseType"],
    priority: row.priority as SlaPolicyView["priority"],
    firstResponseMinutes: row.first_response_minutes,
    resolutionMinutes: row.resolution_minutes,
    followUpMinutes: row.follow_up_minutes,
    calendar: row.calendar as SlaPolicyView["calendar"],
    queueId: row.queue_id,
    backOfficeTeamId: row.back_office_team_id,
    escalations: rules.map((r) => ({
      on: r.trigger as "first_response" | "resolution",
      atPercent: r.at_percent,
      toTier: r.to_tier as "supervisor" | "back_office",
    })),
    updatedAt: row.updated_at.toISOString(),
  };
}
