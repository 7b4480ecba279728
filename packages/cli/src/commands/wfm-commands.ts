import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { INTERVAL_MINUTES, type IntervalMinutes, UserError } from "@sentra/core";
import { backtestHistoryFile } from "@sentra/server";
import { SingleBar } from "cli-progress";
import { type Command, InvalidArgumentError } from "commander";
import { tenantIdOf, withServices } from "./with-services.js";

function intervalOption(value: string): IntervalMinutes {
  const minutes = Number(value);
  if (!(INTERVAL_MINUTES as readonly number[]).includes(minutes)) {
    throw new InvalidArgumentError("must be 15, 30 or 60");
  }
  return minutes as IntervalMinutes;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number ≥ 1");
  return n;
}

/**
 * `sentra wfm import <file> --tenant <slug>`: interval history from the Anonymous Bank call log or an interval
 * CSV; bad rows are listed with their line numbers and never stop the import.
 * `sentra wfm backtest <file>`: MAPE/WAPE per forecast method and interval size on held-out weeks of a file.
 */
export function registerWfmCommands(program: Command): void {
  const wfm = program.command("wfm").description("Workforce management: history and forecasts");
  wfm
    .command("import <file>")
    .description("Import interval history (Anonymous Bank TSV or interval_start,queue,channel,… CSV)")
    .requiredOption("--tenant <slug>", "tenant slug")
    .option("--interval <minutes>", "interval length to store: 15, 30 or 60", intervalOption, 15)
    .action(async (file: string, options: { tenant: string; interval: IntervalMinutes }) => {
      const size = (await stat(file)).size;
      const outcome = await withServices(async (services) => {
        const tenantId = await tenantIdOf(services, options.tenant);
        const bar = new SingleBar({
          format: "importing history |{bar}| {percentage}% | {rows} rows | {errors} errors",
          stream: process.stderr,
          hideCursor: true,
          noTTYOutput: true,
          notTTYSchedule: 2_000,
        });
        const input = createReadStream(file);
        bar.start(size, 0, { rows: 0, errors: 0 });
        try {
          return await services.wfm.history.importFile(
            tenantId,
            null,
            input,
            options.interval,
            undefined,
            (rows, errors) => bar.update(input.bytesRead, { rows, errors }),
          );
        } catch (error) {
          if (error instanceof UserError) throw new Error(error.message);
          throw error;
        } finally {
          bar.update(size);
          bar.stop();
        }
      });
      console.log(
        `Imported ${outcome.rows} row(s) as ${outcome.format}: ${outcome.intervalsStored} interval(s) stored; ${outcome.rejected.length} row(s) rejected.`,
      );
      for (const problem of outcome.rejected) console.log(`  line ${problem.line}: ${problem.message}`);
      if (outcome.rejected.length > 0) process.exitCode = 2;
    });
  wfm
    .command("backtest <file>")
    .description("Rolling-origin backtest of every forecast method on held-out weeks of a history file")
    .option("--interval <minutes>", "one interval size (default: 15, 30 and 60)", intervalOption)
    .option(
      "--weeks <n>",
      "most recent weeks to hold out, each forecast from the weeks before it",
      positiveInteger,
      3,
    )
    .option("--json", "print the figures as JSON")
    .action(async (file: string, options: { interval?: IntervalMinutes; weeks: number; json?: boolean }) => {
      const report = await backtestHistoryFile(file, {
        intervals: options.interval ? [options.interval] : [...INTERVAL_MINUTES],
        weeks: options.weeks,
      });
      if (options.json) {
        console.log(JSON.stringify(report));
        return;
      }
      console.log(`${report.rows} rows, ${report.problems} rejected, ${report.days} days of history.`);
      for (const line of report.lines) {
        console.log(
          `\n${line.intervalMinutes}-minute intervals, ${line.heldOutWeeks} held-out week(s), ${line.heldOutDays} days:`,
        );
        console.log("  method            MAPE     WAPE");
        for (const score of line.scores) {
          const mark = score.method === line.best ? "  ← chosen" : "";
          console.log(`  ${score.method.padEnd(16)} ${pct(score.mape)}  ${pct(score.wape)}${mark}`);
        }
        if (line.bestVersusWeekdayAverage !== null) {
          console.log(
            `  chosen vs average of last 4 same weekdays: ${(line.bestVersusWeekdayAverage * 100).toFixed(1)} % WAPE`,
          );
        }
        if (line.lastWeek) {
          console.log(
            `  last week, method chosen on the weeks before it (${line.lastWeek.chosen}): WAPE ${pct(line.lastWeek.wape).trim()} vs ${pct(line.lastWeek.weekdayAverageWape).trim()} for the weekday average`,
          );
        }
      }
    });
}

const pct = (x: number | null) => (x === null ? "   n/a " : `${(x * 100).toFixed(1).padStart(6)}%`);
