import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe } from "vitest";

/**
 * Integration tests run against every store Sentra supports: embedded PGlite always, and a real PostgreSQL
 * server when one answers. In CI (SENTRA_REQUIRE_SERVICES=1) a missing server fails the run instead of
 * skipping, so a green CI always means "tested against real PostgreSQL and NATS".
 */
export const servicesRequired = process.env.SENTRA_REQUIRE_SERVICES === "1";
export const postgresAdminUrl =
  process.env.SENTRA_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const natsUrl = process.env.SENTRA_TEST_NATS_URL ?? "nats://127.0.0.1:4222";

async function postgresAnswers(): Promise<string | null> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function natsAnswers(): Promise<string | null> {
  const { connect } = await import("nats");
  try {
    const connection = await connect({ servers: natsUrl, timeout: 2_000 });
    const manager = await connection.jetstreamManager();
    await manager.getAccountInfo();
    await connection.close();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const postgresProblem = await postgresAnswers();
const natsProblem = await natsAnswers();
if (servicesRequired && (postgresProblem || natsProblem)) {
  throw new Error(
    `SENTRA_REQUIRE_SERVICES=1 but ${[postgresProblem && `PostgreSQL (${postgresAdminUrl}): ${postgresProblem}`, natsProblem && `NATS (${natsUrl}): ${natsProblem}`].filter(Boolean).join("; ")}`,
  );
}
if (postgresProblem)
  console.warn(
    `[sentra tests] PostgreSQL tests SKIPPED: ${postgresAdminUrl} unreachable (${postgresProblem})`,
  );
if (natsProblem) console.warn(`[sentra tests] NATS tests SKIPPED: ${natsUrl} unreachable (${natsProblem})`);

export const postgresAvailable = postgresProblem === null;
export const natsAvailable = natsProblem === null;

/** `describe` that runs only when NATS answers, and says why when it does not. */
export const describeWithNats = natsAvailable
  ? describe
  : (name: string, body: () => void) =>
      describe.skip(`${name} [skipped: NATS unreachable at ${natsUrl}]`, body);

export interface StoreTarget {
  readonly name: "pglite" | "postgres";
  /** Environment for a fresh, empty store: a new PGlite folder or a new PostgreSQL database. */
  create(): Promise<{ env: Record<string, string>; dispose(): Promise<void> }>;
}

const pgliteTarget: StoreTarget = {
  name: "pglite",
  async create() {
    const dir = await mkdtemp(path.join(tmpdir(), "sentra-test-"));
    return { env: { SENTRA_DATA_DIR: dir }, dispose: () => rm(dir, { recursive: true, force: true }) };
  },
};

const postgresTarget: StoreTarget = {
  name: "postgres",
  async create() {
    const name = `sentra_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${name}`;
    const dir = await mkdtemp(path.join(tmpdir(), "sentra-test-"));
    return {
      env: { SENTRA_DATABASE_URL: url.toString(), SENTRA_DATA_DIR: dir },
      async dispose() {
        const cleanup = new pg.Client({ connectionString: postgresAdminUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

/** The stores to run a suite against, with a visible skip for PostgreSQL when it is not reachable. */
export const storeTargets: StoreTarget[] = [pgliteTarget, postgresTarget];

export function describeEachStore(name: string, body: (target: StoreTarget) => void): void {
  for (const target of storeTargets) {
    if (target.name === "postgres" && !postgresAvailable) {
      describe.skip(`${name} on postgres [skipped: PostgreSQL unreachable at ${postgresAdminUrl}]`, () =>
        body(target));
    } else {
      describe(`${name} on ${target.name}`, () => body(target));
    }
  }
}
