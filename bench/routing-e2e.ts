/**
 * The path a user feels: interactions created over HTTP, offered over the realtime WebSocket, accepted,
 * completed and wrapped up over HTTP by simulated agents, every command and decision persisted. Runs on
 * embedded PGlite and, when reachable, on the PostgreSQL server.
 */
import { loadConfig, startPlatform } from "@sentra/server";
import WebSocket from "ws";
import { withPGlite, withPostgres } from "./bench-stores.js";

const ADMIN = { email: "bench@sentra.test", password: "bench-admin-password" };

export interface E2eOptions {
  agents: number;
  interactions: number;
  createConcurrency: number;
}

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

/** Interactions per second from the first creation to the last wrap-up. */
async function run(env: Record<string, string>, options: E2eOptions): Promise<number> {
  const platform = await startPlatform(
    loadConfig({
      SENTRA_PORT: "0",
      SENTRA_LOG_LEVEL: "error",
      SENTRA_ADMIN_EMAIL: ADMIN.email,
      SENTRA_ADMIN_PASSWORD: ADMIN.password,
      SENTRA_SEED_DEMO: "false",
      SENTRA_LOGIN_RATE_PER_MINUTE: "100000",
      SENTRA_SIP_ENABLED: "false",
      ...env,
    }),
  );
  const sockets: WebSocket[] = [];
  try {
    const base = platform.url;
    const admin = (await call<{ token: string }>(base, "POST", "/api/v1/auth/login", undefined, ADMIN)).token;
    const tenantId = (await call<{ id: string }>(base, "GET", "/api/v1/tenant", admin)).id;
    const queue = await call<{ id: string }>(base, "POST", "/api/v1/queues", admin, {
      name: "Bench chat",
      settings: { channels: ["chat"], policy: "least_occupied" },
    });
    let wrapped = 0;
    let done!: () => void;
    const allDone = new Promise<void>((resolve) => {
      done = resolve;
    });
    for (let i = 0; i < options.agents; i++) {
      const email = `bench-agent-${i}@sentra.test`;
      const user = await platform.services.users.create(null, tenantId, {
        email,
        displayName: `Bench ${i}`,
        role: "agent",
        locale: "id",
        password: "bench-agent-password",
      });
      const token = (
        await call<{ token: string }>(base, "POST", "/api/v1/auth/login", undefined, {
          email,
          password: "bench-agent-password",
        })
      ).token;
      const socket = new WebSocket(`${base.replace(/^http/, "ws")}/api/v1/realtime`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await new Promise((resolve, reject) => {
        socket.once("open", resolve);
        socket.once("error", reject);
      });
      socket.send(JSON.stringify({ type: "subscribe", topic: `agent:${user.id}` }));
      socket.on("message", (data) => {
        const message = JSON.parse(data.toString()) as {
          event?: { type: string; data: { interactionId: string; agentId: string } };
        };
        if (message.event?.type !== "routing.offer_made" || message.event.data.agentId !== user.id) return;
        const id = message.event.data.interactionId;
        void (async () => {
          await call(base, "POST", `/api/v1/interactions/${id}/accept`, token);
          await call(base, "POST", `/api/v1/interactions/${id}/complete`, token);
          await call(base, "POST", `/api/v1/interactions/${id}/wrap-up`, token, { disposition: "resolved" });
          wrapped++;
          if (wrapped === options.interactions) done();
        })();
      });
      sockets.push(socket);
      await call(base, "PUT", "/api/v1/agents/me/state", token, { state: "available" });
    }
    const started = performance.now();
    for (let i = 0; i < options.interactions; i += options.createConcurrency) {
      await Promise.all(
        Array.from({ length: Math.min(options.createConcurrency, options.interactions - i) }, () =>
          call(base, "POST", "/api/v1/interactions", admin, { channel: "chat", queueId: queue.id }),
        ),
      );
    }
    await allDone;
    return options.interactions / ((performance.now() - started) / 1000);
  } finally {
    for (const socket of sockets) socket.close();
    await platform.close();
  }
}

export function measurePGlite(options: E2eOptions): Promise<number> {
  return withPGlite((store) => run(store, options));
}

/** Undefined when no PostgreSQL server answers at SENTRA_BENCH_DATABASE_URL (default: the local one). */
export function measurePostgres(options: E2eOptions): Promise<number | undefined> {
  return withPostgres((store) => run(store, options));
}

/** The end-to-end figures both routing benchmarks print: 100 agents working 3,000 chats. */
export async function measureE2e(): Promise<Record<string, number | null>> {
  const options: E2eOptions = { agents: 100, interactions: 3_000, createConcurrency: 50 };
  const pglite = await measurePGlite(options);
  const postgres = await measurePostgres(options);
  return {
    e2e_interactions_per_sec_pglite: Math.round(pglite),
    e2e_interactions_per_sec_postgres: postgres === undefined ? null : Math.round(postgres),
    e2e_agents: options.agents,
    e2e_interactions: options.interactions,
  };
}
