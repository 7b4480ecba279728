import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { describe } from "vitest";
import {
  httpJson,
  type ServerProcess,
  startServerProcess,
} from "../../packages/server/src/testing/server-process.js";

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

/** `extraArgs` add switches for one suite, e.g. a fake microphone for the softphone. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
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
      ...extraArgs,
    ],
  });
}

export const ADMIN_EMAIL = "admin@acme.test";
export const ADMIN_PASSWORD = "correct-horse-battery-staple";
const webDist = fileURLToPath(new URL("../../packages/web/dist/index.html", import.meta.url));

export interface E2eServer {
  readonly server: ServerProcess;
  /** A session token of the first admin, for setting the scene over the API. */
  readonly adminToken: string;
  /** Calls the API as that admin; any answer but 2xx throws with the server's error. */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  dispose(): Promise<void>;
}

/** A real `sentra start` on a fresh embedded store with a known admin, serving the built web app. */
export async function startE2eServer(prefix: string): Promise<E2eServer> {
  if (!existsSync(webDist))
    throw new Error(`${webDist} is missing: run "npm run build" first (npm test does).`);
  const dataDir = mkdtempSync(join(tmpdir(), `sentra-e2e-${prefix}-`));
  const server = await startServerProcess(
    {
      SENTRA_DATA_DIR: dataDir,
      SENTRA_ADMIN_EMAIL: ADMIN_EMAIL,
      SENTRA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SENTRA_SEED_DEMO: "false",
      SENTRA_COOKIE_SECURE: "false",
    },
    60_000,
  );
  const login = await httpJson<{ token: string }>(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  });
  const adminToken = login.body.token;
  return {
    server,
    adminToken,
    api: async <T>(method: string, path: string, body?: unknown) => {
      const reply = await httpJson<T>(`${server.url}/api/v1${path}`, { method, token: adminToken, body });
      if (reply.status >= 300)
        throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body;
    },
    dispose: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium flags for softphone tests: a fake microphone that needs no permission prompt, real host addresses
 * instead of mDNS names (the server would have to resolve them on the LAN), and nothing leaving the machine.
 */
export const SOFTPHONE_CHROMIUM_FLAGS = [
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
  "--disable-features=WebRtcHideLocalIpsWithMdns",
  "--no-proxy-server",
  "--dns-prefetch-disable",
];

/** The first number `pattern` captures in `text`, or -1 (packet counters shown on the page). */
export const countIn = (text: string | null, pattern: RegExp): number => {
  const match = text?.match(pattern);
  return match ? Number(match[1]) : -1;
};
