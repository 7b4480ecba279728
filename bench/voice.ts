/**
 * Calls through the whole voice engine: sipp places N concurrent calls (RFC 2833 key into the queue, 8 s of
 * G.711 speech from its sample capture, then music on hold) against an in-process platform on PGlite. Each
 * step holds N calls at once and measures a 4 s window: the packets the server's sessions received from the
 * callers (loss) and how late the shared 20 ms scheduler ran (late p99, from a probe on it), CPU and memory. Steps grow until loss > 0.5 % or late p99 > 20 ms
 * (the limits). Calls wait in the queue (no agents), so each is one RTP leg each way: music out,
 * speech in — not yet bridged to an agent leg.
 *
 *   npm run bench -- voice        (VOICE_STEPS=50,100,200,… to choose the steps)
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { LatencyHistogram } from "@sentra/core";
import { loadConfig, startPlatform } from "@sentra/server";
import { withPGlite } from "./bench-stores.js";

const STEPS = (process.env.VOICE_STEPS ?? "50,100,200,400,600,800,1000").split(",").map(Number);
const CALL_RATE = Number(process.env.VOICE_CPS ?? 50);
const SCENARIO = fileURLToPath(new URL("../sipp/caller-waits.xml", import.meta.url));
const MAX_LOSS_PCT = 0.5;
const MAX_LATE_P99_MS = 20;
const ADMIN = { email: "bench@sentra.test", password: "bench-admin-password" };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function sipp(target: string, calls: number): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    "/usr/bin/sipp",
    [
      target,
      "-sf",
      SCENARIO,
      "-s",
      "8000",
      "-i",
      "127.0.0.1",
      "-p",
      "0",
      "-m",
      String(calls),
      "-l",
      String(calls),
      "-r",
      String(CALL_RATE),
      "-timeout",
      "120s",
      "-nostdin",
      "-max_socket",
      "4096",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  });
  child.stderr.on("data", (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

export async function run(): Promise<void> {
  await withPGlite(async (store) => {
    const platform = await startPlatform(
      loadConfig({
        ...store,
        SENTRA_PORT: "0",
        SENTRA_LOG_LEVEL: "error",
        SENTRA_ADMIN_EMAIL: ADMIN.email,
        SENTRA_ADMIN_PASSWORD: ADMIN.password,
        SENTRA_SEED_DEMO: "false",
        SENTRA_SMTP_ENABLED: "false",
        SENTRA_IMAP_ENABLED: "false",
        SENTRA_SIP_PORT: "0",
        SENTRA_SIP_INVITE_RATE: "10000",
        SENTRA_SIP_MAX_CALLS_PER_TENANT: "10000",
        SENTRA_RTP_PORT_MIN: "30000",
        SENTRA_RTP_PORT_MAX: "39998",
        SENTRA_LOGIN_RATE_PER_MINUTE: "100000",
      }),
    );
    try {
      const api = async <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
        const reply = await fetch(`${platform.url}/api/v1${path}`, {
          method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        if (!reply.ok) throw new Error(`${method} ${path}: ${reply.status} ${await reply.text()}`);
        return (await reply.json()) as T;
      };
      const token = (await api<{ token: string }>("POST", "/auth/login", undefined, ADMIN)).token;
      const queue = await api<{ id: string }>("POST", "/queues", token, {
        name: "Bench phone",
        settings: { channels: ["voice"] },
      });
      const flow = await api<{ id: string }>("POST", "/ivr/flows", token, {
        name: "Bench",
        definition: {
          entry: "menu",
          nodes: {
            menu: { type: "menu", prompts: ["invalid-choice"], choices: { "1": "q" }, fallback: "q" },
            q: { type: "transfer", queueId: queue.id },
          },
        },
      });
      await api("POST", `/ivr/flows/${flow.id}/publish`, token, {});
      await api("POST", "/ivr/dids", token, { number: "8000", flowId: flow.id });
      const voice = platform.voice!;
      const target = `127.0.0.1:${voice.sipPort}`;
      const steps: Record<string, number>[] = [];
      // Memory per call is measured against the process at rest with the platform up, before any call.
      await sleep(2_000);
      const idleRss = process.memoryUsage().rss;
      let best: Record<string, number> | null = null;
      for (const calls of STEPS) {
        const started = performance.now();
        const done = sipp(target, calls);
        // Wait until every call is up (queued), then measure a window while all of them run.
        while (voice.engine.activeCalls < calls && performance.now() - started < 60_000) await sleep(100);
        const setupSeconds = (performance.now() - started) / 1000;
        // The window: packets each live call received and lost during it, and how late the shared
        // scheduler's 20 ms ticks ran (a probe on the same scheduler), not the calls' setup before it.
        const before = new Map(voice.engine.calls().map((c) => [c, c.mediaStats()] as const));
        const ticks = new LatencyHistogram(0.25, 1000);
        const probe = voice.scheduler.add({ onTick: (tick) => ticks.record(tick.nowMs - tick.deadlineMs) });
        const cpuBefore = process.cpuUsage();
        const windowStart = performance.now();
        await sleep(4_000);
        const cpu = process.cpuUsage(cpuBefore);
        const cpuPct = ((cpu.user + cpu.system) / 1000 / (performance.now() - windowStart)) * 100;
        probe.remove();
        const live = voice.engine.calls();
        let expected = 0;
        let received = 0;
        for (const call of live) {
          const start = before.get(call);
          if (!start) continue;
          const now = call.mediaStats();
          expected += now.packetsExpected - start.packetsExpected;
          received += now.packetsReceived - start.packetsReceived;
        }
        const late = ticks.percentile(99);
        const rssDuring = process.memoryUsage().rss;
        const sched = voice.scheduler.stats();
        const result = await done;
        while (voice.engine.activeCalls > 0) await sleep(100);
        const step = {
          concurrent_calls: live.length,
          setup_cps: round(live.length / setupSeconds, 1),
          cpu_pct: round(cpuPct, 1),
          loss_pct: expected > 0 ? round((Math.max(0, expected - received) / expected) * 100, 3) : 0,
          late_p99_ms: round(late),
          skipped_ticks_total: sched.skippedTicks,
          rss_mb_over_idle: round((rssDuring - idleRss) / 1048576, 1),
          sipp_exit: result.code ?? -1,
        };
        steps.push(step);
        console.log(JSON.stringify({ step }));
        const ok =
          step.concurrent_calls >= calls * 0.99 &&
          step.loss_pct <= MAX_LOSS_PCT &&
          step.late_p99_ms <= MAX_LATE_P99_MS;
        if (!ok) break;
        best = step;
      }
      const last = best ?? steps[0]!;
      console.log(
        JSON.stringify({
          bench: "voice",
          max_concurrent_calls: best ? best.concurrent_calls : 0,
          setup_cps: last.setup_cps,
          cpu_pct_per_call: round((last.cpu_pct ?? 0) / Math.max(1, last.concurrent_calls ?? 1), 3),
          mem_kb_per_call: round(
            ((last.rss_mb_over_idle ?? 0) * 1024) / Math.max(1, last.concurrent_calls ?? 1),
            1,
          ),
          loss_pct: last.loss_pct,
          late_p99_ms: last.late_p99_ms,
          skipped_ticks_total: last.skipped_ticks_total,
          legs_per_call: 1,
          offered_cps: CALL_RATE,
          load_average_1m: round((await import("node:os")).loadavg()[0] ?? 0),
        }),
      );
    } finally {
      await platform.close();
    }
  });
}
