import { z } from "zod";
import { CHANNEL_NAMES, POLICIES } from "../../api/routing-types";

/**
 * The routing API's request schemas, mirrored from packages/server/src/routing/routing-contracts.ts and
 * routing-config-service.ts (the web bundle takes only @sentra/core's roles and people contracts). Keep the
 * limits in step with the server; the server validates again and its answer is shown if they drift.
 */
const channel = z.enum(CHANNEL_NAMES);
const level = z.number().int().min(1).max(10);
const ms = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 3_600_000);
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const hhmm = z.string().regex(HHMM);

const queueAction = z.discriminatedUnion("type", [
  z.object({ type: z.literal("queue"), queueId: z.uuid() }),
  z.object({ type: z.literal("callback"), queueId: z.uuid().optional() }),
  z.object({ type: z.literal("close"), message: z.string().trim().min(1).max(500) }),
]);

export const queueSettingsSchema = z.object({
  channels: z.array(channel).min(1),
  skills: z.array(z.object({ skill: z.uuid(), minLevel: level })).max(20),
  priority: z.number().int().min(-100).max(100),
  teamIds: z.array(z.uuid()).max(100),
  policy: z.enum(POLICIES),
  serviceLevel: z.object({ targetPercent: z.number().min(1).max(100), thresholdMs: ms }),
  maxWaitMs: ms.optional(),
  maxSize: z.number().int().min(1).max(1_000_000).optional(),
  overflow: queueAction.optional(),
  closedAction: queueAction.optional(),
  relaxation: z
    .array(z.object({ afterMs: ms, maxRequiredLevel: level.optional(), anyAgent: z.boolean().optional() }))
    .max(10),
  calendar: z
    .object({
      timeZone: z.string().min(1),
      weekly: z.partialRecord(
        z.enum(["0", "1", "2", "3", "4", "5", "6"]),
        z.array(z.tuple([hhmm, hhmm])).max(6),
      ),
      holidays: z.array(z.iso.date()).max(400),
    })
    .optional(),
  offerTimeoutMs: ms.optional(),
  wrapUpLimitMs: ms.optional(),
  affinityTimeoutMs: ms.optional(),
  rejectCooldownMs: ms.optional(),
});

export const queueBodySchema = z.object({
  name: z.string().trim().min(1).max(80),
  settings: queueSettingsSchema,
});

export const skillBodySchema = z.object({ name: z.string().trim().min(1).max(60) });

export const agentProfileSchema = z.object({
  skills: z.record(z.uuid(), level),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).min(1),
  capacity: z.object({
    max: z.partialRecord(channel, z.number().int().min(0).max(50)),
    maxTotal: z.number().int().min(1).max(50).optional(),
    exclusive: z.array(channel),
  }),
});

export const REASON_CODE = /^[a-z][a-z0-9_]{0,39}$/;
export const DISPOSITION_CODE = /^[a-z][a-z0-9_]{0,59}$/;
