import { loadConfig, type SeededLogin, startPlatform } from "@sentra/server";
import type { Command } from "commander";

const SHUTDOWN_GRACE_MS = 10_000;

function printLoginsOnce(logins: SeededLogin[], url: string): void {
  if (logins.length === 0) return;
  const lines = [
    "",
    "  First start: tenant 'demo' was created. These passwords are shown only now; store them safely.",
    "",
    ...logins.map(
      (l) =>
        `    ${l.role.padEnd(10)} ${l.email.padEnd(34)} ${l.generated ? l.password : "(from SENTRA_ADMIN_PASSWORD)"}`,
    ),
    "",
    `  Open ${url} and log in.`,
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("Start the platform: HTTP API, realtime, and all channels")
    .action(async () => {
      const config = loadConfig();
      const platform = await startPlatform(config);
      printLoginsOnce(platform.seededLogins, platform.url);
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        platform.services.logger.info({ signal }, "shutting down: draining requests");
        const timer = setTimeout(() => {
          platform.services.logger.error("shutdown took too long; exiting");
          process.exit(1);
        }, SHUTDOWN_GRACE_MS);
        timer.unref();
        try {
          await platform.close();
          platform.services.logger.info("stopped cleanly");
        } finally {
          process.exit(0);
        }
      };
      process.on("SIGTERM", () => void stop("SIGTERM"));
      process.on("SIGINT", () => void stop("SIGINT"));
    });
}
