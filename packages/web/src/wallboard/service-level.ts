export type SlTone = "green" | "amber" | "red" | "none";

/** How far below target still reads amber rather than red, in percentage points. */
export const AMBER_BAND_POINTS = 10;

/**
 * The wallboard's traffic light for a service level: green at or above target, amber within 10 points below,
 * red further below; "none" when nothing was answered or abandoned yet (the server sends null).
 * `ratio` is 0–1 as the API sends it; `targetPercent` is the queue's 1–100 setting.
 */
export function serviceLevelTone(ratio: number | null, targetPercent: number): SlTone {
  if (ratio === null || Number.isNaN(ratio)) return "none";
  // Rounded to a tenth of a point, so 79.99…% shown as "80%" is not red against an 80% target.
  const percent = Math.round(ratio * 1000) / 10;
  if (percent >= targetPercent) return "green";
  if (percent >= targetPercent - AMBER_BAND_POINTS) return "amber";
  return "red";
}

export const TONE_COLOR: Record<SlTone, string> = {
  green: "teal",
  amber: "yellow",
  red: "red",
  none: "gray",
};

/** The tenant tile's target: the queues' targets weighted equally; 80 % (the API default) with no queues. */
export function tenantTarget(targets: number[]): number {
  if (targets.length === 0) return 80;
  return Math.round(targets.reduce((sum, value) => sum + value, 0) / targets.length);
}
