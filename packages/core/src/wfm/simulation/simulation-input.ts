import { z } from "zod";
import { CHANNELS } from "../../routing/types.js";

/**
 * What a simulation run needs, validated at the boundary. Times in the input are minutes (day, shifts,
 * breaks) or seconds (handle, wrap-up, patience, answer delay, service-level threshold), as planners speak.
 */
const seconds = (what: string) =>
  z.number().min(0, `${what} cannot be negative.`).max(86_400, `${what} is at most a day (86400 s).`);
const positiveSeconds = (what: string) =>
  z.number().positive(`${what} must be above zero.`).max(86_400, `${what} is at most a day (86400 s).`);
const minute = z.number().min(0, "Minutes cannot be negative.").max(1_440, "A day has 1440 minutes.");

export const simulatedDuration = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed"), seconds: seconds("A fixed duration") }),
  z.object({ kind: z.literal("exponential"), meanSeconds: positiveSeconds("The mean") }),
  z.object({
    kind: z.literal("lognormal"),
    meanSeconds: positiveSeconds("The mean"),
    sdSeconds: positiveSeconds("The standard deviation"),
  }),
]);
export type SimulatedDuration = z.infer<typeof simulatedDuration>;

const arrivals = z.discriminatedUnion("kind", [
  /** Poisson arrivals: the mean count per interval, one entry per interval of the day. */
  z.object({
    kind: z.literal("poisson"),
    perInterval: z.array(z.number().min(0, "Arrival means cannot be negative.").max(100_000)).max(1_440),
  }),
  /** Arrival times replayed from history, in seconds from the start of the day. */
  z.object({
    kind: z.literal("replay"),
    atSeconds: z.array(z.number().min(0, "Arrival times cannot be negative.")).max(200_000),
  }),
]);

const patience = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("exponential"), meanSeconds: positiveSeconds("The mean patience") }),
]);

const id = z.string().min(1, "Ids cannot be empty.").max(64);
/** Agents of a group are named `<group id>#<n>`, so a group id may not contain `#`. */
const groupId = id.regex(/^[^#]+$/, "Agent group ids cannot contain #.");
const skillLevel = z.number().int().min(1, "Skill levels run 1–10.").max(10, "Skill levels run 1–10.");

export const simulatedQueue = z.object({
  id,
  channel: z.enum(CHANNELS).default("voice"),
  skills: z
    .array(z.object({ skill: id, minLevel: skillLevel }))
    .max(20)
    .default([]),
  language: z.string().min(1).max(16).optional(),
  policy: z.enum(["longest_idle", "most_skilled", "least_occupied", "round_robin"]).default("longest_idle"),
  priority: z.number().int().min(-100).max(100).default(0),
  arrivals,
  handleTime: simulatedDuration,
  wrapUp: simulatedDuration.default({ kind: "fixed", seconds: 0 }),
  patience: patience.default({ kind: "none" }),
  /** Ringing time before the engine takes an unanswered offer back (RONA); the engine default is 20 s. */
  offerTimeoutSeconds: positiveSeconds("The offer timeout").optional(),
  /** Longest wait before the engine times the contact out of the queue. */
  maxWaitSeconds: positiveSeconds("The maximum wait").optional(),
});
export type SimulatedQueue = z.infer<typeof simulatedQueue>;

const capacity = z
  .object({
    max: z.partialRecord(z.enum(CHANNELS), z.number().int().min(0).max(20)),
    exclusive: z.array(z.enum(CHANNELS)).default(["voice"]),
  })
  .refine(
    (c) => Object.values(c.max).some((n) => (n ?? 0) > 0),
    "An agent must be able to take some channel.",
  );

/** A group of identical agents (`count` of them), so "add five agents" is one number. */
export const simulatedAgentGroup = z.object({
  id: groupId,
  count: z.number().int().min(1).max(5_000).default(1),
  skills: z.record(id, skillLevel).default({}),
  languages: z.array(z.string().min(1).max(16)).max(20).default([]),
  capacity: capacity.default({ max: { voice: 1 }, exclusive: ["voice"] }),
  shift: z
    .object({ startMinute: minute, endMinute: minute })
    .refine((s) => s.endMinute > s.startMinute, "A shift must end after it starts.")
    .optional(),
  /** A break begins when the agent is free of work at or after `startMinute`, and lasts its full length. */
  breaks: z
    .array(z.object({ startMinute: minute, durationMinutes: z.number().positive().max(600) }))
    .max(10)
    .default([]),
  /** Seconds between an offer and its acceptance; at or beyond the queue's offer timeout it rings out. */
  answerDelaySeconds: seconds("The answer delay").default(0),
});
export type SimulatedAgentGroup = z.infer<typeof simulatedAgentGroup>;

export const simulationInput = z
  .object({
    seed: z.number().int().min(0).max(4_294_967_295).default(1),
    replications: z.number().int().min(1).max(10_000).default(30),
    day: z.object({
      lengthMinutes: z.number().positive().max(1_440, "A day has 1440 minutes."),
      intervalMinutes: z.number().positive().max(1_440),
    }),
    /** Service level counts contacts answered within this many seconds. */
    serviceLevelSeconds: seconds("The service-level threshold").default(20),
    /** Abandons quicker than this are left out of the service-level denominator. */
    shortAbandonSeconds: seconds("The short-abandon threshold").default(0),
    routing: z
      .object({ policy: z.enum(["longest_idle", "most_skilled", "least_occupied", "round_robin"]) })
      .optional(),
    queues: z.array(simulatedQueue).min(1, "Simulate at least one queue.").max(50),
    agents: z.array(simulatedAgentGroup).min(1, "Simulate at least one agent group.").max(500),
  })
  .superRefine((input, ctx) => {
    const intervals = simulationIntervalCount(input.day.lengthMinutes, input.day.intervalMinutes);
    input.queues.forEach((queue, q) => {
      if (queue.arrivals.kind === "poisson" && queue.arrivals.perInterval.length !== intervals) {
        ctx.addIssue({
          code: "custom",
          path: ["queues", q, "arrivals", "perInterval"],
          message: `Give one arrival mean per interval: the day has ${intervals}, this list has ${queue.arrivals.perInterval.length}.`,
        });
      }
    });
    input.agents.forEach((group, g) => {
      if (group.shift !== undefined && group.shift.startMinute >= input.day.lengthMinutes) {
        ctx.addIssue({
          code: "custom",
          path: ["agents", g, "shift", "startMinute"],
          message: `The shift starts after the ${input.day.lengthMinutes}-minute day.`,
        });
      }
    });
    const unique = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((value, n) => {
        if (seen.has(value))
          ctx.addIssue({ code: "custom", path: [path, n, "id"], message: `Duplicate id ${value}.` });
        seen.add(value);
      });
    };
    unique(
      input.queues.map((q) => q.id),
      "queues",
    );
    unique(
      input.agents.map((a) => a.id),
      "agents",
    );
  });
export type SimulationInput = z.infer<typeof simulationInput>;
/** The input before defaults are filled in: what a caller writes. */
export type SimulationRequest = z.input<typeof simulationInput>;

export function simulationIntervalCount(lengthMinutes: number, intervalMinutes: number): number {
  return Math.ceil(lengthMinutes / intervalMinutes - 1e-9);
}
