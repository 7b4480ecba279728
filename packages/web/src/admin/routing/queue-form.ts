import type { z } from "zod";
import type { Channel, Policy, Queue, QueueAction, QueueSettings, Weekday } from "../../api/routing-types";

/** Indonesia's three zones first; the tenant may run any IANA zone, which is kept as it is. */
export const TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
/** Monday first, as Indonesian and most business calendars show a week; values are JS weekdays. */
export const WEEKDAYS: readonly Weekday[] = ["1", "2", "3", "4", "5", "6", "0"];

export type ActionType = "none" | "queue" | "callback" | "close";

export interface ActionForm {
  type: ActionType;
  queueId: string;
  message: string;
}

export interface DayForm {
  open: boolean;
  from: string;
  to: string;
  /** Further ranges of the day the form does not edit; saved back unchanged. */
  more: [string, string][];
}

/**
 * The queue form's state: durations in seconds (what admins think in), numbers as entered ("" when empty).
 * `toQueueBody` converts to the API's milliseconds; `queueToForm` back.
 */
export interface QueueForm {
  name: string;
  channels: Channel[];
  skills: { key: number; skill: string; minLevel: number | string }[];
  priority: number | string;
  teamIds: string[];
  policy: Policy;
  slTargetPercent: number | string;
  slThresholdSeconds: number | string;
  maxWaitSeconds: number | string;
  maxSize: number | string;
  offerTimeoutSeconds: number | string;
  wrapUpLimitSeconds: number | string;
  relaxation: {
    key: number;
    afterSeconds: number | string;
    maxRequiredLevel: number | string;
    anyAgent: boolean;
  }[];
  overflow: ActionForm;
  closedAction: ActionForm;
  hoursEnabled: boolean;
  timeZone: string;
  days: Record<Weekday, DayForm>;
  holidays: string[];
  /** Settings the form does not show, carried over on save. */
  rest: Pick<QueueSettings, "affinityTimeoutMs" | "rejectCooldownMs">;
}

let lastRowKey = 0;
/** A React key for a new skill or relaxation row (rows have no id of their own). */
export const rowKey = () => ++lastRowKey;

const blank = (value: unknown): boolean => value === "" || value === undefined || value === null;
const num = (value: number | string): number => (typeof value === "number" ? value : Number(value));
/** Seconds as entered → whole milliseconds; NaN stays NaN so validation reports it. */
export const secondsToMs = (value: number | string): number => Math.round(num(value) * 1000);
export const msToSeconds = (ms: number | undefined): number | string => (ms === undefined ? "" : ms / 1000);

function defaultDays(): Record<Weekday, DayForm> {
  const days = {} as Record<Weekday, DayForm>;
  for (const day of WEEKDAYS) {
    const weekend = day === "0" || day === "6";
    days[day] = { open: !weekend, from: "08:00", to: weekend ? "14:00" : "20:00", more: [] };
  }
  return days;
}

const noAction = (): ActionForm => ({ type: "none", queueId: "", message: "" });

function actionToForm(action: QueueAction | undefined): ActionForm {
  if (!action) return noAction();
  if (action.type === "close") return { type: "close", queueId: "", message: action.message };
  return { type: action.type, queueId: action.queueId ?? "", message: "" };
}

function formToAction(action: ActionForm): QueueAction | undefined {
  switch (action.type) {
    case "none":
      return undefined;
    case "queue":
      return { type: "queue", queueId: action.queueId };
    case "callback":
      return action.queueId ? { type: "callback", queueId: action.queueId } : { type: "callback" };
    case "close":
      return { type: "close", message: action.message };
  }
}

export function emptyQueueForm(defaultTimeZone = "Asia/Jakarta"): QueueForm {
  return {
    name: "",
    channels: ["voice"],
    skills: [],
    priority: 0,
    teamIds: [],
    policy: "longest_idle",
    slTargetPercent: 80,
    slThresholdSeconds: 20,
    maxWaitSeconds: "",
    maxSize: "",
    offerTimeoutSeconds: 20,
    wrapUpLimitSeconds: 60,
    relaxation: [],
    overflow: noAction(),
    closedAction: noAction(),
    hoursEnabled: false,
    timeZone: defaultTimeZone,
    days: defaultDays(),
    holidays: [],
    rest: {},
  };
}

