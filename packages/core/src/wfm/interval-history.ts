import type { IsoDate } from "./calendar-dates.js";

export const INTERVAL_MINUTES = [15, 30, 60] as const;
export type IntervalMinutes = (typeof INTERVAL_MINUTES)[number];

export const slotsPerDay = (intervalMinutes: IntervalMinutes): number => 1440 / intervalMinutes;

/** One local day of history, one entry per interval ("slot") from local midnight. */
export interface DayActuals {
  readonly date: IsoDate;
  /** Contacts that arrived (asked for an agent) per slot. */
  readonly volumes: readonly number[];
  /** Contacts answered per slot; weights the AHT averages. */
  readonly handled: readonly number[];
  /** Average handle time of the slot's answered contacts, null when none were answered. */
  readonly ahtSeconds: readonly (number | null)[];
}

export interface DayForecast {
  readonly date: IsoDate;
  readonly volumes: readonly number[];
  readonly ahtSeconds: readonly (number | null)[];
}

/** One interval row as stored, already placed on its local day and slot by the adapter. */
export interface SlotRow {
  readonly date: IsoDate;
  readonly slot: number;
  readonly arrivals: number;
  readonly handled: number;
  readonly ahtSeconds: number | null;
}

/**
 * Folds interval rows into days (rows of several queues or channels on the same slot add up, AHT weighted by
 * handled contacts). Days appear only when they have at least one row: an absent day is "unknown", not zero.
 */
export function daysFromRows(rows: Iterable<SlotRow>, slots: number): DayActuals[] {
  const byDate = new Map<IsoDate, { volumes: number[]; handled: number[]; handleSeconds: number[] }>();
  for (const row of rows) {
    if (row.slot < 0 || row.slot >= slots) continue;
    let day = byDate.get(row.date);
    if (!day) {
      day = { volumes: zeros(slots), handled: zeros(slots), handleSeconds: zeros(slots) };
      byDate.set(row.date, day);
    }
    day.volumes[row.slot]! += row.arrivals;
    day.handled[row.slot]! += row.handled;
    day.handleSeconds[row.slot]! += row.ahtSeconds === null ? 0 : row.ahtSeconds * row.handled;
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, day]) => ({
      date,
      volumes: day.volumes,
      handled: day.handled,
      ahtSeconds: day.handled.map((n, k) => (n > 0 ? day.handleSeconds[k]! / n : null)),
    }));
}

export const zeros = (length: number): number[] => new Array<number>(length).fill(0);

export const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);
