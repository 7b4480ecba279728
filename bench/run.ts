/**
 * `npm run bench -- <name>` runs one benchmark; with no name it lists them. Each benchmark prints, as the
 * last line on stdout, one JSON object `{ "bench": "<name>", ...figures }`.
 */
const BENCHMARKS: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  routing: () => import("./routing.js"),
  startup: () => import("./startup.js"),
  "routing-e2e": () => import("./routing-e2e-only.js"),
  "customers-dedup": () => import("./customers-dedup.js"),
  wfm: () => import("./wfm.js"),
  "messaging-webhooks": () => import("./messaging-webhooks.js"),
  "voice-media": () => import("./voice-media.js"),
  chat: () => import("./chat.js"),
  voice: () => import("./voice.js"),
};

const name = process.argv[2];
if (!name || !(name in BENCHMARKS)) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join("|")}>`);
  process.exitCode = name ? 2 : 0;
} else {
  const load = BENCHMARKS[name]!;
  await (await load()).run();
}
