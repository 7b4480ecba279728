import { createReadStream } from "node:fs";
import {
  addDays,
  backtest,
  type DayActuals,
  daysBetween,
  daysFromRows,
  FORECAST_METHODS,
  type IntervalMinutes,
  type MethodScore,
  slotsPerDay,
} from "@sentra/core";
import { type ImportedInterval, readHistoryFile } from "./history-file.js";

export interface BacktestReportLine {
  readonly intervalMinutes: IntervalMinutes;
  readonly heldOutWeeks: number;
  readonly heldOutDays: number;
  readonly scores: readonly MethodScore[];
  readonly best: string;
  /** WAPE of the chosen method ÷ WAPE of "average of the last 4 same weekdays" − 1 (negative = better). */
  readonly bestVersusWeekdayAverage: number | null;
  /**
   * Out-of-sample check of the automatic choice: the method is chosen on the held-out weeks before the last one
   * only, then scored on the last week against the weekday average. Null with fewer than two held-out weeks.
   */
  readonly lastWeek: { chosen: string; wape: number | null; weekdayAverageWape: number | null } | null;
}

/**
 * Rolling-origin backtest of every forecast method on a history file (all queues and channels added up),
 * holding out the most recent `weeks` weeks one at a time, at each interval size.
 */
export async function backtestHistoryFile(
  path: string,
  options: { intervals: readonly IntervalMinutes[]; weeks: number; timeZone?: string },
): Promise<{ rows: number; problems: number; days: number; lines: BacktestReportLine[] }> {
  const file = await readHistoryFile(createReadStream(path), {
    intervalMinutes: 15,
    timeZone: options.timeZone ?? "UTC",
  });
  const lines = options.intervals.map((intervalMinutes) => {
    const days = historyDays(file.intervals, intervalMinutes);
    const result = backtest(days, [], slotsPerDay(intervalMinutes), {
      holdout: "week",
      count: options.weeks,
      methods: FORECAST_METHODS,
    });
    const wapeOf = (method: string) => result.scores.find((s) => s.method === method)?.wape ?? null;
    const best = wapeOf(result.best);
    const baseline = wapeOf("weekday_average");
    return {
      lastWeek: lastWeekCheck(days, intervalMinutes, options.weeks),
      intervalMinutes,
      heldOutWeeks: options.weeks,
      heldOutDays: result.heldOutDays.length,
      scores: result.scores,
      best: result.best,
      bestVersusWeekdayAverage: best !== null && baseline ? best / baseline - 1 : null,
    };
  });
  const dates = new Set(file.intervals.map((i) => i.date));
  return { rows: file.rows, problems: file.problems.length, days: dates.size, lines };
}

function lastWeekCheck(days: DayActuals[], intervalMinutes: IntervalMinutes, weeks: number) {
  const last = days[days.length - 1];
  if (weeks < 2 || !last) return null;
  const slots = slotsPerDay(intervalMinutes);
  const lastWeekStart = addDays(last.date, -6);
  const earlier = days.filter((day) => daysBetween(day.date, lastWeekStart) > 0);
  const chosen = backtest(earlier, [], slots, { holdout: "week", count: weeks - 1 }).best;
  const scored = backtest(days, [], slots, {
    holdout: "week",
    count: 1,
    methods: [chosen, "weekday_average"],
  });
  const wapeOf = (method: string) => scored.scores.find((s) => s.method === method)?.wape ?? null;
  return { chosen, wape: wapeOf(chosen), weekdayAverageWape: wapeOf("weekday_average") };
}

/** Imported intervals (any length dividing `intervalMinutes`) folded into days of `intervalMinutes` slots. */
export function historyDays(
  intervals: readonly ImportedInterval[],
  intervalMinutes: IntervalMinutes,
): DayActuals[] {
  return daysFromRows(
    intervals.map((i) => ({
      date: i.date,
      slot: Math.floor(i.minuteOfDay / intervalMinutes),
      arrivals: i.arrivals,
      handled: i.handled,
      ahtSeconds: i.ahtSeconds,
    })),
    slotsPerDay(intervalMinutes),
  );
}
