import { addDays, mondayOf } from "./time";
import type { Scope } from "./WfmScope";

/** Next week, every queue and channel, 30-minute intervals: what a planner usually prepares first. */
export function defaultScope(today: string = new Date().toISOString().slice(0, 10)): Scope {
  const monday = addDays(mondayOf(today), 7);
  return { queue: "", channel: null, intervalMinutes: 30, from: monday, to: addDays(monday, 6) };
}
