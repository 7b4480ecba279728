import { z } from "zod";
import { CHANNELS } from "../routing/types.js";

/**
 * The routing API's request and response shapes, shared like the people contracts: the API validates with
 * them and the admin forms check the same rules. The engine's own types stay in ../routing.
 */
const channel = z.enum(CHANNELS);
const level = z.number().int().min(1, "Skill levels run 1–10.").max(10, "Skill levels run 1–10.");
const ms = (what: string) =>
  z
    .number()
    .int()
    .min(0, `${what} cannot be negative.`)
    .max(7 * 24 * 3_600_000);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Times are HH:MM, e.g. 08:00.");

export const skillRequirement = z.object({ skill: z.uuid("Name a skill by its id."), minLevel: level });

const overflowAction = z.discriminatedUnion("type", [
  z.object({ type: z.literal("queue"), queueId: z.uuid() }),
  z.object({ type: z.literal("callback"), queueId: z.uuid().optional() }),
  z.object({ type: z.literal("close"), message: z.string().min(1).max(500) }),
]);

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "Use an IANA time zone such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura.");

export const queueSettings = z.object({
  channels: z.array(channel).min(1, "A queue accepts at least one channel."),
  skills: z.array(skillRequirement).max(20).default([]),
  priority: z.number().int().min(-100).max(100).default(0),
  teamIds: z.array(z.uuid()).max(100).default([]),
  policy: z.enum(["longest_idle", "most_skilled", "least_occupied", "round_robin"]).default("longest_idle"),
  serviceLevel: z
    .object({ targetPercent: z.number().min(1).max(100), thresholdMs: ms("The service-level threshold") })
    .default({ targetPercent: 80, thresholdMs: 20_000 }),
  maxWaitMs: ms("Maximum wait").optional(),
  maxSize: z.number().int().min(1).max(1_000_000).optional(),
  overflow: overflowAction.optional(),
  closedAction: overflowAction.optional(),
  relaxation: z
    .array(
      z.object({
        afterMs: ms("A relaxation step's delay"),
        maxRequiredLevel: level.optional(),
        anyAgent: z.boolean().optional(),
      }),
    )
    .max(10)
    .default([]),
  calendar: z
    .object({
      timeZone,
      weekly: z.partialRecord(
        z.enum(["0", "1", "2", "3", "4", "5", "6"]),
        z.array(z.tuple([hhmm, hhmm])).max(6),
      ),
      holidays: z.array(z.iso.date()).max(400).default([]),
    })
    .optional(),
  offerTimeoutMs: ms("The offer timeout").optional(),
  wrapUpLimitMs: ms("The wrap-up limit").optional(),
  affinityTimeoutMs: ms("The affinity timeout").optional(),
  rejectCooldownMs: ms("The reject cool-down").optional(),
});
export type QueueSettings = z.infer<typeof queueSettings>;

export const queueBody = z.object({ name: z.string().trim().min(1).max(80), settings: queueSettings });
export const queueView = z.object({
  id: z.uuid(),
  name: z.string(),
  settings: queueSettings,
  updatedAt: z.string(),
});
export type QueueView = z.infer<typeof queueView>;

export const skillBody = z.object({ name: z.string().trim().min(1, "A skill needs a name.").max(60) });
export const skillView = z.object({ id: z.uuid(), name: z.string() });

export const capacityProfile = z.object({
  max: z.partialRecord(channel, z.number().int().min(0).max(50)),
  maxTotal: z.number().int().min(1).max(50).optional(),
  exclusive: z.array(channel).default([]),
});

export const agentProfileBody = z.object({
  skills: z.record(z.uuid(), level).default({}),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/, "Languages are ISO codes such as id or en."))
    .default(["id"]),
  capacity: capacityProfile.default({
    max: { voice: 1, chat: 3, email: 5, message: 3 },
    exclusive: ["voice"],
  }),
});
export type AgentProfileBody = z.infer<typeof agentProfileBody>;
export const agentProfileView = agentProfileBody.extend({ userId: z.uuid(), teamIds: z.array(z.uuid()) });

export const agentStateBody = z.discriminatedUnion("state", [
  z.object({ state: z.literal("available") }),
  z.object({ state: z.literal("offline") }),
  z.object({ state: z.literal("not_ready"), reason: z.string().min(1).max(40) }),
]);
export type AgentStateBody = z.infer<typeof agentStateBody>;

export const newInteractionBody = z.object({
  channel,
  queueId: z.uuid(),
  direction: z.enum(["inbound", "outbound"]).default("inbound"),
  customerId: z.string().max(100).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  skills: z.array(skillRequirement).max(20).optional(),
  priority: z.number().int().min(-100).max(100).optional(),
  preferredAgentId: z.uuid().optional(),
  subject: z.string().max(300).optional(),
});
export type NewInteractionBody = z.infer<typeof newInteractionBody>;

export const transferBody = z.union([
  z.object({ queueId: z.uuid(), agentId: z.undefined().optional() }),
  z.object({ agentId: z.uuid(), queueId: z.uuid().optional() }),
]);

export const wrapUpBody = z.object({
  disposition: z.string().min(1).max(60).optional(),
  notes: z.string().max(4000).optional(),
});

export const REASON_CODE = /^[a-z][a-z0-9_]{0,39}$/;
export const DISPOSITION_CODE = /^[a-z][a-z0-9_]{0,59}$/;

export const routingSettings = z.object({
  notReadyReasons: z.array(z.string().regex(REASON_CODE, "Codes are lowercase, e.g. lunch.")).min(1).max(50),
  dispositions: z
    .array(z.string().regex(DISPOSITION_CODE, "Codes are lowercase, e.g. resolved."))
    .min(1)
    .max(200),
});
export type RoutingSettings = z.infer<typeof routingSettings>;
