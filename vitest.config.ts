import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: { "@sentra/core": src("core"), "@sentra/server": src("server") },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/web/src/**/*.test.tsx", "tests/**/*.test.ts"],
    // Web component tests opt into jsdom per file (`// @vitest-environment jsdom`); everything else is node.
    // Integration tests share one PostgreSQL server and spawn server processes; keep the machine calm.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
