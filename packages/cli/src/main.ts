#!/usr/bin/env node
import { ConfigError } from "@sentra/server";
import { Command, CommanderError } from "commander";
import { registerImportCommand } from "./commands/import-command.js";
import { registerMigrateCommand } from "./commands/migrate-command.js";
import { registerStartCommand } from "./commands/start-command.js";
import { registerTenantCommands } from "./commands/tenant-commands.js";
import { registerUserCommands } from "./commands/user-commands.js";
import { registerWfmCommands } from "./commands/wfm-commands.js";

const program = new Command()
  .name("sentra")
  .description("Sentra omnichannel contact center. Configuration comes from SENTRA_* environment variables.")
  .showHelpAfterError()
  .exitOverride();

registerStartCommand(program);
registerMigrateCommand(program);
registerTenantCommands(program);
registerUserCommands(program);
registerImportCommand(program);
registerWfmCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 78; // EX_CONFIG
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`sentra: ${message}`);
    process.exitCode = 1;
  }
}
