import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { UserError } from "@sentra/core";
import { newUserBody } from "@sentra/server";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { parse } from "csv-parse";
import { registerImportCustomersCommand } from "./import-customers-command.js";
import { tenantIdOf, withServices } from "./with-services.js";

interface RowError {
  line: number;
  message: string;
}

/**
 * `sentra import users file.csv --tenant demo` with columns email, name, role, locale, password.
 * Streams the file; each row is validated with the API's own schema; a bad row is reported and skipped,
 * never aborting the good ones. Later issues add more kinds (customers, campaign lists, history).
 */
export function registerImportCommand(program: Command): void {
  const importer = program.command("import").description("Bulk import from CSV files");
  importer
    .command("users <file>")
    .description("Import users from CSV (header: email,name,role[,locale][,password])")
    .requiredOption("--tenant <slug>", "tenant slug")
    .action(async (file: string, options: { tenant: string }) => {
      const size = (await stat(file)).size;
      const errors: RowError[] = [];
      let imported = 0;
      await withServices(async (services) => {
        const tenantId = await tenantIdOf(services, options.tenant);
        const bar = new SingleBar({
          format: "importing users |{bar}| {percentage}% | {rows} rows | {errors} errors",
          stream: process.stderr,
          hideCursor: true,
          // In a pipe or CI log, print a progress line every 2 s instead of redrawing.
          noTTYOutput: true,
          notTTYSchedule: 2_000,
        });
        bar.start(size, 0, { rows: 0, errors: 0 });
        const input = createReadStream(file);
        const parser = input.pipe(
          parse({
            columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
            bom: true,
            trim: true,
            info: true,
            relax_column_count: true,
          }),
        );
        let rows = 0;
        for await (const { record, info } of parser as AsyncIterable<{
          record: Record<string, string>;
          info: { lines: number };
        }>) {
          rows += 1;
          const parsed = newUserBody.safeParse({
            email: record.email,
            displayName: record.name ?? record.display_name,
            role: record.role,
            locale: record.locale || undefined,
            password: record.password || undefined,
          });
          if (!parsed.success) {
            errors.push({
              line: info.lines,
              message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
            });
          } else {
            try {
              await services.users.create(null, tenantId, parsed.data);
              imported += 1;
            } catch (error) {
              if (!(error instanceof UserError)) throw error;
              errors.push({ line: info.lines, message: error.message });
            }
          }
          bar.update(input.bytesRead, { rows, errors: errors.length });
        }
        bar.update(size, { rows, errors: errors.length });
        bar.stop();
      });
      console.log(`Imported ${imported} user(s); ${errors.length} row(s) rejected.`);
      for (const error of errors) console.log(`  line ${error.line}: ${error.message}`);
      if (errors.length > 0) process.exitCode = 2;
    });
  registerImportCustomersCommand(importer);
}
