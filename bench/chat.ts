/**
 * Web chat under load: N visitors (default 2,000) each start a chat through the public visitor API and keep
 * its WebSocket open; agents with chat capacity take the chats over the agent socket and the API. Then every
 * visitor and its agent trade messages: visitor POST → stored → pushed to the agent's socket, agent POST →
 * stored → outbox → pushed to the visitor's socket. Prints messages per second through the server and the
 * delivery latency (send started → push received, including any wait for one of the 200 HTTP requests the
 * simulated browsers may have in flight), on embedded PGlite or (`--store postgres`) a PostgreSQL server.
 *
 *   npm run bench -- chat [--connections 2000] [--rounds 2] [--capacity 25] [--store pglite|postgres]
 */
import { readFileSync } from "node:fs";
import { loadConfig, startPlatform } from "@sentra/server";
import WebSocket from "ws";
import { type StoreSettings, withPGlite, withPostgres } from "./bench-stores.js";

const ADMIN = { email: "bench@sentra.test", password: "bench-admin-password" };

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
  return value;
}

/**
 * The simulated browsers share at most this many HTTP requests in flight (their WebSockets all stay open).
 * Client and server share one process and event loop here: thousands of simultaneous TCP connects would
 * overflow the listen backlog and time out, which measures the benchmark, not Sentra.
 */
const HTTP_IN_FLIGHT = 200;
let inFlight = 0;
const waiting: (() => void)[] = [];
async function slot(): Promise<() => void> {
  if (inFlight >= HTTP_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
  inFlight++;
  return () => {
    inFlight--;
    waiting.shift()?.();
  };
}

/** Requests the client had to send again because a kept-alive connection was reset before any answer. */
let resent = 0;

async function call<T>(
  base: string,
  method: string,
  url: string,
  token?: string,
  body?: unknown,
  visitor = false,
): Promise<T> {
  const init: RequestInit = {
    method,
    headers: {
      ...(token ? (visitor ? { "x-webchat-token": token } : { authorization: `Bearer ${token}` }) : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  const release = await slot();
  let response: Response;
  let text: string;
  try {
    try {
      response = await fetch(`${base}${url}`, init);
    } catch (error) {
      // A pooled connection the server closed while idle fails before the request reached a handler.
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code !== "ECONNRESET" && code !== "UND_ERR_SOCKET") throw error;
      resent++;
      response = await fetch(`${base}${url}`, init);
    }
    text = await response.text();
  } finally {
    release();
  }
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function inBatches<T>(count: number, width: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await work(i);
      }
    }),
  );
  return out;
}

const openSocket = (url: string, headers?: Record<string, string>) =>
  new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(url, headers ? { headers } : {});
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });

