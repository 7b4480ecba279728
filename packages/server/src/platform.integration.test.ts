import { afterAll, describe, expect, it } from "vitest";
import { httpJson, startServerProcess } from "./testing/server-process.js";
import { describeEachStore, postgresAvailable, storeTargets } from "./testing/services-under-test.js";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./testing/test-platform.js";

describeEachStore("the server process", (target) => {
  const disposers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const dispose of disposers.reverse()) await dispose();
  });

  it("loses no committed data when killed with SIGKILL and started again", async () => {
    const store = await target.create();
    disposers.push(store.dispose);
    const env = {
      ...store.env,
      SENTRA_ADMIN_EMAIL: ADMIN_EMAIL,
      SENTRA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SENTRA_SEED_DEMO: "false",
    };
    const first = await startServerProcess(env);
    const login = await httpJson<{ token: string }>(`${first.url}/api/v1/auth/login`, {
      method: "POST",
      body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    const created: string[] = [];
    for (let i = 0; i < 20; i++) {
      const reply = await httpJson<{ email: string }>(`${first.url}/api/v1/users`, {
        method: "POST",
        token: login.body.token,
        body: { email: `durable${i}@acme.test`, displayName: `Durable ${i}`, role: "agent" },
      });
      expect(reply.status).toBe(201);
      created.push(reply.body.email);
    }
    await first.kill();

    const second = await startServerProcess(env);
    disposers.push(async () => void (await second.stop()));
    const relogin = await httpJson<{ token: string }>(`${second.url}/api/v1/auth/login`, {
      method: "POST",
      body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    const users = await httpJson<{ items: { email: string }[] }>(`${second.url}/api/v1/users?limit=200`, {
      token: relogin.body.token,
    });
    expect(users.body.items.map((u) => u.email)).toEqual(expect.arrayContaining(created));
    // The session issued before the crash is committed too.
    expect((await httpJson(`${second.url}/api/v1/auth/me`, { token: login.body.token })).status).toBe(200);
  });
});

const describeOnPostgres = postgresAvailable ? describe : describe.skip;

describeOnPostgres("routing with two server processes on one PostgreSQL database", () => {
  it("runs routing in one process; the other stands by and takes over, queue intact, when the first is killed", async () => {
    const store = await storeTargets[1]!.create();
    const env = {
      ...store.env,
      SENTRA_ADMIN_EMAIL: ADMIN_EMAIL,
      SENTRA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SENTRA_SEED_DEMO: "false",
    };
    const first = await startServerProcess(env);
    const second = await startServerProcess(env);
    try {
      expect((await httpJson<{ routing: string }>(`${first.url}/health`)).body.routing).toBe("active");
      expect((await httpJson<{ routing: string }>(`${second.url}/health`)).body.routing).toBe("standby");
      const token = (
        await httpJson<{ token: string }>(`${first.url}/api/v1/auth/login`, {
          method: "POST",
          body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
        })
      ).body.token;
      const queue = await httpJson<{ id: string }>(`${first.url}/api/v1/queues`, {
        method: "POST",
        token,
        body: { name: "Failover", settings: { channels: ["chat"] } },
      });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const created = await httpJson<{ interactionId: string }>(`${first.url}/api/v1/interactions`, {
          method: "POST",
          token,
          body: { channel: "chat", queueId: queue.body.id },
        });
        ids.push(created.body.interactionId);
      }
      const refused = await httpJson<{ error: { code: string } }>(`${second.url}/api/v1/interactions`, {
        method: "POST",
        token,
        body: { channel: "chat", queueId: queue.body.id },
      });
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe("routing_standby");

      await first.kill();
      let routing = "standby";
      for (let i = 0; i < 50 && routing !== "active"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        routing = (await httpJson<{ routing: string }>(`${second.url}/health`)).body.routing;
      }
      expect(routing).toBe("active");
      const waiting = await httpJson<{ items: string[] }>(
        `${second.url}/api/v1/queues/${queue.body.id}/waiting`,
        { token },
      );
      expect(waiting.body.items).toEqual(ids);
    } finally {
      await first.kill().catch(() => undefined);
      await second.stop();
      await store.dispose();
    }
  });
});

describe("first start", () => {
  it("creates tenant demo with a generated admin password printed once, demo staff, and nothing on a restart", async () => {
    const { storeTargets } = await import("./testing/services-under-test.js");
    const store = await storeTargets[0]!.create();
    try {
      const first = await startServerProcess(store.env);
      await first.stop();
      const printed = /admin\s+(admin@demo\.sentra\.local)\s+(\S{20})/.exec(first.output());
      expect(printed, first.output()).not.toBeNull();
      expect(first.output()).toMatch(/supervisor\s+supervisor@demo\.sentra\.local/);

      const second = await startServerProcess(store.env);
      const login = await httpJson<{ token: string; user: { role: string } }>(
        `${second.url}/api/v1/auth/login`,
        {
          method: "POST",
          body: { email: printed![1], password: printed![2] },
        },
      );
      await second.stop();
      expect(login.status).toBe(200);
      expect(login.body.user.role).toBe("admin");
      expect(second.output()).not.toContain("First start");
    } finally {
      await store.dispose();
    }
  });

  it("stops gracefully on SIGTERM with exit code 0", async () => {
    const { storeTargets } = await import("./testing/services-under-test.js");
    const store = await storeTargets[0]!.create();
    try {
      const server = await startServerProcess({ ...store.env, SENTRA_SEED_DEMO: "false" });
      expect(await server.stop()).toBe(0);
      expect(server.output()).toContain("stopped cleanly");
    } finally {
      await store.dispose();
    }
  });

  it("refuses to start with a clear message for each wrong setting", async () => {
    await expect(
      startServerProcess(
        { SENTRA_PORT: "seventy", SENTRA_DATABASE_URL: "mysql://x", SENTRA_ADMIN_PASSWORD: "short" },
        10_000,
      ),
    ).rejects.toThrow(
      /SENTRA_PORT must be a number[\s\S]*SENTRA_DATABASE_URL must be a postgres:\/\/[\s\S]*SENTRA_ADMIN_PASSWORD must be at least 12/,
    );
  });
});
