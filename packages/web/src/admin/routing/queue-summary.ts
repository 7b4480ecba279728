import type { TFunction } from "i18next";
import type { QueueCalendar } from "../../api/routing-types";
import { WEEKDAYS } from "./queue-form";

/** "Mon–Fri 08:00–20:00 · Sat 08:00–14:00 (WIB)": consecutive days with the same hours are grouped. */
export function hoursSummary(t: TFunction, calendar: QueueCalendar | undefined): string {
  if (!calendar) return t("queues.alwaysOpenShort");
  const groups: { first: string; last: string; hours: string }[] = [];
  for (const day of WEEKDAYS) {
    const ranges = calendar.weekly[day];
    if (!ranges?.length) continue;
    const hours = ranges.map(([from, to]) => `${from}–${to}`).join(", ");
    const previous = groups.at(-1);
    const adjacent = previous && WEEKDAYS.indexOf(day) === WEEKDAYS.indexOf(previous.last as never) + 1;
    if (previous && adjacent && previous.hours === hours) previous.last = day;
    else groups.push({ first: day, last: day, hours });
  }
  if (groups.length === 0) return t("queues.closedAlways");
  const short = (day: string) => t(`queues.weekdaysShort.${day}`);
  const zone = t(`queues.zonesShort.${calendar.timeZone.replace("/", "_")}`, {
    defaultValue: calendar.timeZone,
  });
  const text = groups
    .map((g) => `${g.first === g.last ? short(g.first) : `${short(g.first)}–${short(g.last)}`} ${g.hours}`)
    .join(" · ");
  return `${text} (${zone})`;
}

/** 20 s, 5 min, 4 h: the largest whole unit, as admins think of targets and timers. */
export function durationText(t: TFunction, ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds >= 3600 && seconds % 3600 === 0) return t("queues.units.hours", { n: seconds / 3600 });
  if (seconds >= 120 && seconds % 60 === 0) return t("queues.units.minutes", { n: seconds / 60 });
  return t("queues.units.seconds", { n: seconds });
}
