import type { IntervalFigures, IntradayReport } from "../api/routing-types";

export const INTERVAL_MINUTES = 15;
/** The window shown when nothing happened outside it: a contact centre's usual day. */
export const DEFAULT_WINDOW = { from: 7 * 60, to: 22 * 60 } as const;

export interface IntradaySeries {
  /** startMinute of each shown interval. */
  minutes: number[];
  arrivals: { today: (number | null)[]; yesterday: number[] };
  /** Percent 0–100 with one decimal; null where no call counted (nothing to measure, or still to come). */
  serviceLevel: { today: (number | null)[]; yesterday: (number | null)[] };
}

const busy = (i: IntervalFigures) => i.arrivals > 0 || i.answered > 0 || i.abandoned > 0;
const toPercent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1000) / 10);

/**
 * The wallboard's intraday chart data: today against yesterday per 15 minutes. The window covers 07:00–22:00
 * and widens to whole hours around any activity outside it; today's intervals after `nowMinute` (minutes
 * since the tenant's midnight) are null, so the chart shows "not yet" instead of zero.
 */
export function intradaySeries(
  report: Pick<IntradayReport, "today" | "yesterday">,
  nowMinute: number,
  window: { from: number; to: number } = DEFAULT_WINDOW,
): IntradaySeries {
  const active = [...report.today, ...report.yesterday].filter(busy).map((i) => i.startMinute);
  const from = Math.min(window.from, ...active.map((m) => Math.floor(m / 60) * 60));
  const to = Math.max(window.to, ...active.map((m) => Math.ceil((m + INTERVAL_MINUTES) / 60) * 60));
  const byMinute = (list: IntervalFigures[]) => new Map(list.map((i) => [i.startMinute, i]));
  const today = byMinute(report.today);
  const yesterday = byMinute(report.yesterday);
  const series: IntradaySeries = {
    minutes: [],
    arrivals: { today: [], yesterday: [] },
    serviceLevel: { today: [], yesterday: [] },
  };
  for (let minute = from; minute < Math.min(to, 24 * 60); minute += INTERVAL_MINUTES) {
    const now = today.get(minute);
    const before = yesterday.get(minute);
    const future = minute > nowMinute;
    series.minutes.push(minute);
    series.arrivals.today.push(future ? null : (now?.arrivals ?? 0));
    series.arrivals.yesterday.push(before?.arrivals ?? 0);
    series.serviceLevel.today.push(future ? null : toPercent(now?.serviceLevel ?? null));
    series.serviceLevel.yesterday.push(toPercent(before?.serviceLevel ?? null));
  }
  return series;
}

/** Minutes since midnight in a time zone, for "now" on the chart. */
export function minuteOfDay(timeZone: string, at: number = Date.now()): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}

/** "08:00" / "08.00" as the language writes times; minutes are wall-clock, so format them as UTC. */
export function minuteLabel(locale: string, minute: number): string {
  return new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  }).format(minute * 60_000);
}