export function queueToForm(queue: Queue, defaultTimeZone = "Asia/Jakarta"): QueueForm {
  const s = queue.settings;
  const form = emptyQueueForm(defaultTimeZone);
  const days = defaultDays();
  if (s.calendar) {
    for (const day of WEEKDAYS) {
      const [first, ...more] = s.calendar.weekly[day] ?? [];
      days[day] = first
        ? { open: true, from: first[0], to: first[1], more }
        : { ...days[day], open: false, more: [] };
    }
  }
  return {
    ...form,
    name: queue.name,
    channels: [...s.channels],
    skills: (s.skills ?? []).map((r) => ({ key: rowKey(), ...r })),
    priority: s.priority ?? 0,
    teamIds: [...(s.teamIds ?? [])],
    policy: s.policy ?? "longest_idle",
    slTargetPercent: s.serviceLevel.targetPercent,
    slThresholdSeconds: msToSeconds(s.serviceLevel.thresholdMs),
    maxWaitSeconds: msToSeconds(s.maxWaitMs),
    maxSize: s.maxSize ?? "",
    offerTimeoutSeconds: msToSeconds(s.offerTimeoutMs),
    wrapUpLimitSeconds: msToSeconds(s.wrapUpLimitMs),
    relaxation: (s.relaxation ?? []).map((step) => ({
      key: rowKey(),
      afterSeconds: step.afterMs / 1000,
      maxRequiredLevel: step.maxRequiredLevel ?? "",
      anyAgent: step.anyAgent ?? false,
    })),
    overflow: actionToForm(s.overflow),
    closedAction: actionToForm(s.closedAction),
    hoursEnabled: s.calendar !== undefined,
    timeZone: s.calendar?.timeZone ?? defaultTimeZone,
    days,
    holidays: [...(s.calendar?.holidays ?? [])],
    rest: {
      ...(s.affinityTimeoutMs !== undefined ? { affinityTimeoutMs: s.affinityTimeoutMs } : {}),
      ...(s.rejectCooldownMs !== undefined ? { rejectCooldownMs: s.rejectCooldownMs } : {}),
    },
  };
}

/** The API body for the form, seconds converted to milliseconds; optional fields left empty are omitted. */
export function toQueueBody(form: QueueForm): { name: string; settings: QueueSettings } {
  const optionalMs = (value: number | string) => (blank(value) ? undefined : secondsToMs(value));
  const settings: QueueSettings = {
    channels: form.channels,
    skills: form.skills.map((r) => ({ skill: r.skill, minLevel: num(r.minLevel) })),
    priority: blank(form.priority) ? 0 : num(form.priority),
    teamIds: form.teamIds,
    policy: form.policy,
    serviceLevel: {
      targetPercent: num(form.slTargetPercent),
      thresholdMs: secondsToMs(form.slThresholdSeconds),
    },
    relaxation: form.relaxation.map((step) => ({
      afterMs: secondsToMs(step.afterSeconds),
      ...(blank(step.maxRequiredLevel) ? {} : { maxRequiredLevel: num(step.maxRequiredLevel) }),
      ...(step.anyAgent ? { anyAgent: true } : {}),
    })),
    ...form.rest,
  };
  const set = <K extends keyof QueueSettings>(key: K, value: QueueSettings[K] | undefined) => {
    if (value !== undefined) settings[key] = value;
  };
  set("maxWaitMs", optionalMs(form.maxWaitSeconds));
  set("maxSize", blank(form.maxSize) ? undefined : num(form.maxSize));
  set("offerTimeoutMs", optionalMs(form.offerTimeoutSeconds));
  set("wrapUpLimitMs", optionalMs(form.wrapUpLimitSeconds));
  set("overflow", formToAction(form.overflow));
  set("closedAction", formToAction(form.closedAction));
  if (form.hoursEnabled) {
    const weekly: NonNullable<QueueSettings["calendar"]>["weekly"] = {};
    for (const day of WEEKDAYS) {
      const d = form.days[day];
      if (d.open) weekly[day] = [[d.from, d.to], ...d.more];
    }
    settings.calendar = { timeZone: form.timeZone, weekly, holidays: form.holidays };
  }
  return { name: form.name, settings };
}

type Issue = z.core.$ZodIssue;

/** Limits on millisecond fields are shown in seconds, as the admin entered them. */
export function inSeconds(issue: Issue): Issue {
  const last = String(issue.path.at(-1) ?? "");
  if (!/Ms$/.test(last)) return issue;
  if (issue.code === "too_small") return { ...issue, minimum: Number(issue.minimum) / 1000 };
  if (issue.code === "too_big") return { ...issue, maximum: Number(issue.maximum) / 1000 };
  return issue;
}

/** Which form field shows an API path's error, so it lands next to the input that caused it. */
const FIELD_OF_PATH: [RegExp, string][] = [
  [/^settings\.serviceLevel\.targetPercent.*$/, "slTargetPercent"],
  [/^settings\.serviceLevel\.thresholdMs.*$/, "slThresholdSeconds"],
  [/^settings\.maxWaitMs.*$/, "maxWaitSeconds"],
  [/^settings\.offerTimeoutMs.*$/, "offerTimeoutSeconds"],
  [/^settings\.wrapUpLimitMs.*$/, "wrapUpLimitSeconds"],
  [/^settings\.relaxation\.(\d+)\.afterMs.*$/, "relaxation.$1.afterSeconds"],
  [/^settings\.relaxation\.(\d+)\.(\w+).*$/, "relaxation.$1.$2"],
  [/^settings\.skills\.(\d+)\.(\w+).*$/, "skills.$1.$2"],
  [/^settings\.calendar\.weekly\.(\d).*$/, "days.$1"],
  [/^settings\.calendar\.holidays.*$/, "holidays"],
  [/^settings\.(overflow|closedAction)\.(\w+).*$/, "$1.$2"],
  [/^settings\.(\w+).*$/, "$1"],
];

/** API-path errors (from `pathErrors`) keyed by the form field that shows them; the first one per field wins. */
export function formErrors(apiErrors: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(apiErrors)) {
    const rule = FIELD_OF_PATH.find(([pattern]) => pattern.test(path));
    const field = rule ? path.replace(rule[0], rule[1]) : path;
    errors[field] ??= message;
  }
  return errors;
}
