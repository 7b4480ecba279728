import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { RealtimeClient } from "../testing/realtime-client.js";
import { httpJson } from "../testing/server-process.js";
import { describeEachStore } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";

const AGENTS = 200;
const CHATS = 1_000;
const CREATE_CONCURRENCY = 25;

/**
 * The whole path at scale: chats created over HTTP, offered over realtime, accepted, completed and wrapped up
 * by 200 simulated agents over HTTP. Nothing may be lost, and nothing assigned twice.
 */
describeEachStore("1,000 chats and 200 agents end to end", (target) => {
  let platform: TestPlatform;
  let base: string;
  let adminToken: string;
  let queueId: string;
  const agents: { id: string; token: string; socket: RealtimeClient }[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform(target, { SENTRA_LOGIN_RATE_PER_MINUTE: "1000" });
    base = platform.url;
    adminToken = (
      await httpJson<{ token: string }>(`${base}/api/v1/auth/login`, {
        method: "POST",
        body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      })
    ).body.token;
    queueId = (
      await httpJson<{ id: string }>(`${base}/api/v1/queues`, {
        method: "POST",
        token: adminToken,
        body: { name: "Web chat", settings: { channels: ["chat"], policy: "least_occupied" } },
      })
    ).body.id;
    // Accounts are made through the service to keep argon2 hashing out of the measured path; every agent
    // still logs in, connects and works through HTTP and the WebSocket.
    const tenantId = (await httpJson<{ id: string }>(`${base}/api/v1/tenant`, { token: adminToken })).body.id;
    for (let i = 0; i < AGENTS; i++) {
      const email = `load${i}@acme.test`;
      const user = await platform.services.users.create(null, tenantId, {
        email,
        displayName: `Load ${i}`,
        role: "agent",
        locale: "id",
        password: "load-agent-password",
      });
      const login = await httpJson<{ token: string }>(`${base}/api/v1/auth/login`, {
        method: "POST",
        body: { email, password: "load-agent-password" },
      });
      const socket = await RealtimeClient.connect(base, login.body.token);
      await socket.subscribe(`agent:${user.id}`);
      agents.push({ id: user.id, token: login.body.token, socket });
    }
  }, 300_000);
  afterAll(async () => {
    for (const a of agents) a.socket.close();
    await platform?.dispose();
  });

  it("routes every chat exactly once and closes all of them", async () => {
    const accepted = new Map<string, string>();
    const doubleOffers: string[] = [];
    const work: Promise<void>[] = [];
    let failures = 0;
    for (const agent of agents) {
      agent.socket.socket.on("message", (data) => {
        const message = JSON.parse(data.toString()) as {
          type: string;
          event?: { type: string; data: { interactionId: string; agentId: string } };
        };
        if (message.event?.type !== "routing.offer_made" || message.event.data.agentId !== agent.id) return;
        const interactionId = message.event.data.interactionId;
        if (accepted.has(interactionId)) doubleOffers.push(interactionId);
        work.push(
          (async () => {
            const call = (path: string, body?: unknown) =>
              httpJson(`${base}/api/v1/interactions/${interactionId}/${path}`, {
                method: "POST",
                token: agent.token,
                body,
              });
            const accept = await call("accept");
            if (accept.status !== 200) {
              failures++;
              return;
            }
            accepted.set(interactionId, agent.id);
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
            if ((await call("complete")).status !== 200) failures++;
            if ((await call("wrap-up", { disposition: "resolved" })).status !== 200) failures++;
          })(),
        );
      });
    }
    const started = performance.now();
    for (const agent of agents) {
      const state = await httpJson(`${base}/api/v1/agents/me/state`, {
        method: "PUT",
        token: agent.token,
        body: { state: "available" },
      });
      expect(state.status).toBe(200);
    }
    const created: string[] = [];
    for (let i = 0; i < CHATS; i += CREATE_CONCURRENCY) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(CREATE_CONCURRENCY, CHATS - i) }, () =>
          httpJson<{ interactionId: string }>(`${base}/api/v1/interactions`, {
            method: "POST",
            token: adminToken,
            body: { channel: "chat", queueId },
          }),
        ),
      );
      for (const reply of batch) {
        expect(reply.status).toBe(201);
        created.push(reply.body.interactionId);
      }
    }
    const deadline = Date.now() + 120_000;
    while (accepted.size < CHATS && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all(work);
    const seconds = (performance.now() - started) / 1000;
    console.info(`[load] ${target.name}: ${CHATS} chats through ${AGENTS} agents in ${seconds.toFixed(1)} s`);

    expect(failures).toBe(0);
    expect(doubleOffers).toEqual([]);
    expect(new Set(created).size).toBe(CHATS);
    expect([...accepted.keys()].sort()).toEqual([...created].sort());
    const engine = platform.services.routingRuntime.engine;
    expect(engine.findUnmatchedPair()).toBeUndefined();
    const tenantId = await tenantOf();
    for (const id of created) expect(engine.interaction(tenantId, id)).toBeUndefined();

    // The event log agrees: each chat connected once, to the agent that accepted it, and was closed.
    const rows = await sql<{ interaction_id: string; to_state: string; agent_id: string | null; n: number }>`
      select interaction_id, event->>'to' as to_state, agent_id, count(*)::int as n
      from routing_events where type = 'interaction_transitioned' and event->>'to' in ('connected', 'closed')
      group by interaction_id, event->>'to', agent_id
    `.execute(platform.services.db);
    const connected = rows.rows.filter((r) => r.to_state === "connected");
    expect(connected).toHaveLength(CHATS);
    for (const row of connected) {
      expect(row.n).toBe(1);
      expect(row.agent_id).toBe(accepted.get(row.interaction_id));
    }
    expect(rows.rows.filter((r) => r.to_state === "closed")).toHaveLength(CHATS);
  }, 300_000);

  async function tenantOf(): Promise<string> {
    return (await httpJson<{ id: string }>(`${base}/api/v1/tenant`, { token: adminToken })).body.id;
  }
});
