import type { Readable } from "node:stream";
import { CHANNELS, type IntervalMinutes } from "@sentra/core";
import { parse } from "csv-parse";
import { z } from "zod";
import { type BankCall, bankCallOf } from "./bank-calls.js";
import { localSlot } from "./zoned-time.js";

/** One interval of history placed on the tenant's local calendar, ready to store. */
export interface ImportedInterval {
  readonly queueName: string;
  readonly channel: string;
  readonly date: string;
  readonly minuteOfDay: number;
  readonly intervalMinutes: IntervalMinutes;
  readonly arrivals: number;
  readonly handled: number;
  readonly abandoned: number;
  readonly ahtSeconds: number | null;
}

export interface RowProblem {
  readonly line: number;
  readonly message: string;
}

export interface HistoryFileResult {
  readonly format: "anonymous_bank" | "intervals";
  readonly rows: number;
  readonly intervals: ImportedInterval[];
  readonly problems: RowProblem[];
}

export interface HistoryFileOptions {
  /** Interval length the bank's call log is aggregated to, and the default for interval rows. */
  readonly intervalMinutes: IntervalMinutes;
  /** Tenant time zone: interval starts with an explicit offset are moved onto its wall clock. */
  readonly timeZone: string;
  readonly onRow?: (rows: number, problems: number) => void;
}

const GENERIC_HEADER = [
  "interval_start",
  "queue",
  "channel",
  "arrivals",
  "handled",
  "abandoned",
  "aht_seconds",
];
const count = (name: string) =>
  z.coerce.number(`${name} must be a number`).int(`${name} must be whole`).min(0);
const intervalRow = z
  .object({
    interval_start: z
      .string()
      .regex(
        /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
        "interval_start must be an ISO date-time like 2026-03-02T08:30:00+07:00",
      ),
    queue: z.string().trim().min(1, "queue is empty").max(200),
    channel: z.enum(CHANNELS, `channel must be one of ${CHANNELS.join(", ")}`),
    arrivals: count("arrivals"),
    handled: count("handled"),
    abandoned: count("abandoned"),
    aht_seconds: z.union([
      z.literal("").transform(() => null),
      z.coerce.number("aht_seconds must be a number").min(0),
    ]),
  })
  .refine((r) => r.handled + r.abandoned <= r.arrivals || r.arrivals === 0, {
    message: "handled + abandoned exceed arrivals",
  });

/**
 * Streams a history file and returns its intervals with one problem per bad row (line number and reason); a bad
 * row never stops the import. The format follows the header: the Anonymous Bank call log (tab-separated, one row
 * per call, aggregated here) or Sentra's interval CSV `interval_start,queue,channel,arrivals,handled,abandoned,
 * aht_seconds` (comma- or tab-separated). Interval starts must fall on the interval grid.
 */
export async function readHistoryFile(
  input: Readable,
  options: HistoryFileOptions,
): Promise<HistoryFileResult> {
  let header: string[] = [];
  const problems: RowProblem[] = [];
  const parser = parse({
    delimiter: [",", "\t"],
    columns: (names: string[]) => {
      header = names.map((h) => h.trim().toLowerCase());
      return header;
    },
    bom: true,
    trim: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // A row that is not even valid CSV (say, an unclosed quote) is reported and skipped like any bad row.
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error)
        problems.push({ line: Number(error.lines ?? 0), message: `not valid CSV: ${error.message}` });
      return undefined;
    },
  });
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  const bank = new BankAggregator(options.intervalMinutes);
  const intervals: ImportedInterval[] = [];
  let format: HistoryFileResult["format"] | undefined;
  let rows = 0;
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    if (format === undefined) {
      try {
        format = formatOf(header);
      } catch (error) {
        input.unpipe(parser);
        input.resume();
        throw error;
      }
    }
    rows += 1;
    if (format === "anonymous_bank") {
      const result = bankCallOf(record);
      if (result.kind === "error") problems.push({ line: info.lines, message: result.message });
      else if (result.kind === "call") bank.add(result.call);
    } else {
      const result = intervalOf(record, options);
      if (typeof result === "string") problems.push({ line: info.lines, message: result });
      else intervals.push(result);
    }
    options.onRow?.(rows, problems.length);
  }
  return {
    format: format ?? "intervals",
    rows,
    intervals: format === "anonymous_bank" ? bank.intervals() : intervals,
    problems,
  };
}

