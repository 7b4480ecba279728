import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../testing/api-client.js";
import { describeEachStore } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";

type Items = { items: { id: string }[] };
type SimulatedDay = { day: Record<"handled" | "waitingAtEnd", { mean: number | null }> };

/** A small simulated day whose queue and skill carry the given ids. */
const simulationNaming = (queueId: string, skillId: string) => ({
  replications: 2,
  day: { lengthMinutes: 10, intervalMinutes: 10 },
  queues: [
    {
      id: queueId,
      channel: "chat",
      skills: [{ skill: skillId, minLevel: 5 }],
      arrivals: { kind: "replay", atSeconds: [30, 90] },
      handleTime: { kind: "fixed", seconds: 60 },
    },
  ],
  agents: [{ id: "simulated-agent", capacity: { max: { chat: 3 } } }],
});

/**
 * A user of tenant A can neither read nor change tenant B's data through any endpoint. The first test pins the
 * list of routes: a new route fails it until a case for that route is added below.
 */
describeEachStore("tenant isolation", (target) => {
  let platform: TestPlatform;
  let adminA: ApiClient;
  let adminB: ApiClient;
  const b = { userId: "", teamId: "", apiKeyId: "", apiKey: "", skillId: "", queueId: "", interactionId: "" };
  const bWfm = { templateId: "", scheduleId: "", shiftId: "" };
  const WEEK = "2026-11-23";
  const weekRequirement = Array.from({ length: 168 }, (_, i) => (i % 24 >= 9 && i % 24 < 17 ? 1 : 0));

  beforeAll(async () => {
    platform = await startTestPlatform(target);
    const anonymous = new ApiClient(platform.app);
    adminA = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const tenantB = await platform.services.tenants.create({
      slug: "bank-b",
      name: "Bank B",
      timeZone: "Asia/Makassar",
    });
    await platform.services.users.create(null, tenantB.id, {
      email: "admin@bank-b.test",
      displayName: "Admin B",
      role: "admin",
      locale: "id",
      password: "bank-b-admin-password",
    });
    adminB = await anonymous.login("admin@bank-b.test", "bank-b-admin-password");
    b.userId = (
      await adminB.post<{ id: string }>("/api/v1/users", {
        email: "agent@bank-b.test",
        displayName: "Agent B",
        role: "agent",
      })
    ).body.id;
    b.teamId = (
      await adminB.post<{ id: string }>("/api/v1/teams", { name: "B team", memberIds: [b.userId] })
    ).body.id;
    const key = await adminB.post<{ id: string; key: string }>("/api/v1/api-keys", {
      name: "B key",
      role: "admin",
    });
    b.apiKeyId = key.body.id;
    b.apiKey = key.body.key;
    b.skillId = (await adminB.post<{ id: string }>("/api/v1/skills", { name: "b-skill" })).body.id;
    b.queueId = (
      await adminB.post<{ id: string }>("/api/v1/queues", {
        name: "B queue",
        settings: { channels: ["chat"] },
      })
    ).body.id;
    await adminB.request("PUT", `/api/v1/agents/${b.userId}/profile`, { skills: { [b.skillId]: 5 } });
    b.interactionId = (
      await adminB.post<{ interactionId: string }>("/api/v1/interactions", {
        channel: "chat",
        queueId: b.queueId,
      })
    ).body.interactionId;
    bWfm.templateId = (
      await adminB.post<{ id: string }>("/api/v1/wfm/shift-templates", {
        name: "B day",
        earliestStartMinute: 540,
        latestStartMinute: 540,
        lengthMinutes: 480,
        weekdays: [1, 2, 3, 4, 5],
        cost: 80,
      })
    ).body.id;
    const schedule = await adminB.post<{ id: string; shifts: { id: string }[] }>(
      "/api/v1/wfm/schedules/generate",
      {
        weekStart: WEEK,
        intervalMinutes: 60,
        requirement: weekRequirement,
      },
    );
    bWfm.scheduleId = schedule.body.id;
    bWfm.shiftId = schedule.body.shifts[0]!.id;
    await adminB.post(`/api/v1/wfm/schedules/${bWfm.scheduleId}/publish`);
  });

  // Workforce management data of tenant B: imported history, a special day and a stored forecast.
  const bForecast = { specialDayId: "", forecastId: "" };
  const B_HISTORY =
    "interval_start,queue,channel,arrivals,handled,abandoned,aht_seconds\n2026-03-02T09:00:00,B wfm,voice,40,38,2,200\n2026-03-09T09:00:00,B wfm,voice,44,40,4,210\n";
  const uploadHistory = (client: ApiClient, csv: string) =>
    platform.app.inject({
      method: "POST",
      url: "/api/v1/wfm/history/import?interval=30",
      headers: { authorization: `Bearer ${client.token}`, "content-type": "text/csv" },
      payload: csv,
    });
  const bHistoryArrivals = async () =>
    (
      await adminB.get<{ items: { arrivals: number }[] }>("/api/v1/wfm/history?queue=B%20wfm&interval=60")
    ).body.items.reduce((sum, i) => sum + i.arrivals, 0);
  beforeAll(async () => {
    expect((await uploadHistory(adminB, B_HISTORY)).statusCode).toBe(200);
    bForecast.specialDayId = (
      await adminB.post<{ id: string }>("/api/v1/wfm/special-days", {
        date: "2026-03-20",
        kind: "holiday",
        name: "Lebaran B",
      })
    ).body.id;
    bForecast.forecastId = (
      await adminB.post<{ id: string }>("/api/v1/wfm/forecasts", {
        queue: "B wfm",
        horizonStart: "2026-03-16",
        horizonDays: 1,
      })
    ).body.id;
  });

  const notFoundForA = async (
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
  ) => {
    const reply = await adminA.request(method, url, body);
    expect(reply.status, `${method} ${url}`).toBe(404);
  };
  const bInteractionUnchanged = async () => {
    expect((await adminB.get(`/api/v1/interactions/${b.interactionId}`)).body).toMatchObject({
      state: "queued",
    });
  };
  afterAll(() => platform?.dispose());
  let agentA: ApiClient | undefined;
  const agentOfA = async () => {
    if (agentA) return agentA;
    await adminA.post("/api/v1/users", {
      email: "sim-agent@acme.test",
      displayName: "Agent A",
      role: "agent",
      password: "acme-agent-password",
    });
    agentA = await new ApiClient(platform.app).login("sim-agent@acme.test", "acme-agent-password");
    return agentA;
  };

  const cases: Record<string, () => Promise<void>> = {
    "POST /api/v1/auth/login": async () => {
      // Login is by email; the session it opens is the user's own tenant, never another.
      const session = await new ApiClient(platform.app).login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const me = await session.get<{ tenantId: string }>("/api/v1/auth/me");
      const tenantA = await adminA.get<{ id: string }>("/api/v1/tenant");
      expect(me.body.tenantId).toBe(tenantA.body.id);
    },
    "POST /api/v1/auth/logout": async () => {
      const sessionA = await new ApiClient(platform.app).login(ADMIN_EMAIL, ADMIN_PASSWORD);
      await sessionA.post("/api/v1/auth/logout");
      expect((await adminB.get("/api/v1/auth/me")).status).toBe(200);
    },
    "GET /api/v1/auth/me": async () => {
      const me = await adminA.get<{ tenantId: string }>("/api/v1/auth/me");
      const meB = await adminB.get<{ tenantId: string }>("/api/v1/auth/me");
      expect(me.body.tenantId).not.toBe(meB.body.tenantId);
    },
    "GET /api/v1/tenant": async () => {
      expect((await adminA.get("/api/v1/tenant")).body).toMatchObject({ slug: "demo" });
    },
    "GET /api/v1/users": async () => {
      const ids = (await adminA.get<Items>("/api/v1/users?limit=200")).body.items.map((u) => u.id);
      expect(ids).not.toContain(b.userId);
    },
    "POST /api/v1/users": async () => {
      const created = await adminA.post<{ id: string }>("/api/v1/users", {
        email: "new@acme.test",
        displayName: "New A",
        role: "agent",
      });
      const idsB = (await adminB.get<Items>("/api/v1/users?limit=200")).body.items.map((u) => u.id);
      expect(idsB).not.toContain(created.body.id);
    },
    "GET /api/v1/users/:id": async () => {
      expect((await adminA.get(`/api/v1/users/${b.userId}`)).status).toBe(404);
    },
    "PATCH /api/v1/users/:id": async () => {
      expect(
        (await adminA.patch(`/api/v1/users/${b.userId}`, { displayName: "Hijacked", disabled: true })).status,
      ).toBe(404);
      expect((await adminB.get(`/api/v1/users/${b.userId}`)).body).toMatchObject({
        displayName: "Agent B",
        disabled: false,
      });
    },
    "GET /api/v1/teams": async () => {
      const ids = (await adminA.get<Items>("/api/v1/teams")).body.items.map((t) => t.id);
      expect(ids).not.toContain(b.teamId);
    },
    "POST /api/v1/teams": async () => {
      const reply = await adminA.post<{ error: { code: string } }>("/api/v1/teams", {
        name: "Poach",
        memberIds: [b.userId],
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe("unknown_members");
    },
    "GET /api/v1/teams/:id": async () => {
      expect((await adminA.get(`/api/v1/teams/${b.teamId}`)).status).toBe(404);
    },
    "PATCH /api/v1/teams/:id": async () => {
      expect(
        (await adminA.patch(`/api/v1/teams/${b.teamId}`, { name: "Renamed", memberIds: [] })).status,
      ).toBe(404);
      expect((await adminB.get(`/api/v1/teams/${b.teamId}`)).body).toMatchObject({
        name: "B team",
        memberIds: [b.userId],
      });
    },
    "DELETE /api/v1/teams/:id": async () => {
      expect((await adminA.delete(`/api/v1/teams/${b.teamId}`)).status).toBe(404);
      expect((await adminB.get(`/api/v1/teams/${b.teamId}`)).status).toBe(200);
    },
    "GET /api/v1/api-keys": async () => {
      const ids = (await adminA.get<Items>("/api/v1/api-keys")).body.items.map((k) => k.id);
      expect(ids).not.toContain(b.apiKeyId);
    },
    "POST /api/v1/api-keys": async () => {
      const key = await adminA.post<{ key: string }>("/api/v1/api-keys", { name: "A key", role: "admin" });
      const me = await new ApiClient(platform.app, key.body.key).get<{ tenantId: string }>("/api/v1/auth/me");
      const tenantA = await adminA.get<{ id: string }>("/api/v1/tenant");
      expect(me.body.tenantId).toBe(tenantA.body.id);
    },
    "DELETE /api/v1/api-keys/:id": async () => {
      expect((await adminA.delete(`/api/v1/api-keys/${b.apiKeyId}`)).status).toBe(404);
      expect((await new ApiClient(platform.app, b.apiKey).get("/api/v1/auth/me")).status).toBe(200);
    },
    "GET /api/v1/audit": async () => {
      const entries = (await adminA.get<{ items: { targetId: string | null }[] }>("/api/v1/audit?limit=200"))
        .body.items;
      const targets = entries.map((e) => e.targetId);
      expect(targets).not.toContain(b.userId);
      expect(targets).not.toContain(b.teamId);
      expect(entries.length).toBeGreaterThan(0);
    },
    "GET /api/v1/skills": async () => {
      const ids = (await adminA.get<Items>("/api/v1/skills")).body.items.map((x) => x.id);
      expect(ids).not.toContain(b.skillId);
    },
    "POST /api/v1/skills": async () => {
      await adminA.post("/api/v1/skills", { name: "b-skill" });
      expect((await adminB.get<Items>("/api/v1/skills")).body.items).toHaveLength(1);
    },
    "GET /api/v1/queues": async () => {
      const ids = (await adminA.get<Items>("/api/v1/queues")).body.items.map((x) => x.id);
      expect(ids).not.toContain(b.queueId);
    },
    "POST /api/v1/queues": async () => {
      const reply = await adminA.post<{ error: { code: string } }>("/api/v1/queues", {
        name: "Borrowing",
        settings: {
          channels: ["chat"],
          skills: [{ skill: b.skillId, minLevel: 1 }],
          overflow: { type: "queue", queueId: b.queueId },
        },
      });
      expect(reply.body.error.code).toBe("unknown_references");
    },
    "GET /api/v1/queues/:id": () => notFoundForA("GET", `/api/v1/queues/${b.queueId}`),
    "PUT /api/v1/queues/:id": async () => {
      await notFoundForA("PUT", `/api/v1/queues/${b.queueId}`, {
        name: "Mine",
        settings: { channels: ["voice"] },
      });
      expect((await adminB.get(`/api/v1/queues/${b.queueId}`)).body).toMatchObject({ name: "B queue" });
    },
    "GET /api/v1/queues/:id/waiting": () => notFoundForA("GET", `/api/v1/queues/${b.queueId}/waiting`),
    "GET /api/v1/stats": async () => {
      const stats = await adminA.get<{ queues: { queueId: string }[] }>("/api/v1/stats");
      expect(stats.body.queues.map((q) => q.queueId)).not.toContain(b.queueId);
    },
    "GET /api/v1/stats/intraday": async () => {
      await notFoundForA("GET", `/api/v1/stats/intraday?queueId=${b.queueId}`);
      const mine = await adminA.get<{ today: { arrivals: number }[] }>("/api/v1/stats/intraday");
      expect(mine.body.today.reduce((sum, i) => sum + i.arrivals, 0)).toBe(0);
    },
    "GET /api/v1/routing/settings": async () => {
      expect((await adminA.get("/api/v1/routing/settings")).status).toBe(200);
    },
    "PUT /api/v1/routing/settings": async () => {
      await adminA.request("PUT", "/api/v1/routing/settings", {
        notReadyReasons: ["sholat"],
        dispositions: ["done"],
      });
      const settingsB = await adminB.get<{ notReadyReasons: string[] }>("/api/v1/routing/settings");
      expect(settingsB.body.notReadyReasons).not.toContain("sholat");
    },
    "GET /api/v1/agents": async () => {
      const ids = (await adminA.get<{ items: { agentId: string }[] }>("/api/v1/agents")).body.items.map(
        (x) => x.agentId,
      );
      expect(ids).not.toContain(b.userId);
    },
    "GET /api/v1/agents/:id/profile": () => notFoundForA("GET", `/api/v1/agents/${b.userId}/profile`),
    "PUT /api/v1/agents/:id/profile": () =>
      notFoundForA("PUT", `/api/v1/agents/${b.userId}/profile`, { skills: {} }),
    "GET /api/v1/agents/me/state": async () => {
      const me = await adminA.get<{ agentId: string }>("/api/v1/agents/me/state");
      expect(me.body.agentId).not.toBe(b.userId);
    },
    "PUT /api/v1/agents/me/state": async () => {
      const me = await adminA.request<{ agentId: string }>("PUT", "/api/v1/agents/me/state", {
        state: "offline",
      });
      expect(me.body.agentId).not.toBe(b.userId);
    },
    "PUT /api/v1/agents/:id/state": async () => {
      await notFoundForA("PUT", `/api/v1/agents/${b.userId}/state`, { state: "available" });
      await notFoundForA("PUT", `/api/v1/agents/${b.userId}/state`, { state: "offline" });
    },
    "POST /api/v1/interactions": () =>
      notFoundForA("POST", "/api/v1/interactions", { channel: "chat", queueId: b.queueId }),
    "GET /api/v1/interactions/:id": () => notFoundForA("GET", `/api/v1/interactions/${b.interactionId}`),
    "GET /api/v1/interactions/:id/explanation": () =>
      notFoundForA("GET", `/api/v1/interactions/${b.interactionId}/explanation`),
    "POST /api/v1/interactions/:id/accept": async () => {
      await notFoundForA("POST", `/api/v1/interactions/${b.interactionId}/accept`);
      await bInteractionUnchanged();
    },
    "POST /api/v1/interactions/:id/reject": () =>
      notFoundForA("POST", `/api/v1/interactions/${b.interactionId}/reject`),
    "POST /api/v1/interactions/:id/complete": () =>
      notFoundForA("POST", `/api/v1/interactions/${b.interactionId}/complete`),
    "POST /api/v1/interactions/:id/abandon": async () => {
      await notFoundForA("POST", `/api/v1/interactions/${b.interactionId}/abandon`);
      await bInteractionUnchanged();
    },
    "POST /api/v1/interactions/:id/wrap-up": () =>
      notFoundForA("POST", `/api/v1/interactions/${b.interactionId}/wrap-up`, { disposition: "resolved" }),
    "POST /api/v1/interactions/:id/transfer": async () => {
      await notFoundForA("POST", `/api/v1/interactions/${b.interactionId}/transfer`, { queueId: b.queueId });
      await bInteractionUnchanged();
    },
    "POST /api/v1/wfm/simulations": async () => {
      // A simulation reads no tenant data: naming B's queue and skill ids only names simulated records. B's
      // real agent holds that skill, but only the agents in the request exist, so nobody answers.
      const day = simulationNaming(b.queueId, b.skillId);
      const reply = await adminA.post<SimulatedDay>("/api/v1/wfm/simulations", day);
      expect(reply.status).toBe(200);
      expect(reply.body.day.handled.mean).toBe(0);
      expect(reply.body.day.waitingAtEnd.mean).toBe(2);
      await bInteractionUnchanged();
      const agentA = await agentOfA();
      expect((await agentA.post("/api/v1/wfm/simulations", day)).status).toBe(403);
    },
    "POST /api/v1/wfm/simulations/compare": async () => {
      const day = simulationNaming(b.queueId, b.skillId);
      const reply = await adminA.post<{ base: SimulatedDay }>("/api/v1/wfm/simulations/compare", {
        base: day,
        variant: day,
      });
      expect(reply.status).toBe(200);
      expect(reply.body.base.day.handled.mean).toBe(0);
      await bInteractionUnchanged();
      const agentA = await agentOfA();
      expect((await agentA.post("/api/v1/wfm/simulations/compare", { base: day, variant: day })).status).toBe(
        403,
      );
    },
    "GET /api/v1/wfm/history": async () => {
      const mine = await adminA.get<{ items: unknown[] }>("/api/v1/wfm/history?queue=B%20wfm&interval=60");
      expect(mine.body.items).toEqual([]);
    },
    "POST /api/v1/wfm/history/import": async () => {
      expect((await uploadHistory(adminA, B_HISTORY.replace(/,4\d,\d\d,\d,/g, ",1,1,0,"))).statusCode).toBe(
        200,
      );
      expect(await bHistoryArrivals()).toBe(84);
    },
    "POST /api/v1/wfm/history/rebuild": async () => {
      const now = Date.now();
      await adminA.post("/api/v1/wfm/history/rebuild", {
        from: new Date(now - 86_400_000).toISOString(),
        to: new Date(now + 3_600_000).toISOString(),
      });
      const mine = await adminA.get<{ items: unknown[] }>("/api/v1/wfm/history?queue=B%20queue&interval=15");
      expect(mine.body.items).toEqual([]);
    },
    "GET /api/v1/wfm/special-days": async () => {
      const ids = (await adminA.get<Items>("/api/v1/wfm/special-days")).body.items.map((x) => x.id);
      expect(ids).not.toContain(bForecast.specialDayId);
    },
    "POST /api/v1/wfm/special-days": async () => {
      const mine = await adminA.post("/api/v1/wfm/special-days", {
        date: "2026-03-20",
        kind: "holiday",
        name: "Lebaran",
      });
      expect(mine.status).toBe(201);
      expect((await adminB.get<Items>("/api/v1/wfm/special-days")).body.items).toHaveLength(1);
    },
    "PUT /api/v1/wfm/special-days/:id": () =>
      notFoundForA("PUT", `/api/v1/wfm/special-days/${bForecast.specialDayId}`, {
        date: "2026-03-21",
        kind: "other",
        name: "Mine",
      }),
    "DELETE /api/v1/wfm/special-days/:id": async () => {
      expect((await adminA.delete(`/api/v1/wfm/special-days/${bForecast.specialDayId}`)).status).toBe(404);
      const days = (await adminB.get<{ items: { id: string; name: string }[] }>("/api/v1/wfm/special-days"))
        .body.items;
      expect(days).toEqual([expect.objectContaining({ id: bForecast.specialDayId, name: "Lebaran B" })]);
    },
    "GET /api/v1/wfm/holidays/suggested": async () => {
      expect((await adminA.get("/api/v1/wfm/holidays/suggested")).status).toBe(200);
    },
    "POST /api/v1/wfm/forecasts": async () => {
      const mine = await adminA.post<{ intervals: { volume: number }[] }>("/api/v1/wfm/forecasts", {
        queue: "B wfm",
        horizonStart: "2026-03-16",
        horizonDays: 1,
      });
      expect(mine.status).toBe(201);
      expect(mine.body.intervals.some((i) => i.volume > 1)).toBe(false);
    },
    "GET /api/v1/wfm/forecasts": async () => {
      const ids = (await adminA.get<Items>("/api/v1/wfm/forecasts")).body.items.map((x) => x.id);
      expect(ids).not.toContain(bForecast.forecastId);
    },
    "GET /api/v1/wfm/forecasts/:id": () =>
      notFoundForA("GET", `/api/v1/wfm/forecasts/${bForecast.forecastId}`),
    "POST /api/v1/wfm/forecasts/:id/adjustments": async () => {
      await notFoundForA("POST", `/api/v1/wfm/forecasts/${bForecast.forecastId}/adjustments`, {
        from: "2026-03-16T00:00:00Z",
        to: "2026-03-17T00:00:00Z",
        factor: 3,
        reason: "hijack",
      });
      const b = await adminB.get<{ adjustments: unknown[] }>(`/api/v1/wfm/forecasts/${bForecast.forecastId}`);
      expect(b.body.adjustments).toEqual([]);
    },
    "GET /api/v1/wfm/forecasts/:id/staffing": () =>
      notFoundForA("GET", `/api/v1/wfm/forecasts/${bForecast.forecastId}/staffing`),
    "GET /api/v1/realtime": async () => {
      // Covered with live sockets in realtime.integration.test.ts ("never delivers another tenant's events").
      expect(platform.app.routeTable.find((r) => r.url === "/api/v1/realtime")?.access).toBe("authenticated");
    },
    "GET /api/v1/wfm/shift-templates": async () => {
      const ids = (await adminA.get<Items>("/api/v1/wfm/shift-templates")).body.items.map((t) => t.id);
      expect(ids).not.toContain(bWfm.templateId);
    },
    "POST /api/v1/wfm/shift-templates": async () => {
      const created = await adminA.post<{ id: string }>("/api/v1/wfm/shift-templates", {
        name: "B day",
        earliestStartMinute: 480,
        latestStartMinute: 600,
        lengthMinutes: 480,
        weekdays: [1],
        cost: 1,
      });
      expect(created.status).toBe(201);
      const idsB = (await adminB.get<Items>("/api/v1/wfm/shift-templates")).body.items.map((t) => t.id);
      expect(idsB).not.toContain(created.body.id);
    },
    "GET /api/v1/wfm/shift-templates/:id": () =>
      notFoundForA("GET", `/api/v1/wfm/shift-templates/${bWfm.templateId}`),
    "PUT /api/v1/wfm/shift-templates/:id": () =>
      notFoundForA("PUT", `/api/v1/wfm/shift-templates/${bWfm.templateId}`, {
        name: "taken over",
        earliestStartMinute: 0,
        latestStartMinute: 0,
        lengthMinutes: 60,
        weekdays: [1],
        cost: 0,
      }),
    "DELETE /api/v1/wfm/shift-templates/:id": async () => {
      await notFoundForA("DELETE", `/api/v1/wfm/shift-templates/${bWfm.templateId}`);
      expect((await adminB.get(`/api/v1/wfm/shift-templates/${bWfm.templateId}`)).status).toBe(200);
    },
    "GET /api/v1/wfm/contracts": async () => {
      const ids = (
        await adminA.get<{ items: { agentId: string }[] }>("/api/v1/wfm/contracts")
      ).body.items.map((c) => c.agentId);
      expect(ids).not.toContain(b.userId);
    },
    "GET /api/v1/wfm/contracts/:id": () => notFoundForA("GET", `/api/v1/wfm/contracts/${b.userId}`),
    "PUT /api/v1/wfm/contracts/:id": async () => {
      await notFoundForA("PUT", `/api/v1/wfm/contracts/${b.userId}`, { maxHoursPerWeek: 1 });
      expect((await adminB.get(`/api/v1/wfm/contracts/${b.userId}`)).body).toMatchObject({ stored: false });
    },
    "POST /api/v1/wfm/schedules/generate": async () => {
      const body = { weekStart: WEEK, intervalMinutes: 60, requirement: weekRequirement };
      await notFoundForA("POST", "/api/v1/wfm/schedules/generate", { ...body, teamId: b.teamId });
      await notFoundForA("POST", "/api/v1/wfm/schedules/generate", {
        ...body,
        templateIds: [bWfm.templateId],
      });
    },
    "GET /api/v1/wfm/schedules": async () => {
      const ids = (await adminA.get<Items>(`/api/v1/wfm/schedules?week=${WEEK}`)).body.items.map((w) => w.id);
      expect(ids).not.toContain(bWfm.scheduleId);
      expect((await adminB.get<Items>("/api/v1/wfm/schedules")).body.items.map((w) => w.id)).toContain(
        bWfm.scheduleId,
      );
    },
    "GET /api/v1/wfm/schedules/me": async () => {
      const mine = await adminA.get<{ shifts: unknown[] }>(`/api/v1/wfm/schedules/me?week=${WEEK}`);
      expect(mine.body.shifts).toEqual([]);
    },
    "GET /api/v1/wfm/schedules/:id": () => notFoundForA("GET", `/api/v1/wfm/schedules/${bWfm.scheduleId}`),
    "PATCH /api/v1/wfm/schedules/:id/shifts/:shiftId": () =>
      notFoundForA("PATCH", `/api/v1/wfm/schedules/${bWfm.scheduleId}/shifts/${bWfm.shiftId}`, {
        start: 600,
        end: 1080,
      }),
    "POST /api/v1/wfm/schedules/:id/publish": () =>
      notFoundForA("POST", `/api/v1/wfm/schedules/${bWfm.scheduleId}/publish`),
    "GET /api/v1/wfm/adherence": async () => {
      await notFoundForA("GET", `/api/v1/wfm/adherence?date=2026-11-24&teamId=${b.teamId}`);
      const report = await adminA.get<{ agents: { agentId: string }[] }>(
        "/api/v1/wfm/adherence?date=2026-11-24",
      );
      expect(report.body.agents.map((a) => a.agentId)).not.toContain(b.userId);
    },
  };

  it("has an isolation case for every /api/v1 route", () => {
    const routes = platform.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(routes).toEqual(Object.keys(cases).sort());
  });

  describe("tenant A's admin cannot reach tenant B", () => {
    for (const [route, check] of Object.entries(cases)) it(route, check);
  });
});
