import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { importCustomers } from "@sentra/server";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { tenantIdOf, withServices } from "./with-services.js";

/**
 * `sentra import customers file.csv --tenant demo`. Streams the file through the same importer as
 * POST /api/v1/customers/import: phones to E.164, emails lower-cased, each row checked by the API's schema.
 * Bad rows are listed by line and skipped; rows that look like customers already on file are listed too.
 */
export function registerImportCustomersCommand(importer: Command): void {
  importer
    .command("customers <file>")
    .description(
      "Import customers from CSV (header: full_name,phones,emails,customer_number,account_numbers,address,birth_date,…; lists split by ;)",
    )
    .requiredOption("--tenant <slug>", "tenant slug")
    .action(async (file: string, options: { tenant: string }) => {
      const size = (await stat(file)).size;
      const report = await withServices(async (services) => {
        const tenantId = await tenantIdOf(services, options.tenant);
        const bar = new SingleBar({
          format: "importing customers |{bar}| {percentage}% | {rows} rows | {errors} errors",
          stream: process.stderr,
          hideCursor: true,
          noTTYOutput: true,
          notTTYSchedule: 2_000,
        });
        bar.start(size, 0, { rows: 0, errors: 0 });
        const input = createReadStream(file);
        const result = await importCustomers(
          {
            db: services.db,
            customers: services.customers.records,
            settings: await services.customers.settings.get(tenantId),
          },
          tenantId,
          null,
          input,
          (progress) =>
            bar.update(input.bytesRead, { rows: progress.rows, errors: progress.rejected.length }),
        );
        bar.update(size);
        bar.stop();
        await services.audit.record({
          tenantId,
          actor: { kind: "system", id: null },
          action: "customers.imported",
          details: { file, rows: result.rows, imported: result.imported, rejected: result.rejected.length },
        });
        return result;
      });
      console.log(`Imported ${report.imported} customer(s); ${report.rejected.length} row(s) rejected.`);
      for (const error of report.rejected) console.log(`  line ${error.line}: ${error.message}`);
      if (report.possibleDuplicates.length > 0) {
        console.log(
          `${report.possibleDuplicates.length} imported row(s) look like customers already on file:`,
        );
        for (const d of report.possibleDuplicates) {
          console.log(
            `  line ${d.line}: like ${d.existingCustomerId} (score ${d.score}: ${d.reasons.join(", ")})`,
          );
        }
      }
      if (report.stoppedAt) console.log(`Stopped: ${report.stoppedAt.message}`);
      if (report.rejected.length > 0 || report.stoppedAt) process.exitCode = 2;
    });
}
