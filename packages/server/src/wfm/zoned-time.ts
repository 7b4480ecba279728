import { localTime } from "@sentra/core";

const DAY_MS = 86_400_000;

/**
 * The instant at which the wall clock in `timeZone` shows `date` + `minuteOfDay`. Found by correcting a UTC
 * guess by the zone's offset twice, which is exact outside the hour a daylight-saving change skips.
 */
export function zonedInstant(date: string, minuteOfDay: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minuteOfDay * 60_000;
  let guess = wall;
  for (let pass = 0; pass < 2; pass++) guess = wall - offsetMs(timeZone, guess);
  return guess;
}

/** Local date and slot (interval index from local midnight) of an instant. */
export function localSlot(
  epochMs: number,
  timeZone: string,
  intervalMinutes: number,
): { date: string; slot: number } {
  const local = localTime(timeZone, epochMs);
  return { date: local.date, slot: Math.floor(local.minutes / intervalMinutes) };
}

function offsetMs(timeZone: string, epochMs: number): number {
  const local = localTime(timeZone, epochMs);
  const wall = Date.parse(`${local.date}T00:00:00Z`) + local.minutes * 60_000;
  const truncated = Math.floor(epochMs / 60_000) * 60_000;
  const offset = wall - truncated;
  // Offsets are within ±14 h; anything else means the day wrapped and the date must be taken into account.
  return Math.abs(offset) > DAY_MS / 2 ? offset - Math.sign(offset) * DAY_MS : offset;
}
