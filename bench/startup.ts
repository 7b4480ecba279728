/**
 * `npm run bench -- startup`: how long `sentra start` takes to answer /health, and how much memory it holds
 * when idle. Measures a first start (new PGlite store: initdb, migrations, demo seed) and a restart on the same
 * store, against a baseline in the same run: a bare Node HTTP server spawned the same way.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../../packages/cli/dist/main.js", import.meta.url));
const IDLE_MS = 5_000;

interface Sample {
  readyMs: number;
  idleRssMb: number;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

async function measure(args: string[], env: Record<string, string>, port: number): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", ...env, SENTRA_PORT: String(port), SENTRA_LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  try {
    let readyMs = Number.NaN;
    for (let attempt = 0; attempt < 1200; attempt++) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) {
        readyMs = performance.now() - started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (Number.isNaN(readyMs)) throw new Error(`no /health answer from ${args.join(" ")}`);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { readyMs: Math.round(readyMs), idleRssMb: await rssMb(child.pid!) };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

export async function run(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "sentra-bench-startup-"));
  try {
    const baselineScript =
      "require('node:http').createServer((q,s)=>s.end('ok')).listen(Number(process.env.SENTRA_PORT),'127.0.0.1')";
    const baseline = await measure(["-e", baselineScript], {}, 3901);
    const env = { SENTRA_DATA_DIR: path.join(dataDir, "data") };
    const first = await measure([cli, "start"], env, 3902);
    const restart = await measure([cli, "start"], env, 3903);
    const result = {
      bench: "startup",
      store: "pglite",
      first_start_ready_ms: first.readyMs,
      restart_ready_ms: restart.readyMs,
      idle_rss_mb: restart.idleRssMb,
      first_start_idle_rss_mb: first.idleRssMb,
      baseline_node_http_ready_ms: baseline.readyMs,
      baseline_node_http_idle_rss_mb: baseline.idleRssMb,
      restart_vs_baseline_ready_ratio: Math.round((restart.readyMs / baseline.readyMs) * 10) / 10,
    };
    console.log(JSON.stringify(result));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
