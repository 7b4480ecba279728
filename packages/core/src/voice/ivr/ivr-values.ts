import type { BusinessCalendar } from "../../routing/types.js";
import {
  type IvrBusinessHours,
  type IvrLanguage,
  type IvrNodeOf,
  type PromptRef,
  WEEKDAY_KEYS,
} from "./flow-schema.js";
import type { PlaybackItem } from "./ivr-types.js";

type Variables = Readonly<Record<string, string>>;

/** Prompts chosen for the language: a per-language map falls back to the other language when one is missing. */
export function resolvePrompts(
  refs: readonly PromptRef[],
  language: IvrLanguage,
  variables: Variables,
): PlaybackItem[] {
  const items: PlaybackItem[] = [];
  for (const ref of refs) {
    if (typeof ref === "string") items.push({ kind: "prompt", id: ref });
    else if ("sayDigits" in ref) {
      const digits = (variables[ref.sayDigits] ?? "").replace(/[^0-9*#]/g, "");
      if (digits.length > 0) items.push({ kind: "digits", digits });
    } else {
      const id = ref[language] ?? ref.id ?? ref.en;
      if (id !== undefined) items.push({ kind: "prompt", id });
    }
  }
  return items;
}

/** `{{name}}` placeholders replaced by the URL-encoded variable (empty when unset). */
export function fillUrlTemplate(template: string, variables: Variables): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) =>
    encodeURIComponent(variables[name] ?? ""),
  );
}

/** The value at a dotted path (`customer.tier`, `accounts.0.id`) as a string; undefined when absent. */
export function readPath(body: unknown, path: string): string | undefined {
  let cursor: unknown = body;
  for (const key of path.split(".")) {
    if (cursor === null || typeof cursor !== "object" || !Object.hasOwn(cursor, key)) return undefined;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  if (typeof cursor === "string") return cursor.slice(0, 500);
  if (typeof cursor === "number" && Number.isFinite(cursor)) return String(cursor);
  if (typeof cursor === "boolean") return String(cursor);
  return undefined;
}

/** The variables a lookup response sets; paths that are missing or not scalar leave their variable unset. */
export function mapLookupResponse(node: IvrNodeOf<"httpLookup">, body: unknown): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [variable, path] of Object.entries(node.map)) {
    const value = readPath(body, path);
    if (value !== undefined) mapped[variable] = value;
  }
  return mapped;
}

const safeRegex = (source: string): RegExp | undefined => {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
};

type Rule = IvrNodeOf<"condition">["rules"][number];

/** Whether a condition rule holds; numeric comparisons are false when either side is not a number. */
export function ruleHolds(rule: Rule, variables: Variables): boolean {
  const actual = variables[rule.variable];
  const expected = rule.value ?? "";
  switch (rule.op) {
    case "exists":
      return actual !== undefined && actual !== "";
    case "missing":
      return actual === undefined || actual === "";
    case "equals":
      return actual === expected;
    case "notEquals":
      return actual !== expected;
    case "matches":
      return actual !== undefined && (safeRegex(expected)?.test(actual) ?? false);
    case "lessThan":
    case "greaterThan": {
      const a = Number(actual);
      const b = Number(expected);
      if (actual === undefined || actual === "" || Number.isNaN(a) || Number.isNaN(b)) return false;
      return rule.op === "lessThan" ? a < b : a > b;
    }
  }
}

/** A real calendar date written DDMMYYYY, years 1900–2100. */
export function isDdMmYyyy(digits: string): boolean {
  if (!/^\d{8}$/.test(digits)) return false;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = Number(digits.slice(4));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** Whether keys entered at a collect node are acceptable. */
export function digitsAccepted(node: IvrNodeOf<"collect">, digits: string): boolean {
  if (digits.length < node.minLength || digits.length > node.maxLength) return false;
  if (node.format === "ddmmyyyy" && !isDdMmYyyy(digits)) return false;
  if (node.pattern !== undefined) return safeRegex(node.pattern)?.test(digits) ?? false;
  return true;
}

/** The flow's weekday names turned into the routing engine's calendar (0 = Sunday). */
export function toBusinessCalendar(hours: IvrBusinessHours): BusinessCalendar {
  const weekly: Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, (readonly [string, string])[]>> = {};
  WEEKDAY_KEYS.forEach((key, day) => {
    const ranges = hours.weekly[key];
    if (ranges) weekly[day as 0 | 1 | 2 | 3 | 4 | 5 | 6] = ranges.map(([from, to]) => [from, to] as const);
  });
  return { timeZone: hours.timeZone, weekly, holidays: hours.holidays };
}

/** A callback number typed by the caller: 6–15 digits (the server normalises it to E.164). */
export const isDiallableNumber = (digits: string): boolean => /^\d{6,15}$/.test(digits);
