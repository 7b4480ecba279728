import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { describe } from "vitest";

/**
 * Browser tests drive the system's Chromium (Debian's `chromium` package); Playwright never downloads one.
 * Without it they skip and say why — unless SENTRA_REQUIRE_SERVICES=1 (CI), where a missing browser fails.
 */
export const CHROMIUM = process.env.SENTRA_CHROMIUM ?? "/usr/bin/chromium";

const required = process.env.SENTRA_REQUIRE_SERVICES === "1";
const missing = !existsSync(CHROMIUM);
if (missing && required) {
  throw new Error(`SENTRA_REQUIRE_SERVICES=1 but ${CHROMIUM} is missing: apt-get install -y chromium`);
}
if (missing) {
  console.warn(`[sentra tests] browser tests SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium)`);
}

export const describeWithBrowser = missing
  ? (name: string, body: () => void) => describe.skip(`${name} [skipped: ${CHROMIUM} not found]`, body)
  : describe;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