function formatOf(header: readonly string[]): HistoryFileResult["format"] {
  if (header.includes("vru+line") && header.includes("outcome") && header.includes("ser_time"))
    return "anonymous_bank";
  const missing = GENERIC_HEADER.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new HistoryFormatError(
      `Unrecognised header. Expected the Anonymous Bank call log or the columns ${GENERIC_HEADER.join(",")} (missing ${missing.join(", ")}).`,
    );
  }
  return "intervals";
}

export class HistoryFormatError extends Error {}

function intervalOf(record: Record<string, string>, options: HistoryFileOptions): ImportedInterval | string {
  const parsed = intervalRow.safeParse(record);
  if (!parsed.success)
    return parsed.error.issues
      .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
      .join("; ");
  const row = parsed.data;
  const text = row.interval_start.replace(" ", "T");
  let date: string;
  let minuteOfDay: number;
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const instant = Date.parse(text);
    if (Number.isNaN(instant)) return "interval_start: not a valid date-time";
    const local = localSlot(instant, options.timeZone, 1);
    date = local.date;
    minuteOfDay = local.slot;
  } else {
    if (Number.isNaN(Date.parse(`${text}Z`))) return "interval_start: not a valid date-time";
    date = text.slice(0, 10);
    minuteOfDay = Number(text.slice(11, 13)) * 60 + Number(text.slice(14, 16));
  }
  if (minuteOfDay % options.intervalMinutes !== 0) {
    return `interval_start: ${row.interval_start} is not on the ${options.intervalMinutes}-minute grid`;
  }
  return {
    queueName: row.queue,
    channel: row.channel,
    date,
    minuteOfDay,
    intervalMinutes: options.intervalMinutes,
    arrivals: row.arrivals,
    handled: row.handled,
    abandoned: row.abandoned,
    ahtSeconds: row.handled > 0 ? row.aht_seconds : null,
  };
}

/** Counts the bank's calls into intervals per queue. */
class BankAggregator {
  private readonly cells = new Map<
    string,
    { arrivals: number; handled: number; abandoned: number; seconds: number }
  >();

  constructor(private readonly intervalMinutes: IntervalMinutes) {}

  add(call: BankCall): void {
    const dayOffset = Math.floor(call.arrivalSecond / 86_400);
    const date =
      dayOffset === 0
        ? call.date
        : new Date(Date.parse(`${call.date}T00:00:00Z`) + dayOffset * 86_400_000).toISOString().slice(0, 10);
    const minute = Math.floor((call.arrivalSecond % 86_400) / 60);
    const slotMinute = minute - (minute % this.intervalMinutes);
    const key = `${call.queue}\u0000${date}\u0000${slotMinute}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { arrivals: 0, handled: 0, abandoned: 0, seconds: 0 };
      this.cells.set(key, cell);
    }
    cell.arrivals += 1;
    if (call.handled) {
      cell.handled += 1;
      cell.seconds += call.handleSeconds;
    }
    if (call.abandoned) cell.abandoned += 1;
  }

  intervals(): ImportedInterval[] {
    return [...this.cells.entries()].map(([key, cell]) => {
      const [queueName, date, minute] = key.split("\u0000") as [string, string, string];
      return {
        queueName,
        channel: "voice",
        date,
        minuteOfDay: Number(minute),
        intervalMinutes: this.intervalMinutes,
        arrivals: cell.arrivals,
        handled: cell.handled,
        abandoned: cell.abandoned,
        ahtSeconds: cell.handled > 0 ? cell.seconds / cell.handled : null,
      };
    });
  }
}
