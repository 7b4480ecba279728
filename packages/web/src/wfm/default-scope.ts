import { addDays, mondayOf } from "./time";
import type { Scope } from "./WfmScope";

/** Next week, voice, 30-minute intervals: what a planner usually prepares first. */
export function defaultScope(today: string = new Date().toISOString().slice(0, 10)): Scope {
  const monday = addDays(mondayOf(today), 7);
  return { queueId: null, channel: "voice", intervalMinutes: 30, from: monday, to: addDays(monday, 6) };
}
