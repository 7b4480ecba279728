import { loadConfig } from "../config/config.js";
import { type RunningPlatform, startPlatform } from "../platform.js";
import type { StoreTarget } from "./services-under-test.js";

export const ADMIN_EMAIL = "admin@acme.test";
export const ADMIN_PASSWORD = "correct-horse-battery-staple";

export interface TestPlatform extends RunningPlatform {
  dispose(): Promise<void>;
}

/** A platform on a fresh store with a known first admin, listening on a free loopback port. */
export async function startTestPlatform(
  target: StoreTarget,
  env: Record<string, string> = {},
): Promise<TestPlatform> {
  const store = await target.create();
  const config = loadConfig({
    SENTRA_PORT: "0",
    SENTRA_LOG_LEVEL: "warn",
    SENTRA_ADMIN_EMAIL: ADMIN_EMAIL,
    SENTRA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SENTRA_SEED_DEMO: "false",
    SENTRA_COOKIE_SECURE: "false",
    ...store.env,
    ...env,
  });
  const platform = await startPlatform(config);
  return {
    ...platform,
    async dispose() {
      await platform.close();
      await store.dispose();
    },
  };
}
