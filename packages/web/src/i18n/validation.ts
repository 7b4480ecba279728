import type { TFunction } from "i18next";
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/**
 * Translates a zod issue from the shared API contracts into the user's language. The contracts carry English
 * messages for the API; schema-level messages win over any per-parse error map in zod 4, so the form maps
 * the issue's code and limits (which are language-neutral) to i18n keys instead of reusing the message.
 */
export function issueText(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1
          ? t("validation.required")
          : t("validation.tooShort", { min: Number(issue.minimum) });
      }
      if (issue.origin === "array") return t("validation.chooseAtLeast", { min: Number(issue.minimum) });
      if (issue.origin === "number") return t("validation.atLeast", { min: Number(issue.minimum) });
      return t("validation.invalid");
    case "too_big":
      if (issue.origin === "string") return t("validation.tooLong", { max: Number(issue.maximum) });
      if (issue.origin === "array") return t("validation.tooMany", { max: Number(issue.maximum) });
      if (issue.origin === "number") return t("validation.atMost", { max: Number(issue.maximum) });
      return t("validation.invalid");
    case "invalid_format":
      if (issue.format === "email") return t("validation.email");
      if (issue.format === "date") return t("validation.date");
      return t("validation.invalid");
    case "invalid_value":
      return t("validation.choose");
    case "invalid_type":
      return issue.input === undefined ? t("validation.required") : t("validation.invalid");
    default:
      return t("validation.invalid");
  }
}

/** Field name → translated message, for the first issue on each top-level field. */
export function fieldErrors(error: z.ZodError, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issueText(issue, t);
  }
  return errors;
}

/** Dotted path ("settings.serviceLevel.targetPercent") → translated message, for nested forms. */
export function pathErrors(
  error: z.ZodError,
  t: TFunction,
  adjust: (issue: Issue) => Issue = (issue) => issue,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_form";
    errors[path] ??= issueText(adjust(issue), t);
  }
  return errors;
}
