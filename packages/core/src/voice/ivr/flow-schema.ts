import { z } from "zod";
import { skillRequirement } from "../../contracts/routing.js";

/**
 * An IVR flow as validated JSON: named nodes and an entry node. The schema checks each node's own shape;
 * `validateFlow` (flow-validation.ts) checks the graph (targets exist, nothing loops without waiting).
 */
export const IVR_LANGUAGES = ["id", "en"] as const;
export type IvrLanguage = (typeof IVR_LANGUAGES)[number];
export const ivrLanguage = z.enum(IVR_LANGUAGES);

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const nodeId = z.string().regex(NAME, "Node ids start with a letter: letters, digits, - and _.");
export const variableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "Variable names are letters, digits and _.");

const promptId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, "Prompt ids are letters, digits, '.', '-' and '_'.");

/**
 * What to play: a prompt id (the same id recorded in every language, chosen by the call's language), a map
 * of language → prompt id, or the digits held in a variable, read out one by one (a number to confirm).
 */
export const promptRef = z.union([
  promptId,
  z
    .object({ id: promptId.optional(), en: promptId.optional() })
    .strict()
    .refine((p) => p.id !== undefined || p.en !== undefined, "Name a prompt for at least one language."),
  z.object({ sayDigits: variableName }).strict(),
]);
export type PromptRef = z.infer<typeof promptRef>;
const prompts = z.array(promptRef).max(20);

const timeoutMs = z.number().int().min(500, "Wait at least 500 ms.").max(120_000, "Wait at most 2 minutes.");
const retries = z.number().int().min(0).max(9);
const DTMF_KEYS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#"] as const;
export const dtmfDigit = z.enum(DTMF_KEYS);
export type DtmfDigit = z.infer<typeof dtmfDigit>;

const validRegex = (source: string): boolean => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};

const playNode = z.object({ type: z.literal("play"), prompts: prompts.min(1), next: nodeId }).strict();

const menuNode = z
  .object({
    type: z.literal("menu"),
    prompts: prompts.min(1),
    choices: z.partialRecord(dtmfDigit, nodeId).refine((c) => Object.keys(c).length > 0, "Offer a choice."),
    timeoutMs: timeoutMs.default(5_000),
    maxRetries: retries.default(2),
    invalidPrompts: prompts.default([]),
    timeoutPrompts: prompts.default([]),
    fallback: nodeId,
  })
  .strict();

const collectNode = z
  .object({
    type: z.literal("collect"),
    prompts: prompts.min(1),
    variable: variableName,
    minLength: z.number().int().min(1).max(32).default(1),
    maxLength: z.number().int().min(1).max(32),
    terminator: z.enum(["#", "*"]).nullable().default("#"),
    timeoutMs: timeoutMs.default(5_000),
    /** `ddmmyyyy` also checks that the digits form a real calendar date (a birth date). */
    format: z.enum(["digits", "ddmmyyyy"]).default("digits"),
    pattern: z.string().max(200).refine(validRegex, "Not a valid regular expression.").optional(),
    maxRetries: retries.default(2),
    invalidPrompts: prompts.default([]),
    timeoutPrompts: prompts.default([]),
    next: nodeId,
    fallback: nodeId,
  })
  .strict()
  .refine((n) => n.minLength <= n.maxLength, {
    message: "minLength cannot exceed maxLength.",
    path: ["minLength"],
  });

const setLanguageNode = z
  .object({ type: z.literal("setLanguage"), language: ivrLanguage, next: nodeId })
  .strict();

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Times are HH:MM, e.g. 08:00.");
const range = z.tuple([hhmm, hhmm]).refine(([from, to]) => from < to, "A range ends after it starts.");
export const WEEKDAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "Use an IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).");

export const ivrBusinessHours = z
  .object({
    timeZone,
    weekly: z.partialRecord(z.enum(WEEKDAY_KEYS), z.array(range).max(6)),
    holidays: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Holidays are local dates YYYY-MM-DD."))
      .max(366)
      .default([]),
  })
  .strict();
export type IvrBusinessHours = z.infer<typeof ivrBusinessHours>;

const businessHoursNode = z
  .object({ type: z.literal("businessHours"), hours: ivrBusinessHours, open: nodeId, closed: nodeId })
  .strict();

