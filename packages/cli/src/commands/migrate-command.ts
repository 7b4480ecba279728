import { loadConfig, migrateToLatest, openDatabase } from "@sentra/server";
import type { Command } from "commander";

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("Bring the database schema to the latest version")
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrateToLatest(database.db);
        console.log(
          applied.length > 0
            ? `Applied ${applied.length} migration(s) to ${database.location}: ${applied.join(", ")}`
            : `Schema at ${database.location} is already up to date.`,
        );
      } finally {
        await database.close();
      }
    });
}
