import type { ShiftBreakRule, ShiftTemplate } from "../../api/wfm";
import { clockLabel } from "../time";

export type TemplateDraft = Omit<ShiftTemplate, "id"> & { id?: string };

export const NEW_TEMPLATE: TemplateDraft = {
  name: "",
  earliestStartMinute: 7 * 60,
  latestStartMinute: 10 * 60,
  startStepMinutes: 30,
  lengthMinutes: 9 * 60,
  weekdays: [1, 2, 3, 4, 5],
  cost: 9,
  breaks: [
    {
      kind: "break",
      durationMinutes: 15,
      earliestOffsetMinutes: 90,
      latestEndOffsetMinutes: 180,
      paid: true,
    },
    {
      kind: "lunch",
      durationMinutes: 60,
      earliestOffsetMinutes: 180,
      latestEndOffsetMinutes: 360,
      paid: false,
    },
    {
      kind: "break",
      durationMinutes: 15,
      earliestOffsetMinutes: 360,
      latestEndOffsetMinutes: 480,
      paid: true,
    },
  ],
};

/** "08:30" → 510; null for anything that is not a clock time. */
export function parseClock(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 24 * 60 ? minutes : null;
}

export const clockText = clockLabel;

/** The first problem with a template draft as an i18n key, or null when the server should accept it. */
export function templateProblem(draft: TemplateDraft): string | null {
  if (draft.name.trim() === "") return "wfm.templates.problems.name";
  if (draft.latestStartMinute < draft.earliestStartMinute) return "wfm.templates.problems.startOrder";
  if (draft.lengthMinutes < 60 || draft.lengthMinutes > 16 * 60) return "wfm.templates.problems.length";
  if (draft.startStepMinutes < 5) return "wfm.templates.problems.step";
  if (draft.weekdays.length === 0) return "wfm.templates.problems.days";
  const badBreak = (rule: ShiftBreakRule) =>
    rule.durationMinutes <= 0 ||
    rule.earliestOffsetMinutes + rule.durationMinutes > rule.latestEndOffsetMinutes ||
    rule.latestEndOffsetMinutes > draft.lengthMinutes;
  if (draft.breaks.some(badBreak)) return "wfm.templates.problems.break";
  return null;
}

/** How a template reads in the list: "07:00–10:00 start, 9 h, 3 breaks". */
export function templateSummary(template: ShiftTemplate | TemplateDraft) {
  return {
    starts: `${clockLabel(template.earliestStartMinute)}–${clockLabel(template.latestStartMinute)}`,
    hours: Math.round((template.lengthMinutes / 60) * 10) / 10,
    breaks: template.breaks.length,
  };
}