const httpLookupNode = z
  .object({
    type: z.literal("httpLookup"),
    /** `{{variable}}` placeholders are replaced by the URL-encoded value (empty when unset). */
    url: z
      .string()
      .max(2_000)
      .regex(/^https?:\/\//, "Lookups use an http:// or https:// URL."),
    method: z.enum(["GET", "POST"]).default("GET"),
    /** For POST: the named variables are sent as a JSON object. */
    sendVariables: z.array(variableName).max(20).default([]),
    timeoutMs: z.number().int().min(100).max(10_000).default(3_000),
    /** variable ← dotted path in the JSON response, e.g. `customer.tier` or `accounts.0.id`. */
    map: z.record(
      variableName,
      z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, "Paths are dotted names, e.g. customer.tier."),
    ),
    next: nodeId,
    onError: nodeId,
  })
  .strict();

export const CONDITION_OPS = [
  "equals",
  "notEquals",
  "exists",
  "missing",
  "matches",
  "lessThan",
  "greaterThan",
] as const;
const conditionRule = z
  .object({
    variable: variableName,
    op: z.enum(CONDITION_OPS),
    value: z.string().max(200).optional(),
    next: nodeId,
  })
  .strict()
  .refine((r) => r.op === "exists" || r.op === "missing" || r.value !== undefined, {
    message: "This comparison needs a value.",
    path: ["value"],
  })
  .refine((r) => r.op !== "matches" || validRegex(r.value ?? ""), {
    message: "Not a valid regular expression.",
    path: ["value"],
  });

const conditionNode = z
  .object({ type: z.literal("condition"), rules: z.array(conditionRule).min(1).max(20), otherwise: nodeId })
  .strict();

const transferNode = z
  .object({
    type: z.literal("transfer"),
    queueId: z.uuid("Name the queue by its id."),
    skills: z.array(skillRequirement).max(20).default([]),
    priority: z.number().int().min(-100).max(100).default(0),
    /** The language the agent should speak; the caller's chosen language when left out. */
    language: ivrLanguage.optional(),
    prompts: prompts.default([]),
  })
  .strict();

const voicemailNode = z
  .object({
    type: z.literal("voicemail"),
    prompts: prompts.default([]),
    maxSeconds: z.number().int().min(5).max(600).default(120),
  })
  .strict();

const callbackNode = z
  .object({
    type: z.literal("callback"),
    queueId: z.uuid("Name the queue by its id."),
    /** "We will call you back on <number>: press 1 to confirm, 2 to enter another number." */
    confirmPrompts: prompts.min(1),
    enterNumberPrompts: prompts.min(1),
    donePrompts: prompts.default([]),
    timeoutMs: timeoutMs.default(6_000),
    maxRetries: retries.default(2),
    fallback: nodeId,
  })
  .strict();

const hangupNode = z
  .object({
    type: z.literal("hangup"),
    prompts: prompts.default([]),
    cause: z.enum(["normal", "closed", "rejected"]).default("normal"),
  })
  .strict();

export const ivrNode = z.discriminatedUnion("type", [
  playNode,
  menuNode,
  collectNode,
  setLanguageNode,
  businessHoursNode,
  httpLookupNode,
  conditionNode,
  transferNode,
  voicemailNode,
  callbackNode,
  hangupNode,
]);
export type IvrNode = z.infer<typeof ivrNode>;
export type IvrNodeType = IvrNode["type"];
export type IvrNodeOf<T extends IvrNodeType> = Extract<IvrNode, { type: T }>;

export const ivrFlow = z
  .object({
    entry: nodeId,
    language: ivrLanguage.default("id"),
    nodes: z
      .record(z.string(), ivrNode)
      .refine((nodes) => Object.keys(nodes).length > 0, "A flow needs at least one node.")
      .refine((nodes) => Object.keys(nodes).length <= 200, "A flow has at most 200 nodes.")
      .refine((nodes) => Object.keys(nodes).every((id) => NAME.test(id)), "Node ids start with a letter."),
  })
  .strict();
export type IvrFlow = z.infer<typeof ivrFlow>;
/** The flow as written in JSON, before defaults are applied. */
export type IvrFlowInput = z.input<typeof ivrFlow>;
