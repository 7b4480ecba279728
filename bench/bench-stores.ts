/**
 * Where a benchmark's platform keeps its data: a fresh embedded PGlite folder, or a fresh database on the
 * PostgreSQL server at SENTRA_BENCH_DATABASE_URL (default: the local one), dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/** The configuration variables that point a platform at its store. */
export type StoreSettings = { SENTRA_DATA_DIR: string; SENTRA_DATABASE_URL?: string };

export async function withPGlite<T>(work: (store: StoreSettings) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "sentra-bench-"));
  try {
    return await work({ SENTRA_DATA_DIR: dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Undefined when no PostgreSQL server answers. */
export async function withPostgres<T>(work: (store: StoreSettings) => Promise<T>): Promise<T | undefined> {
  const adminUrl = process.env.SENTRA_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `sentra_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch {
    return undefined;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await withPGlite((local) => work({ ...local, SENTRA_DATABASE_URL: url.toString() }));
  } finally {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  }
}
