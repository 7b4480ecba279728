import pg from "pg";
import type { Logger } from "pino";

/** An arbitrary, fixed advisory-lock key that names "the process that runs routing". */
const ROUTING_LOCK_KEY = 7_243_002;
const RETRY_MS = 2_000;

export interface RoutingLease {
  /** Resolves once this process holds the lease (at once on the embedded store). */
  readonly acquired: Promise<void>;
  release(): Promise<void>;
}

/**
 * The routing engine is one in-memory state machine, so exactly one process may run it against a database.
 * On PostgreSQL that process holds a session advisory lock on a connection of its own; the others wait in
 * standby and retry, and take over (replaying the log) when the holder's connection ends, crash included.
 * If the holder loses its connection it can no longer be sure it is alone, so it stops the process.
 * Embedded PGlite belongs to one process by construction.
 */
export function acquireRoutingLease(databaseUrl: string | undefined, logger: Logger): RoutingLease {
  if (!databaseUrl) return { acquired: Promise.resolve(), release: async () => {} };
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const acquired = new Promise<void>((resolve) => {
    const attempt = async () => {
      if (stopped) return;
      const candidate = new pg.Client({
        connectionString: databaseUrl,
        application_name: "sentra-routing-lease",
      });
      try {
        await candidate.connect();
        const { rows } = await candidate.query<{ ok: boolean }>("select pg_try_advisory_lock($1) as ok", [
          ROUTING_LOCK_KEY,
        ]);
        if (rows[0]?.ok && !stopped) {
          client = candidate;
          candidate.on("error", (error) => {
            if (stopped) return;
            logger.fatal(
              { err: error },
              "lost the routing lease connection; stopping so another process can take over",
            );
            process.exit(70);
          });
          logger.info("this process runs routing");
          resolve();
          return;
        }
        await candidate.end();
        logger.info("routing runs in another process; standing by");
      } catch (error) {
        logger.warn({ err: error }, "could not check the routing lease; retrying");
        await candidate.end().catch(() => undefined);
      }
      retry = setTimeout(() => void attempt(), RETRY_MS);
    };
    void attempt();
  });
  return {
    acquired,
    release: async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