/** The soft open-files limit of this process (Linux), or null where it cannot be read. */
function descriptorLimit(): number | null {
  try {
    const line = readFileSync("/proc/self/limits", "utf8")
      .split("\n")
      .find((l) => l.startsWith("Max open files"));
    const soft = line?.split(/\s{2,}/)[1];
    return soft && /^\d+$/.test(soft) ? Number(soft) : null;
  } catch {
    return null;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function run(): Promise<void> {
  const at = process.argv.indexOf("--store");
  const store = at >= 0 ? process.argv[at + 1] : "pglite";
  if (store !== "pglite" && store !== "postgres") throw new Error("--store must be pglite or postgres");
  const result =
    store === "pglite"
      ? await withPGlite((settings) => measure(settings, store))
      : await withPostgres((settings) => measure(settings, store));
  if (result === undefined) throw new Error("No PostgreSQL server answers at SENTRA_BENCH_DATABASE_URL.");
  console.log(JSON.stringify(result));
}

async function measure(storeSettings: StoreSettings, store: string): Promise<Record<string, unknown>> {
  const connections = option("connections", 2_000);
  const rounds = option("rounds", 2);
  const capacity = option("capacity", 25);
  const agentCount = Math.ceil(connections / capacity);
  // Each visitor holds a WebSocket and, while sending, an HTTP connection — on both ends, in this one
  // process: about 4 descriptors per visitor. Refuse early instead of failing with EMFILE half-way.
  const fdLimit = descriptorLimit();
  if (fdLimit !== null && fdLimit < connections * 4 + 1_000)
    throw new Error(
      `ulimit -n is ${fdLimit}; ${connections} connections need about ${connections * 4 + 1_000}`,
    );
  const platform = await startPlatform(
    loadConfig({
      ...storeSettings,
      SENTRA_PORT: "0",
      SENTRA_LOG_LEVEL: "error",
      SENTRA_ADMIN_EMAIL: ADMIN.email,
      SENTRA_ADMIN_PASSWORD: ADMIN.password,
      SENTRA_SEED_DEMO: "false",
      SENTRA_SMTP_ENABLED: "false",
      SENTRA_IMAP_ENABLED: "false",
      SENTRA_SIP_ENABLED: "false",
      // Every simulated visitor comes from 127.0.0.1: the per-IP limits are raised, not switched off.
      SENTRA_LOGIN_RATE_PER_MINUTE: "100000",
      SENTRA_WEBCHAT_SESSIONS_PER_MINUTE: String(connections * 2),
      SENTRA_WEBCHAT_REQUESTS_PER_MINUTE: String(connections * (rounds + 2) * 4),
    }),
  );
  const sockets: WebSocket[] = [];
  try {
    const base = platform.url;
    const ws = base.replace(/^http/, "ws");
    const admin = (await call<{ token: string }>(base, "POST", "/api/v1/auth/login", undefined, ADMIN)).token;
    const tenantId = (await call<{ id: string }>(base, "GET", "/api/v1/tenant", admin)).id;
    const queue = await call<{ id: string }>(base, "POST", "/api/v1/queues", admin, {
      name: "Bench chat",
      settings: { channels: ["chat"], policy: "least_occupied" },
    });
    const key = await call<{ publicKey: string }>(base, "POST", "/api/v1/channels/web-chat", admin, {
      name: "Bench site",
      queueId: queue.id,
    });

    // Conversation → what is in flight on it, to time each delivery.
    const visitorSentAt = new Map<string, number>();
    const agentSentAt = new Map<string, number>();
    const toAgent: number[] = [];
    const toVisitor: number[] = [];
    const accepted = new Set<string>();
    let acceptedAll!: () => void;
    const allAccepted = new Promise<void>((resolve) => {
      acceptedAll = resolve;
    });
    let delivered = 0;
    let finishAll!: () => void;
    const allDone = new Promise<void>((resolve) => {
      finishAll = resolve;
    });
    const target = connections * rounds * 2;
    const countDelivery = () => {
      delivered++;
      if (delivered === target) finishAll();
    };
    const fail = (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
      finishAll();
      acceptedAll();
    };

    for (let i = 0; i < agentCount; i++) {
      const email = `chat-agent-${i}@sentra.test`;
      const user = await platform.services.users.create(null, tenantId, {
        email,
        displayName: `Chat ${i}`,
        role: "agent",
        locale: "en",
        password: "bench-agent-password",
      });
      await call(base, "PUT", `/api/v1/agents/${user.id}/profile`, admin, {
        capacity: { max: { chat: capacity } },
      });
      const token = (
        await call<{ token: string }>(base, "POST", "/api/v1/auth/login", undefined, {
          email,
          password: "bench-agent-password",
        })
      ).token;
      const socket = await openSocket(`${ws}/api/v1/realtime`, { authorization: `Bearer ${token}` });
      socket.send(JSON.stringify({ type: "subscribe", topic: `agent:${user.id}` }));
      socket.on("message", (data) => {
        const message = JSON.parse(String(data)) as {
          event?: {
            type: string;
            data: { interactionId: string; agentId?: string; conversationId?: string };
          };
        };
        const event = message.event;
        if (event?.type === "routing.offer_made" && event.data.agentId === user.id) {
          const id = event.data.interactionId;
          call(base, "POST", `/api/v1/interactions/${id}/accept`, token)
            .then(() => {
              accepted.add(id);
              if (accepted.size === connections) acceptedAll();
            })
            .catch(fail);
        } else if (event?.type === "conversation.message_added" && event.data.conversationId) {
          const conversationId = event.data.conversationId;
          const sentAt = visitorSentAt.get(conversationId);
          if (sentAt === undefined) return;
          visitorSentAt.delete(conversationId);
          toAgent.push(performance.now() - sentAt);
          countDelivery();
          agentSentAt.set(conversationId, performance.now());
          call(base, "POST", `/api/v1/conversations/${conversationId}/messages`, token, {
            body: "Baik, kami bantu.",
          }).catch(fail);
        }
      });
      sockets.push(socket);
      await call(base, "PUT", "/api/v1/agents/me/state", token, { state: "available" });
    }

    const setupStarted = performance.now();
    const visitors = await inBatches(connections, 50, async (i) => {
      const session = await call<{ token: string; conversationId: string }>(
        base,
        "POST",
        "/api/v1/webchat/sessions",
        undefined,
        {
          key: key.publicKey,
          name: `Visitor ${i}`,
          email: `visitor-${i}@bench.test`,
        },
      );
      const socket = await openSocket(
        `${ws}/api/v1/webchat/socket?token=${encodeURIComponent(session.token)}`,
      );
      sockets.push(socket);
      return { ...session, socket, round: 0 };
    });
    await allAccepted;
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    const send = (v: (typeof visitors)[number]) => {
      visitorSentAt.set(v.conversationId, performance.now());
      call(
        base,
        "POST",
        "/api/v1/webchat/messages",
        v.token,
        { text: `Halo, pesan ${v.round + 1}` },
        true,
      ).catch(fail);
    };
    for (const v of visitors) {
      v.socket.on("message", (data) => {
        const push = JSON.parse(String(data)) as { type: string; message?: { from: string } };
        if (push.type !== "message" || push.message?.from !== "agent") return;
        const sentAt = agentSentAt.get(v.conversationId);
        if (sentAt === undefined) return;
        agentSentAt.delete(v.conversationId);
        toVisitor.push(performance.now() - sentAt);
        countDelivery();
        v.round++;
        if (v.round < rounds) send(v);
      });
    }
    const started = performance.now();
    for (const v of visitors) send(v);
    await allDone;
    const seconds = (performance.now() - started) / 1000;
    const all = [...toAgent, ...toVisitor].sort((a, b) => a - b);
    const sortedAgent = [...toAgent].sort((a, b) => a - b);
    const sortedVisitor = [...toVisitor].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      bench: "chat",
      store,
      connections,
      agents: agentCount,
      fd_limit: fdLimit,
      rounds,
      messages: delivered,
      resent_requests: resent,
      http_in_flight_max: HTTP_IN_FLIGHT,
      setup_seconds: round(setupSeconds),
      visitor_to_agent_p50_ms: round(percentile(sortedAgent, 50)),
      visitor_to_agent_p99_ms: round(percentile(sortedAgent, 99)),
      agent_to_visitor_p50_ms: round(percentile(sortedVisitor, 50)),
      agent_to_visitor_p99_ms: round(percentile(sortedVisitor, 99)),
      p50_ms: round(percentile(all, 50)),
      messages_per_sec: Math.round(delivered / seconds),
      p99_ms: round(percentile(all, 99)),
    };
  } finally {
    for (const socket of sockets) socket.terminate();
    await platform.close();
  }
}
