/**
 * `npm run bench -- messaging-webhooks`: how fast signed WhatsApp webhooks become stored, routed messages,
 * over real HTTP on the embedded store. Each webhook carries one text message from its own number (so
 * each is a new customer and a new conversation with its interaction: the heaviest path), sent
 * `CONCURRENCY` at a time; then every webhook is redelivered once, as providers do, to time the dedupe path.
 */
import { createHmac } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig, startPlatform } from "@sentra/server";

const ADMIN = { email: "bench@sentra.test", password: "bench-admin-password" };
const APP_SECRET = "bench-app-secret-0123456789";
const PHONE_NUMBER_ID = "106540352242922";
const WEBHOOKS = 500;
const CONCURRENCY = 10;

async function call<T>(
  base: string,
  method: string,
  url: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

const webhook = (i: number): string =>
  JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "1",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: `Nasabah ${i}` }, wa_id: `62812${String(i).padStart(8, "0")}` }],
              messages: [
                {
                  from: `62812${String(i).padStart(8, "0")}`,
                  id: `wamid.bench-${i}`,
                  timestamp: "1763900000",
                  type: "text",
                  text: { body: `Pesan nomor ${i}` },
                },
              ],
            },
          },
        ],
      },
    ],
  });

async function postAll(url: string, bodies: string[]): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < bodies.length; i += CONCURRENCY) {
    await Promise.all(
      bodies.slice(i, i + CONCURRENCY).map(async (body) => {
        const t = performance.now();
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-hub-signature-256": `sha256=${createHmac("sha256", APP_SECRET).update(body).digest("hex")}`,
          },
          body,
        });
        if (response.status !== 200)
          throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
        latencies.push(performance.now() - t);
      }),
    );
  }
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

const pct = (sorted: number[], p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!);

export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "sentra-bench-messaging-"));
  const platform = await startPlatform(
    loadConfig({
      SENTRA_PORT: "0",
      SENTRA_LOG_LEVEL: "error",
      SENTRA_ADMIN_EMAIL: ADMIN.email,
      SENTRA_ADMIN_PASSWORD: ADMIN.password,
      SENTRA_SEED_DEMO: "false",
      SENTRA_SMTP_PORT: "0",
      SENTRA_SIP_ENABLED: "false",
      SENTRA_DATA_DIR: dir,
    }),
  );
  try {
    const base = platform.url;
    const admin = (await call<{ token: string }>(base, "POST", "/api/v1/auth/login", undefined, ADMIN)).token;
    const queue = await call<{ id: string }>(base, "POST", "/api/v1/queues", admin, {
      name: "Bench messaging",
      settings: { channels: ["message"] },
    });
    const account = await call<{ webhookPath: string }>(base, "POST", "/api/v1/channels/messaging", admin, {
      provider: "whatsapp",
      name: "Bench WhatsApp",
      queueId: queue.id,
      phoneNumberId: PHONE_NUMBER_ID,
      apiBaseUrl: "http://127.0.0.1:9/v21.0",
      accessToken: "bench-access-token-0123456789",
      appSecret: APP_SECRET,
      verifyToken: "bench-verify",
    });
    const bodies = Array.from({ length: WEBHOOKS }, (_, i) => webhook(i));
    const fresh = await postAll(`${base}${account.webhookPath}`, bodies);
    const redelivered = await postAll(`${base}${account.webhookPath}`, bodies);
    console.log(
      JSON.stringify({
        bench: "messaging-webhooks",
        store: "pglite",
        webhooks: WEBHOOKS,
        concurrency: CONCURRENCY,
        new_messages_per_sec: Math.round(WEBHOOKS / fresh.seconds),
        new_p50_ms: pct(fresh.latencies, 0.5),
        new_p95_ms: pct(fresh.latencies, 0.95),
        duplicates_per_sec: Math.round(WEBHOOKS / redelivered.seconds),
        duplicate_p95_ms: pct(redelivered.latencies, 0.95),
      }),
    );
  } finally {
    await platform.close();
    await rm(dir, { recursive: true, force: true });
  }
}
