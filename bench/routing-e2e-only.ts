/** `npm run bench -- routing-e2e`: only the end-to-end figures of the routing benchmark, for quick checks. */
import { measurePGlite, measurePostgres } from "./routing-e2e.js";

export async function run(): Promise<void> {
  const options = { agents: 100, interactions: 3_000, createConcurrency: 50 };
  const pglite = await measurePGlite(options);
  const postgres = await measurePostgres(options);
  const round = (n: number | undefined) => (n === undefined ? null : Math.round(n));
  console.log(
    JSON.stringify({
      bench: "routing-e2e",
      ...options,
      e2e_interactions_per_sec_pglite: round(pglite),
      e2e_interactions_per_sec_postgres: round(postgres),
    }),
  );
}
