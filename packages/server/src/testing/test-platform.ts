import { loadConfig, type SentraConfig } from "../config/config.js";
import { type RunningPlatform, type StartOptions, startPlatform } from "../platform.js";
import type { StoreTarget } from "./services-under-test.js";

export const ADMIN_EMAIL = "admin@acme.test";
export const ADMIN_PASSWORD = "correct-horse-battery-staple";

export interface TestPlatform extends RunningPlatform {
  dispose(): Promise<void>;
}

/** Configuration for a test server: a free loopback port, quiet logs and a known first admin. */
export function testConfig(env: Record<string, string | undefined>): SentraConfig {
  return loadConfig({
    SENTRA_PORT: "0",
    SENTRA_LOG_LEVEL: "warn",
    SENTRA_ADMIN_EMAIL: ADMIN_EMAIL,
    SENTRA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SENTRA_SEED_DEMO: "false",
    SENTRA_COOKIE_SECURE: "false",
    SENTRA_SMTP_PORT: "0",
    SENTRA_SIP_PORT: "0",
    ...env,
  });
}

/** A platform on a fresh store with a known first admin, listening on a free loopback port. */
export async function startTestPlatform(
  target: StoreTarget,
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestPlatform> {
  const store = await target.create();
  const config = testConfig({ ...store.env, ...env });
  const platform = await startPlatform(config, options);
  return {
    ...platform,
    async dispose() {
      await platform.close();
      await store.dispose();
    },
  };
}
