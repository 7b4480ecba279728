import type { StaffingInterval } from "../../api/wfm";
import { DAY_MINUTES, MINUTE_MS } from "../time";

/**
 * The schedule generator's requirement from a forecast's staffing: agents needed per interval over the week
 * that starts at `weekStart` (an instant, local midnight), one value per interval (7 × 1440 / interval).
 * Intervals outside the week are left out and the week's intervals without a forecast need nobody.
 */
export function weekRequirement(
  staffing: readonly Pick<StaffingInterval, "intervalStart" | "agents">[],
  weekStart: number,
  intervalMinutes: number,
): { requirement: number[]; covered: number } {
  const slots = (7 * DAY_MINUTES) / intervalMinutes;
  const requirement = Array.from({ length: slots }, () => 0);
  let covered = 0;
  for (const interval of staffing) {
    const index = Math.floor(
      (Date.parse(interval.intervalStart) - weekStart) / (intervalMinutes * MINUTE_MS),
    );
    if (index < 0 || index >= slots) continue;
    requirement[index] = interval.agents;
    covered += 1;
  }
  return { requirement, covered };
}
