import type { Readable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { CsvError, parse } from "csv-parse";

export interface CsvRecord {
  record: Record<string, string>;
  /** The line the record ends on, 1-based, counting the header. */
  line: number;
}

/** The file broke at `line` (where the unparseable record starts); records before it were all yielded. */
export class MalformedCsv extends Error {
  constructor(
    readonly line: number,
    override readonly cause: CsvError,
  ) {
    super(`Malformed CSV in the record starting on line ${line}: ${cause.message}`);
    this.name = "MalformedCsv";
  }
}

const ALIASES: Record<string, string> = {
  name: "full_name",
  phone: "phones",
  email: "emails",
  account_number: "account_numbers",
};

/**
 * Records of a CSV with a header row (lower-cased, common singular names mapped to the import's columns),
 * read chunk by chunk so memory stays flat. csv-parse's own stream drops records it already parsed when a
 * later one in the same chunk is broken; here each record is taken as it is parsed, so every record before a
 * structural error is yielded first, then MalformedCsv names the line the broken record starts on.
 */
export async function* csvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  const ready: CsvRecord[] = [];
  let lastLine = 1;
  let failure: CsvError | undefined;
  const parser = parse({
    columns: (header: string[]) =>
      header.map((h) => {
        const name = h.trim().toLowerCase();
        return ALIASES[name] ?? name;
      }),
    bom: true,
    trim: true,
    relax_column_count: true,
    // A quote inside an unquoted field (Andi "Bob" Wijaya) is a character, not a structural error.
    relax_quotes: true,
    skip_empty_lines: true,
    on_record: (record: Record<string, string>, context: { lines: number }) => {
      lastLine = context.lines;
      ready.push({ record, line: context.lines });
      return null;
    },
  });
  parser.on("error", (error) => {
    failure = error instanceof CsvError ? error : (failure ?? (error as CsvError));
  });
  parser.resume();
  const broken = () => (failure ? new MalformedCsv(lastLine + 1, failure) : undefined);
  for await (const chunk of input) {
    parser.write(chunk);
    // The parser reports an error on the next turn of the event loop.
    await nextTurn();
    yield* ready.splice(0);
    const error = broken();
    if (error) throw error;
  }
  const ended = new Promise<void>((resolve) => {
    parser.once("end", resolve);
    parser.once("error", () => resolve());
  });
  parser.end();
  await ended;
  yield* ready.splice(0);
  const error = broken();
  if (error) throw error;
}
