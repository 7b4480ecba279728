import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsSignature } from "../channels/messaging/webhook-signatures.js";
import { ApiClient } from "../testing/api-client.js";
import { ivrIsolationCases } from "../testing/ivr-isolation-cases.js";
import { describeEachStore } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";
import { VoiceCallStore } from "../voice/calls/voice-call-store.js";

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
  const bCases = { caseId: "", policyId: "", categoryId: "", articleId: "" };
  const bCustomers = { id: "", mergedId: "", lookalikeId: "", mergeId: "", consentId: "" };
  const bSchedule = { templateId: "", scheduleId: "", shiftId: "" };
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
    bCases.policyId = (
      await adminB.post<{ id: string }>("/api/v1/sla-policies", {
        name: "B default",
        firstResponseMinutes: 60,
        resolutionMinutes: 480,
        queueId: b.queueId,
      })
    ).body.id;
    const bCaseCustomer = (
      await adminB.post<{ id: string }>("/api/v1/customers", { fullName: "Nasabah Kasus B" })
    ).body.id;
    bCases.caseId = (
      await adminB.post<{ id: string }>("/api/v1/cases", {
        customerId: bCaseCustomer,
        type: "complaint",
        subject: "B's complaint",
        interactionId: b.interactionId,
      })
    ).body.id;
    bCases.categoryId = (
      await adminB.post<{ id: string }>("/api/v1/kb/categories", { name: "B cards" })
    ).body.id;
    bCases.articleId = (
      await adminB.post<{ id: string }>("/api/v1/kb/articles", {
        title: "Rahasia bank B zebrafish",
        body: "Prosedur internal zebrafish milik bank B.",
        language: "id",
        categoryId: bCases.categoryId,
      })
    ).body.id;
    await adminB.post(`/api/v1/kb/articles/${bCases.articleId}/publish`);
  });

  // Workforce management data of tenant B: imported history, a special day and a stored forecast.
  const bWfm = { specialDayId: "", forecastId: "" };
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
    bWfm.specialDayId = (
      await adminB.post<{ id: string }>("/api/v1/wfm/special-days", {
        date: "2026-03-20",
        kind: "holiday",
        name: "Lebaran B",
      })
    ).body.id;
    bWfm.forecastId = (
      await adminB.post<{ id: string }>("/api/v1/wfm/forecasts", {
        queue: "B wfm",
        horizonStart: "2026-03-16",
        horizonDays: 1,
      })
    ).body.id;
    const newCustomer = async (body: Record<string, unknown>) =>
      (await adminB.post<{ id: string }>("/api/v1/customers", body)).body.id;
    bCustomers.id = await newCustomer({
      fullName: "Budi Bank B",
      phones: ["081100000001"],
      customerNumber: "B-1",
    });
    bCustomers.mergedId = await newCustomer({ fullName: "Budi Bank B", phones: ["081100000002"] });
    bCustomers.lookalikeId = await newCustomer({ fullName: "Budi Bank B", phones: ["081100000001"] });
    bCustomers.mergeId = (
      await adminB.post<{ mergeId: string }>("/api/v1/customers/merge", {
        survivorId: bCustomers.id,
        duplicateId: bCustomers.mergedId,
      })
    ).body.mergeId;
    bCustomers.consentId = (
      await adminB.post<{ id: string }>(`/api/v1/customers/${bCustomers.id}/consents`, {
        purpose: "marketing",
        channel: "sms",
        method: "web form",
        source: "website",
      })
    ).body.id;
    await adminB.request("PUT", "/api/v1/customers/settings", { segments: ["b-segment"], fields: [] });
    bSchedule.templateId = (
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
    bSchedule.scheduleId = schedule.body.id;
    bSchedule.shiftId = schedule.body.shifts[0]!.id;
    await adminB.post(`/api/v1/wfm/schedules/${bSchedule.scheduleId}/publish`);
  });

  const notFoundForA = async (
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
  ) => {
    const reply = await adminA.request(method, url, body);
    expect(reply.status, `${method} ${url}`).toBe(404);
  };
  const bCaseUnchanged = async () => {
    expect((await adminB.get(`/api/v1/cases/${bCases.caseId}`)).body).toMatchObject({
      subject: "B's complaint",
      status: "new",
      tier: "agent",
    });
    const timeline = await adminB.get<{ items: unknown[] }>(`/api/v1/cases/${bCases.caseId}/timeline`);
    expect(timeline.body.items).toHaveLength(2);
  };
  let aCustomerId = "";
  const customerOfA = async () => {
    aCustomerId ||= (await adminA.post<{ id: string }>("/api/v1/customers", { fullName: "Nasabah A" })).body
      .id;
    return aCustomerId;
  };
  const caseOfA = async () =>
    (
      await adminA.post<{ id: string }>("/api/v1/cases", {
        customerId: await customerOfA(),
        type: "inquiry",
        subject: "A's inquiry",
      })
    ).body.id;
  const bArticleUnchanged = async () => {
    expect((await adminB.get(`/api/v1/kb/articles/${bCases.articleId}`)).body).toMatchObject({
      status: "published",
      version: 1,
    });
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
      expect(ids).not.toContain(bWfm.specialDayId);
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
      notFoundForA("PUT", `/api/v1/wfm/special-days/${bWfm.specialDayId}`, {
        date: "2026-03-21",
        kind: "other",
        name: "Mine",
      }),
    "DELETE /api/v1/wfm/special-days/:id": async () => {
      expect((await adminA.delete(`/api/v1/wfm/special-days/${bWfm.specialDayId}`)).status).toBe(404);
      const days = (await adminB.get<{ items: { id: string; name: string }[] }>("/api/v1/wfm/special-days"))
        .body.items;
      expect(days).toEqual([expect.objectContaining({ id: bWfm.specialDayId, name: "Lebaran B" })]);
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
      expect(ids).not.toContain(bWfm.forecastId);
    },
    "GET /api/v1/wfm/forecasts/:id": () => notFoundForA("GET", `/api/v1/wfm/forecasts/${bWfm.forecastId}`),
    "POST /api/v1/wfm/forecasts/:id/adjustments": async () => {
      await notFoundForA("POST", `/api/v1/wfm/forecasts/${bWfm.forecastId}/adjustments`, {
        from: "2026-03-16T00:00:00Z",
        to: "2026-03-17T00:00:00Z",
        factor: 3,
        reason: "hijack",
      });
      const b = await adminB.get<{ adjustments: unknown[] }>(`/api/v1/wfm/forecasts/${bWfm.forecastId}`);
      expect(b.body.adjustments).toEqual([]);
    },
    "GET /api/v1/wfm/forecasts/:id/staffing": () =>
      notFoundForA("GET", `/api/v1/wfm/forecasts/${bWfm.forecastId}/staffing`),
    "GET /api/v1/cases": async () => {
      const ids = (await adminA.get<Items>("/api/v1/cases?limit=200")).body.items.map((c) => c.id);
      expect(ids).not.toContain(bCases.caseId);
    },
    "POST /api/v1/cases": async () => {
      const theirs = await adminA.post<{ error: { code: string } }>("/api/v1/cases", {
        customerId: bCustomers.id,
        type: "request",
        subject: "x",
      });
      expect(theirs.body.error.code).toBe("unknown_customer");
      const borrowing = { customerId: await customerOfA(), type: "request", subject: "x" };
      await notFoundForA("POST", "/api/v1/cases", { ...borrowing, interactionId: b.interactionId });
      const owner = await adminA.post<{ error: { code: string } }>("/api/v1/cases", {
        ...borrowing,
        ownerTeamId: b.teamId,
      });
      expect(owner.body.error.code).toBe("unknown_owner");
    },
    "GET /api/v1/cases/:id": () => notFoundForA("GET", `/api/v1/cases/${bCases.caseId}`),
    "PATCH /api/v1/cases/:id": async () => {
      expect((await adminA.patch(`/api/v1/cases/${bCases.caseId}`, { subject: "Hijacked" })).status).toBe(
        404,
      );
      await bCaseUnchanged();
    },
    "POST /api/v1/cases/:id/status": async () => {
      await notFoundForA("POST", `/api/v1/cases/${bCases.caseId}/status`, { status: "closed" });
      await bCaseUnchanged();
    },
    "POST /api/v1/cases/:id/notes": async () => {
      await notFoundForA("POST", `/api/v1/cases/${bCases.caseId}/notes`, { body: "peek" });
      await bCaseUnchanged();
    },
    "POST /api/v1/cases/:id/escalate": async () => {
      await notFoundForA("POST", `/api/v1/cases/${bCases.caseId}/escalate`, { reason: "x" });
      await bCaseUnchanged();
    },
    "POST /api/v1/cases/:id/interactions": async () => {
      await notFoundForA("POST", `/api/v1/cases/${bCases.caseId}/interactions`, {
        interactionId: b.interactionId,
      });
      await notFoundForA("POST", `/api/v1/cases/${await caseOfA()}/interactions`, {
        interactionId: b.interactionId,
      });
      await bCaseUnchanged();
    },
    "GET /api/v1/cases/:id/timeline": () => notFoundForA("GET", `/api/v1/cases/${bCases.caseId}/timeline`),
    "GET /api/v1/cases/:id/follow-ups": () =>
      notFoundForA("GET", `/api/v1/cases/${bCases.caseId}/follow-ups`),
    "POST /api/v1/cases/:id/follow-ups": async () => {
      await notFoundForA("POST", `/api/v1/cases/${bCases.caseId}/follow-ups`, { reason: "x" });
      await notFoundForA("POST", `/api/v1/cases/${await caseOfA()}/follow-ups`, {
        reason: "x",
        queueId: b.queueId,
      });
      await bCaseUnchanged();
      await bInteractionUnchanged();
    },
    "GET /api/v1/sla-policies": async () => {
      const ids = (await adminA.get<Items>("/api/v1/sla-policies")).body.items.map((p) => p.id);
      expect(ids).not.toContain(bCases.policyId);
    },
    "POST /api/v1/sla-policies": async () => {
      const reply = await adminA.post<{ error: { code: string } }>("/api/v1/sla-policies", {
        name: "Borrowing",
        firstResponseMinutes: 1,
        resolutionMinutes: 2,
        queueId: b.queueId,
        backOfficeTeamId: b.teamId,
      });
      expect(reply.body.error.code).toBe("unknown_references");
    },
    "GET /api/v1/sla-policies/:id": () => notFoundForA("GET", `/api/v1/sla-policies/${bCases.policyId}`),
    "PUT /api/v1/sla-policies/:id": async () => {
      await notFoundForA("PUT", `/api/v1/sla-policies/${bCases.policyId}`, {
        name: "Mine",
        firstResponseMinutes: 1,
        resolutionMinutes: 1,
      });
      expect((await adminB.get(`/api/v1/sla-policies/${bCases.policyId}`)).body).toMatchObject({
        name: "B default",
      });
    },
    "DELETE /api/v1/sla-policies/:id": async () => {
      expect((await adminA.delete(`/api/v1/sla-policies/${bCases.policyId}`)).status).toBe(404);
      expect((await adminB.get(`/api/v1/sla-policies/${bCases.policyId}`)).status).toBe(200);
    },
    "GET /api/v1/kb/categories": async () => {
      const ids = (await adminA.get<Items>("/api/v1/kb/categories")).body.items.map((c) => c.id);
      expect(ids).not.toContain(bCases.categoryId);
    },
    "POST /api/v1/kb/categories": async () => {
      expect((await adminA.post("/api/v1/kb/categories", { name: "B cards" })).status).toBe(201);
      expect((await adminB.get<Items>("/api/v1/kb/categories")).body.items).toHaveLength(1);
    },
    "GET /api/v1/kb/articles": async () => {
      const ids = (await adminA.get<Items>("/api/v1/kb/articles?limit=200")).body.items.map((a) => a.id);
      expect(ids).not.toContain(bCases.articleId);
    },
    "POST /api/v1/kb/articles": async () => {
      const reply = await adminA.post<{ error: { code: string } }>("/api/v1/kb/articles", {
        title: "Mine",
        body: "Text",
        language: "en",
        categoryId: bCases.categoryId,
      });
      expect(reply.body.error.code).toBe("unknown_kb_category");
    },
    "GET /api/v1/kb/articles/:id": () => notFoundForA("GET", `/api/v1/kb/articles/${bCases.articleId}`),
    "PATCH /api/v1/kb/articles/:id": async () => {
      expect(
        (await adminA.patch(`/api/v1/kb/articles/${bCases.articleId}`, { title: "Hijacked" })).status,
      ).toBe(404);
      await bArticleUnchanged();
    },
    "GET /api/v1/kb/articles/:id/versions": () =>
      notFoundForA("GET", `/api/v1/kb/articles/${bCases.articleId}/versions`),
    "POST /api/v1/kb/articles/:id/publish": () =>
      notFoundForA("POST", `/api/v1/kb/articles/${bCases.articleId}/publish`),
    "POST /api/v1/kb/articles/:id/unpublish": async () => {
      await notFoundForA("POST", `/api/v1/kb/articles/${bCases.articleId}/unpublish`);
      await bArticleUnchanged();
    },
    "GET /api/v1/kb/search": async () => {
      expect((await adminA.get<Items>("/api/v1/kb/search?q=zebrafish")).body.items).toEqual([]);
      expect((await adminB.get<Items>("/api/v1/kb/search?q=zebrafish")).body.items).toHaveLength(1);
    },
    "POST /api/v1/kb/suggest": async () => {
      const reply = await adminA.post<Items>("/api/v1/kb/suggest", {
        text: "zebrafish rahasia",
        language: "id",
      });
      expect(reply.body.items).toEqual([]);
    },
    ...customerCases(),
    ...conversationCases(),
    ...webChatCases(),
    ...messagingCases(),
    ...deskCases(),
    ...ivrIsolationCases({ adminA: () => adminA, adminB: () => adminB, notFoundForA }),
    "GET /api/v1/voice/calls": async () => {
      const interactionId = randomUUID();
      const tenantId = (await adminB.get<{ id: string }>("/api/v1/tenant")).body.id;
      await new VoiceCallStore(platform.services.db).begin({
        tenantId,
        sipCallId: "b-call",
        fromNumber: "+6281111111111",
        toNumber: "7000",
        flowId: null,
        flowVersion: null,
      });
      const seen = await adminA.get<{ items: { fromNumber: string }[] }>("/api/v1/voice/calls");
      expect(seen.body.items.map((c) => c.fromNumber)).not.toContain("+6281111111111");
      const own = await adminB.get<{ items: { fromNumber: string }[] }>("/api/v1/voice/calls");
      expect(own.body.items.map((c) => c.fromNumber)).toContain("+6281111111111");
      await notFoundForA("GET", `/api/v1/voice/calls/by-interaction/${interactionId}`);
    },
    "GET /api/v1/voice/sip-endpoints": async () => {
      const agentB = (await adminB.get<{ id: string }>("/api/v1/auth/me")).body.id;
      const created = await adminB.post<{ id: string; username: string }>("/api/v1/voice/sip-endpoints", {
        agentId: agentB,
      });
      expect(created.status).toBe(201);
      const seen = await adminA.get<{ items: { username: string }[] }>("/api/v1/voice/sip-endpoints");
      expect(seen.body.items.map((e) => e.username)).not.toContain(created.body.username);
    },
    "POST /api/v1/voice/sip-endpoints": async () => {
      const agentB = (await adminB.get<{ id: string }>("/api/v1/auth/me")).body.id;
      // Tenant A cannot give tenant B's user a phone.
      await notFoundForA("POST", "/api/v1/voice/sip-endpoints", { agentId: agentB });
    },
    "DELETE /api/v1/voice/sip-endpoints/:id": async () => {
      const [own] = (await adminB.get<{ items: { id: string }[] }>("/api/v1/voice/sip-endpoints")).body.items;
      await notFoundForA("DELETE", `/api/v1/voice/sip-endpoints/${own!.id}`);
      expect((await adminB.get<{ items: unknown[] }>("/api/v1/voice/sip-endpoints")).body.items).toHaveLength(
        1,
      );
    },
    "GET /api/v1/voice/calls/by-interaction/:interactionId": async () => {
      const tenantId = (await adminB.get<{ id: string }>("/api/v1/tenant")).body.id;
      const store = new VoiceCallStore(platform.services.db);
      const callId = await store.begin({
        tenantId,
        sipCallId: "b-call-2",
        fromNumber: "+6282222222222",
        toNumber: "7000",
        flowId: null,
        flowVersion: null,
      });
      const interactionId = randomUUID();
      await store.queued(tenantId, callId, {
        interactionId,
        customerId: null,
        language: "id",
        variables: {},
      });
      expect((await adminB.get(`/api/v1/voice/calls/by-interaction/${interactionId}`)).status).toBe(200);
      await notFoundForA("GET", `/api/v1/voice/calls/by-interaction/${interactionId}`);
    },
    ...imapCases(),
    "GET /api/v1/realtime": async () => {
      // Covered with live sockets in realtime.integration.test.ts ("never delivers another tenant's events").
      expect(platform.app.routeTable.find((r) => r.url === "/api/v1/realtime")?.access).toBe("authenticated");
    },
    "GET /api/v1/wfm/shift-templates": async () => {
      const ids = (await adminA.get<Items>("/api/v1/wfm/shift-templates")).body.items.map((t) => t.id);
      expect(ids).not.toContain(bSchedule.templateId);
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
      notFoundForA("GET", `/api/v1/wfm/shift-templates/${bSchedule.templateId}`),
    "PUT /api/v1/wfm/shift-templates/:id": () =>
      notFoundForA("PUT", `/api/v1/wfm/shift-templates/${bSchedule.templateId}`, {
        name: "taken over",
        earliestStartMinute: 0,
        latestStartMinute: 0,
        lengthMinutes: 60,
        weekdays: [1],
        cost: 0,
      }),
    "DELETE /api/v1/wfm/shift-templates/:id": async () => {
      await notFoundForA("DELETE", `/api/v1/wfm/shift-templates/${bSchedule.templateId}`);
      expect((await adminB.get(`/api/v1/wfm/shift-templates/${bSchedule.templateId}`)).status).toBe(200);
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
        templateIds: [bSchedule.templateId],
      });
    },
    "GET /api/v1/wfm/schedules": async () => {
      const ids = (await adminA.get<Items>(`/api/v1/wfm/schedules?week=${WEEK}`)).body.items.map((w) => w.id);
      expect(ids).not.toContain(bSchedule.scheduleId);
      expect((await adminB.get<Items>("/api/v1/wfm/schedules")).body.items.map((w) => w.id)).toContain(
        bSchedule.scheduleId,
      );
    },
    "GET /api/v1/wfm/schedules/me": async () => {
      const mine = await adminA.get<{ shifts: unknown[] }>(`/api/v1/wfm/schedules/me?week=${WEEK}`);
      expect(mine.body.shifts).toEqual([]);
    },
    "GET /api/v1/wfm/schedules/:id": () =>
      notFoundForA("GET", `/api/v1/wfm/schedules/${bSchedule.scheduleId}`),
    "PATCH /api/v1/wfm/schedules/:id/shifts/:shiftId": () =>
      notFoundForA("PATCH", `/api/v1/wfm/schedules/${bSchedule.scheduleId}/shifts/${bSchedule.shiftId}`, {
        start: 600,
        end: 1080,
      }),
    "POST /api/v1/wfm/schedules/:id/publish": () =>
      notFoundForA("POST", `/api/v1/wfm/schedules/${bSchedule.scheduleId}/publish`),
    "GET /api/v1/wfm/adherence": async () => {
      await notFoundForA("GET", `/api/v1/wfm/adherence?date=2026-11-24&teamId=${b.teamId}`);
      const report = await adminA.get<{ agents: { agentId: string }[] }>(
        "/api/v1/wfm/adherence?date=2026-11-24",
      );
      expect(report.body.agents.map((a) => a.agentId)).not.toContain(b.userId);
    },
  };

  function customerCases(): Record<string, () => Promise<void>> {
    const bCustomer = () => `/api/v1/customers/${bCustomers.id}`;
    const bCustomerIntact = async () => {
      const view = await adminB.get<{ fullName: string; erased: boolean; customerNumber: string }>(
        `${bCustomer()}?reveal=true`,
      );
      expect(view.body).toMatchObject({ fullName: "Budi Bank B", erased: false, customerNumber: "B-1" });
    };
    const idsOf = (items: { id: string }[]) => items.map((c) => c.id);
    return {
      "GET /api/v1/customers": async () => {
        const found = await adminA.get<Items>("/api/v1/customers?q=Budi%20Bank%20B");
        expect(found.body.items).toEqual([]);
        const byPhone = await adminA.get<Items>("/api/v1/customers?q=081100000001");
        expect(byPhone.body.items).toEqual([]);
      },
      "POST /api/v1/customers": async () => {
        const created = await adminA.post<{ id: string }>("/api/v1/customers", {
          fullName: "Budi Bank B",
          customerNumber: "B-1",
        });
        expect(created.status).toBe(201);
        const listB = await adminB.get<Items>("/api/v1/customers?q=Budi");
        expect(idsOf(listB.body.items)).not.toContain(created.body.id);
      },
      "GET /api/v1/customers/:id": () => notFoundForA("GET", `${bCustomer()}?reveal=true`),
      "PATCH /api/v1/customers/:id": async () => {
        expect((await adminA.patch(bCustomer(), { fullName: "Hijacked" })).status).toBe(404);
        await bCustomerIntact();
      },
      "GET /api/v1/customers/:id/history": () => notFoundForA("GET", `${bCustomer()}/history`),
      "POST /api/v1/customers/:id/verification": async () => {
        await notFoundForA("POST", `${bCustomer()}/verification`, {
          interactionId: b.interactionId,
          answers: { customer_number: "B-1" },
        });
        const statusB = await adminB.get<{ items: unknown[] }>(
          `/api/v1/customers/verification?interactionId=${b.interactionId}`,
        );
        expect(statusB.body.items).toEqual([]);
      },
      "GET /api/v1/customers/verification": () =>
        notFoundForA("GET", `/api/v1/customers/verification?interactionId=${b.interactionId}`),
      "GET /api/v1/customers/duplicates": async () => {
        const pairs = await adminA.get<{ items: { a: { id: string }; b: { id: string } }[] }>(
          "/api/v1/customers/duplicates?threshold=0",
        );
        const ids = pairs.body.items.flatMap((p) => [p.a.id, p.b.id]);
        expect(ids).not.toContain(bCustomers.id);
        expect(ids).not.toContain(bCustomers.lookalikeId);
      },
      "POST /api/v1/customers/merge": async () => {
        await notFoundForA("POST", "/api/v1/customers/merge", {
          survivorId: bCustomers.id,
          duplicateId: bCustomers.lookalikeId,
        });
        const lookalike = await adminB.get<{ mergedInto: string | null }>(
          `/api/v1/customers/${bCustomers.lookalikeId}`,
        );
        expect(lookalike.body.mergedInto).toBeNull();
      },
      "POST /api/v1/customers/merges/:id/undo": async () => {
        await notFoundForA("POST", `/api/v1/customers/merges/${bCustomers.mergeId}/undo`);
        const merged = await adminB.get<{ mergedInto: string | null }>(
          `/api/v1/customers/${bCustomers.mergedId}`,
        );
        expect(merged.body.mergedInto).toBe(bCustomers.id);
      },
      "GET /api/v1/customers/settings": async () => {
        const settings = await adminA.get<{ segments: string[] }>("/api/v1/customers/settings");
        expect(settings.body.segments).not.toContain("b-segment");
      },
      "PUT /api/v1/customers/settings": async () => {
        await adminA.request("PUT", "/api/v1/customers/settings", { segments: ["a-segment"], fields: [] });
        const settingsB = await adminB.get<{ segments: string[] }>("/api/v1/customers/settings");
        expect(settingsB.body.segments).toEqual(["b-segment"]);
      },
      "GET /api/v1/customers/:id/consents": () => notFoundForA("GET", `${bCustomer()}/consents`),
      "POST /api/v1/customers/:id/consents": async () => {
        await notFoundForA("POST", `${bCustomer()}/consents`, {
          purpose: "x",
          channel: "sms",
          method: "forged",
          source: "tenant A",
        });
        expect((await adminB.get<{ items: unknown[] }>(`${bCustomer()}/consents`)).body.items).toHaveLength(
          1,
        );
      },
      "POST /api/v1/customers/:id/consents/:consentId/withdraw": async () => {
        await notFoundForA("POST", `${bCustomer()}/consents/${bCustomers.consentId}/withdraw`);
        const consents = await adminB.get<{ items: { withdrawnAt: string | null }[] }>(
          `${bCustomer()}/consents`,
        );
        expect(consents.body.items[0]!.withdrawnAt).toBeNull();
      },
      "GET /api/v1/customers/:id/export": () => notFoundForA("GET", `${bCustomer()}/export`),
      "POST /api/v1/customers/:id/erase": async () => {
        await notFoundForA("POST", `${bCustomer()}/erase`);
        await bCustomerIntact();
      },
      "GET /api/v1/customers/export.csv": async () => {
        const csv = await adminA.get<string>("/api/v1/customers/export.csv");
        expect(csv.status).toBe(200);
        expect(csv.body).not.toContain(bCustomers.id);
      },
      "POST /api/v1/customers/import": async () => {
        const reply = await platform.app.inject({
          method: "POST",
          url: "/api/v1/customers/import",
          headers: { authorization: `Bearer ${adminA.token}`, "content-type": "text/csv" },
          payload: "name,phone\nBudi Bank B,081100000001\n",
        });
        expect(reply.json()).toMatchObject({ imported: 1, possibleDuplicates: [] });
        const listB = await adminB.get<Items>("/api/v1/customers?q=081100000001");
        expect(idsOf(listB.body.items).sort()).toEqual([bCustomers.id, bCustomers.lookalikeId].sort());
      },
      "GET /api/v1/privacy/verification-policy": async () => {
        expect((await adminA.get("/api/v1/privacy/verification-policy")).status).toBe(200);
      },
      "PUT /api/v1/privacy/verification-policy": async () => {
        await adminA.request("PUT", "/api/v1/privacy/verification-policy", {
          policy: { mode: "all", facts: ["customer_number"], required: 1, maxFailedAttempts: 1 },
          maskedFields: [],
        });
        const policyB = await adminB.get<{ policy: { mode: string }; maskedFields: string[] }>(
          "/api/v1/privacy/verification-policy",
        );
        expect(policyB.body.policy.mode).toBe("any");
        expect(policyB.body.maskedFields.length).toBeGreaterThan(0);
      },
      "GET /api/v1/privacy/retention": async () => {
        expect((await adminA.get("/api/v1/privacy/retention")).status).toBe(200);
      },
      "PUT /api/v1/privacy/retention": async () => {
        await adminA.request("PUT", "/api/v1/privacy/retention", {
          messagesDays: 7,
          recordingsDays: 7,
          verificationAttemptsDays: 7,
        });
        const retentionB = await adminB.get<{ verificationAttemptsDays: number }>(
          "/api/v1/privacy/retention",
        );
        expect(retentionB.body.verificationAttemptsDays).toBe(365);
      },
    };
  }

  /** Tenant B's mailbox and an email conversation with an attachment, stored through the channel intake. */
  function conversationCases(): Record<string, () => Promise<void>> {
    const bMail = { queueId: "", addressId: "", conversationId: "", attachmentId: "" };
    beforeAll(async () => {
      bMail.queueId = (
        await adminB.post<{ id: string }>("/api/v1/queues", {
          name: "B email",
          settings: { channels: ["email"] },
        })
      ).body.id;
      bMail.addressId = (
        await adminB.post<{ id: string }>("/api/v1/channels/email-addresses", {
          address: "help@bank-b.test",
          queueId: bMail.queueId,
        })
      ).body.id;
      const tenantB = (await adminB.get<{ id: string }>("/api/v1/tenant")).body.id;
      const stored = await platform.services.channels.intake.receive({
        endpoint: {
          tenantId: tenantB,
          channel: "email",
          address: "help@bank-b.test",
          queueId: bMail.queueId,
          language: null,
          skills: [],
        },
        contact: { email: "secret@customer-b.test", name: "Nasabah B" },
        providerMessageId: "<b-1@customer-b.test>",
        inReplyTo: null,
        references: [],
        subject: "Rahasia B",
        bodyText: "Isi rahasia B",
        bodyHtmlSanitized: null,
        toAddresses: ["help@bank-b.test"],
        attachments: [
          { fileName: "b.txt", contentType: "text/plain", content: new TextEncoder().encode("B") },
        ],
        automated: null,
        parseProblem: null,
      });
      bMail.conversationId = stored.conversationId;
      await platform.services.db
        .updateTable("conversations")
        .set({ current_interaction_id: b.interactionId })
        .where("id", "=", stored.conversationId)
        .execute();
      await platform.services.db
        .insertInto("conversation_interactions")
        .values({
          tenant_id: tenantB,
          interaction_id: b.interactionId,
          conversation_id: stored.conversationId,
        })
        .execute();
      const detail = await adminB.get<{ messages: { attachments: { id: string }[] }[] }>(
        `/api/v1/conversations/${stored.conversationId}`,
      );
      bMail.attachmentId = detail.body.messages[0]!.attachments[0]!.id;
    });
    const bConversationMessages = async () =>
      (await adminB.get<{ messages: unknown[] }>(`/api/v1/conversations/${bMail.conversationId}`)).body
        .messages.length;
    const bAddressIntact = async () =>
      expect((await adminB.get(`/api/v1/channels/email-addresses/${bMail.addressId}`)).body).toMatchObject({
        address: "help@bank-b.test",
        queueId: bMail.queueId,
      });
    return {
      "GET /api/v1/conversations": async () => {
        const ids = (await adminA.get<Items>("/api/v1/conversations")).body.items.map((c) => c.id);
        expect(ids).not.toContain(bMail.conversationId);
      },
      "GET /api/v1/conversations/:id": () =>
        notFoundForA("GET", `/api/v1/conversations/${bMail.conversationId}`),
      "GET /api/v1/conversations/by-interaction/:interactionId": () =>
        notFoundForA("GET", `/api/v1/conversations/by-interaction/${b.interactionId}`),
      "POST /api/v1/conversations/:id/messages": async () => {
        await notFoundForA("POST", `/api/v1/conversations/${bMail.conversationId}/messages`, {
          body: "Hijack",
        });
        expect(await bConversationMessages()).toBe(1);
      },
      "POST /api/v1/conversations/:id/notes": async () => {
        await notFoundForA("POST", `/api/v1/conversations/${bMail.conversationId}/notes`, { body: "Hijack" });
        expect(await bConversationMessages()).toBe(1);
      },
      "GET /api/v1/attachments/:id": () => notFoundForA("GET", `/api/v1/attachments/${bMail.attachmentId}`),
      "GET /api/v1/channels/email-addresses": async () => {
        const ids = (await adminA.get<Items>("/api/v1/channels/email-addresses")).body.items.map((a) => a.id);
        expect(ids).not.toContain(bMail.addressId);
      },
      "POST /api/v1/channels/email-addresses": async () => {
        // B's queue is unknown to A, so A cannot route its mailbox into B's queue.
        await notFoundForA("POST", "/api/v1/channels/email-addresses", {
          address: "steal@acme.test",
          queueId: bMail.queueId,
        });
      },
      "GET /api/v1/channels/email-addresses/:id": () =>
        notFoundForA("GET", `/api/v1/channels/email-addresses/${bMail.addressId}`),
      "PATCH /api/v1/channels/email-addresses/:id": async () => {
        await notFoundForA("PATCH", `/api/v1/channels/email-addresses/${bMail.addressId}`, {
          language: "en",
        });
        await bAddressIntact();
      },
      "DELETE /api/v1/channels/email-addresses/:id": async () => {
        await notFoundForA("DELETE", `/api/v1/channels/email-addresses/${bMail.addressId}`);
        await bAddressIntact();
      },
    };
  }

  it("has an isolation case for every /api/v1 route", () => {
    const routes = platform.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(routes).toEqual(Object.keys(cases).sort());
  });

  describe("tenant A's admin cannot reach tenant B", () => {
    for (const [route, check] of Object.entries(cases)) it(route, check);
  });

  /** Tenant B's web-chat key and a visitor chat on it, started through the public visitor API. */
  function webChatCases(): Record<string, () => Promise<void>> {
    const bChat = { queueId: "", keyId: "", publicKey: "", token: "", conversationId: "", attachmentId: "" };
    const visitorB = (method: "GET" | "POST", url: string, payload?: Record<string, unknown>) =>
      platform.app.inject({
        method,
        url,
        headers: { "x-webchat-token": bChat.token },
        ...(payload ? { payload } : {}),
      });
    beforeAll(async () => {
      bChat.queueId = (
        await adminB.post<{ id: string }>("/api/v1/queues", {
          name: "B chat",
          settings: { channels: ["chat"] },
        })
      ).body.id;
      const key = await adminB.post<{ id: string; publicKey: string }>("/api/v1/channels/web-chat", {
        name: "B website",
        queueId: bChat.queueId,
      });
      bChat.keyId = key.body.id;
      bChat.publicKey = key.body.publicKey;
      const session = await new ApiClient(platform.app).post<{ token: string; conversationId: string }>(
        "/api/v1/webchat/sessions",
        { key: bChat.publicKey, name: "Pengunjung B", email: "visitor@customer-b.test" },
      );
      bChat.token = session.body.token;
      bChat.conversationId = session.body.conversationId;
    });
    const bKeyIntact = async () =>
      expect((await adminB.get(`/api/v1/channels/web-chat/${bChat.keyId}`)).body).toMatchObject({
        name: "B website",
        queueId: bChat.queueId,
        enabled: true,
      });
    const conversationIdsOfA = async () =>
      (await adminA.get<Items>("/api/v1/conversations?limit=200")).body.items.map((c) => c.id);
    return {
      "GET /api/v1/channels/web-chat": async () => {
        const ids = (await adminA.get<Items>("/api/v1/channels/web-chat")).body.items.map((k) => k.id);
        expect(ids).not.toContain(bChat.keyId);
      },
      "POST /api/v1/channels/web-chat": async () => {
        await notFoundForA("POST", "/api/v1/channels/web-chat", { name: "Hijack", queueId: bChat.queueId });
      },
      "GET /api/v1/channels/web-chat/:id": () =>
        notFoundForA("GET", `/api/v1/channels/web-chat/${bChat.keyId}`),
      "PATCH /api/v1/channels/web-chat/:id": async () => {
        await notFoundForA("PATCH", `/api/v1/channels/web-chat/${bChat.keyId}`, { name: "Hijack" });
        await bKeyIntact();
      },
      "DELETE /api/v1/channels/web-chat/:id": async () => {
        await notFoundForA("DELETE", `/api/v1/channels/web-chat/${bChat.keyId}`);
        await bKeyIntact();
      },
      "POST /api/v1/conversations/:id/typing": () =>
        notFoundForA("POST", `/api/v1/conversations/${bChat.conversationId}/typing`, { typing: true }),
      "POST /api/v1/webchat/sessions": async () => {
        // A session on B's key is B's conversation: A never sees it.
        expect(await conversationIdsOfA()).not.toContain(bChat.conversationId);
        const inB = await adminB.get(`/api/v1/conversations/${bChat.conversationId}`);
        expect(inB.status).toBe(200);
      },
      "GET /api/v1/webchat/messages": async () => {
        // The visitor token reads its own conversation only: exactly what B's admin sees there.
        const history = (await visitorB("GET", "/api/v1/webchat/messages"))
          .json<Items>()
          .items.map((m) => m.id);
        const inB = await adminB.get<{ messages: { id: string }[] }>(
          `/api/v1/conversations/${bChat.conversationId}`,
        );
        expect(history).toEqual(inB.body.messages.map((m) => m.id));
      },
      "POST /api/v1/webchat/messages": async () => {
        const sent = await visitorB("POST", "/api/v1/webchat/messages", { text: "Halo dari B" });
        expect(sent.statusCode).toBe(201);
        expect(await conversationIdsOfA()).not.toContain(bChat.conversationId);
      },
      "GET /api/v1/webchat/socket": async () => {
        // Pushes go to the sockets of the token's own conversation (web-chat.integration.test.ts).
        expect(platform.app.routeTable.find((r) => r.url === "/api/v1/webchat/socket")?.access).toBe(
          "public",
        );
      },
      "GET /api/v1/webchat/config": async () => {
        // What a key tells any page: live or offline and its file limits, nothing of a tenant's setup.
        const config = await platform.app.inject({
          method: "GET",
          url: `/api/v1/webchat/config?key=${bChat.publicKey}`,
        });
        expect(Object.keys(config.json()).sort()).toEqual(["attachments", "language", "online", "reason"]);
      },
      "POST /api/v1/webchat/offline": async () => {
        const left = await new ApiClient(platform.app).post("/api/v1/webchat/offline", {
          key: bChat.publicKey,
          name: "Pengunjung B",
          email: "offline@customer-b.test",
          message: "Pesan untuk B",
        });
        expect(left.status).toBe(201);
        const contactsOfA = (
          await adminA.get<{ items: { contactAddress: string }[] }>("/api/v1/conversations?limit=200")
        ).body.items.map((c) => c.contactAddress);
        expect(contactsOfA).not.toContain("offline@customer-b.test");
      },
      "POST /api/v1/webchat/attachments": async () => {
        const uploaded = await platform.app.inject({
          method: "POST",
          url: "/api/v1/webchat/attachments",
          headers: {
            "x-webchat-token": bChat.token,
            "content-type": "application/pdf",
            "x-file-name": "b.pdf",
          },
          payload: Buffer.from("%PDF-1.4"),
        });
        expect(uploaded.statusCode).toBe(201);
        bChat.attachmentId = uploaded.json().attachments[0].id;
        expect((await adminA.get(`/api/v1/attachments/${bChat.attachmentId}`)).status).toBe(404);
      },
      "GET /api/v1/webchat/attachments/:id": async () => {
        const url = `/api/v1/webchat/attachments/${bChat.attachmentId}`;
        const asA = await platform.app.inject({
          method: "GET",
          url,
          headers: { authorization: `Bearer ${adminA.token}` },
        });
        expect(asA.statusCode).toBe(401);
        expect((await visitorB("GET", url)).statusCode).toBe(200);
      },
      "POST /api/v1/webchat/end": async () => {
        expect((await visitorB("POST", "/api/v1/webchat/end", {})).statusCode).toBe(200);
        expect(await conversationIdsOfA()).not.toContain(bChat.conversationId);
      },
      "POST /api/v1/webchat/csat": async () => {
        expect((await visitorB("POST", "/api/v1/webchat/csat", { rating: 5 })).statusCode).toBe(201);
        const rows = await platform.services.db
          .selectFrom("csat_responses")
          .select("tenant_id")
          .where("conversation_id", "=", bChat.conversationId)
          .execute();
        expect(rows.map((r) => r.tenant_id)).not.toContain(
          (await adminA.get<{ tenantId: string }>("/api/v1/auth/me")).body.tenantId,
        );
        expect(rows).toHaveLength(1);
      },
      "POST /api/v1/webchat/transcript": async () => {
        // No relay in this test: refused as unavailable, and nothing is queued for anyone.
        const asked = await visitorB("POST", "/api/v1/webchat/transcript", {});
        expect(asked.statusCode).toBe(503);
        expect(asked.json().error.code).toBe("web_chat_transcript_unavailable");
      },
    };
  }

  /** Tenant B's SMS account and a conversation that arrived through its signed webhook. */
  function messagingCases(): Record<string, () => Promise<void>> {
    const bSms = { queueId: "", accountId: "", webhookPath: "", conversationId: "" };
    const secret = "b-signing-secret-0123456789";
    const postToB = async (payload: Record<string, unknown>) => {
      const body = JSON.stringify(payload);
      const timestamp = String(Math.floor(Date.now() / 1000));
      return platform.app.inject({
        method: "POST",
        url: bSms.webhookPath,
        headers: {
          "content-type": "application/json",
          "x-sentra-timestamp": timestamp,
          "x-sentra-signature": smsSignature(secret, timestamp, body),
        },
        payload: body,
      });
    };
    beforeAll(async () => {
      bSms.queueId = (
        await adminB.post<{ id: string }>("/api/v1/queues", {
          name: "B messages",
          settings: { channels: ["message"] },
        })
      ).body.id;
      const account = await adminB.post<{ id: string; webhookPath: string }>("/api/v1/channels/messaging", {
        provider: "sms",
        name: "B SMS",
        queueId: bSms.queueId,
        sendUrl: "http://127.0.0.1:9/sms",
        fromNumber: "+6281100000002",
        signingSecret: secret,
      });
      bSms.accountId = account.body.id;
      bSms.webhookPath = account.body.webhookPath;
      expect((await postToB({ id: "b-1", from: "+6281299990000", text: "Halo B" })).statusCode).toBe(200);
      const inB = await adminB.get<Items>("/api/v1/conversations?limit=200");
      bSms.conversationId = inB.body.items[0]!.id;
    });
    const bAccountIntact = async () =>
      expect((await adminB.get(`/api/v1/channels/messaging/${bSms.accountId}`)).body).toMatchObject({
        name: "B SMS",
        queueId: bSms.queueId,
        enabled: true,
      });
    const conversationIdsOfA = async () =>
      (await adminA.get<Items>("/api/v1/conversations?limit=200")).body.items.map((c) => c.id);
    return {
      "GET /api/v1/channels/messaging": async () => {
        const ids = (await adminA.get<Items>("/api/v1/channels/messaging")).body.items.map((k) => k.id);
        expect(ids).not.toContain(bSms.accountId);
      },
      "POST /api/v1/channels/messaging": () =>
        notFoundForA("POST", "/api/v1/channels/messaging", {
          provider: "sms",
          name: "Hijack",
          queueId: bSms.queueId,
          sendUrl: "http://127.0.0.1:9/sms",
          fromNumber: "+6281100000003",
          signingSecret: "hijack-secret-0123456789",
        }),
      "GET /api/v1/channels/messaging/:id": () =>
        notFoundForA("GET", `/api/v1/channels/messaging/${bSms.accountId}`),
      "PATCH /api/v1/channels/messaging/:id": async () => {
        await notFoundForA("PATCH", `/api/v1/channels/messaging/${bSms.accountId}`, { name: "Hijack" });
        await bAccountIntact();
      },
      "DELETE /api/v1/channels/messaging/:id": async () => {
        await notFoundForA("DELETE", `/api/v1/channels/messaging/${bSms.accountId}`);
        await bAccountIntact();
      },
      "POST /api/v1/hooks/messaging/:key": async () => {
        // What arrives on B's webhook is B's: A never sees the conversation.
        expect((await postToB({ id: "b-2", from: "+6281299990000", text: "Lagi" })).statusCode).toBe(200);
        expect(await conversationIdsOfA()).not.toContain(bSms.conversationId);
        expect((await adminB.get(`/api/v1/conversations/${bSms.conversationId}`)).status).toBe(200);
      },
      "GET /api/v1/hooks/messaging/:key": async () => {
        // The handshake is WhatsApp's only and answers nothing about another provider's account.
        const reply = await platform.app.inject({
          method: "GET",
          url: `${bSms.webhookPath}?hub.mode=subscribe`,
        });
        expect(reply.statusCode).toBe(404);
      },
    };
  }

  /** Tenant B's canned response and a live visitor chat, for the agent desktop's routes. */
  function deskCases(): Record<string, () => Promise<void>> {
    const bDesk = { cannedId: "", conversationId: "", messageId: "" };
    beforeAll(async () => {
      bDesk.cannedId = (
        await adminB.post<{ id: string }>("/api/v1/canned-responses", {
          language: "id",
          shortcut: "rahasia",
          title: "Only B",
          body: "Rahasia B untuk {{customer.name}}",
        })
      ).body.id;
      const queueId = (
        await adminB.post<{ id: string }>("/api/v1/queues", {
          name: "B desk chat",
          settings: { channels: ["chat"] },
        })
      ).body.id;
      const key = await adminB.post<{ publicKey: string }>("/api/v1/channels/web-chat", {
        name: "B desk",
        queueId,
      });
      const session = await new ApiClient(platform.app).post<{ conversationId: string }>(
        "/api/v1/webchat/sessions",
        { key: key.body.publicKey, name: "Nasabah B", email: "nasabah@bank-b.test" },
      );
      bDesk.conversationId = session.body.conversationId;
      bDesk.messageId = (
        await adminB.get<{ messages: { id: string }[] }>(`/api/v1/conversations/${bDesk.conversationId}`)
      ).body.messages[0]!.id;
    });
    const bCannedIntact = async () => {
      const items = (await adminB.get<{ items: { id: string; title: string }[] }>("/api/v1/canned-responses"))
        .body.items;
      expect(items.find((r) => r.id === bDesk.cannedId)?.title).toBe("Only B");
    };
    return {
      "GET /api/v1/canned-responses": async () => {
        const ids = (await adminA.get<Items>("/api/v1/canned-responses")).body.items.map((r) => r.id);
        expect(ids).not.toContain(bDesk.cannedId);
      },
      "POST /api/v1/canned-responses": async () => {
        // Shortcuts are unique per tenant: B's /rahasia does not block A's.
        const created = await adminA.post("/api/v1/canned-responses", {
          language: "id",
          shortcut: "rahasia",
          title: "A's own",
          body: "Milik A",
        });
        expect(created.status).toBe(201);
        await bCannedIntact();
      },
      "PATCH /api/v1/canned-responses/:id": async () => {
        await notFoundForA("PATCH", `/api/v1/canned-responses/${bDesk.cannedId}`, { title: "Hijack" });
        await bCannedIntact();
      },
      "DELETE /api/v1/canned-responses/:id": async () => {
        await notFoundForA("DELETE", `/api/v1/canned-responses/${bDesk.cannedId}`);
        await bCannedIntact();
      },
      "GET /api/v1/conversations/live": async () => {
        const ofA = (await adminA.get<Items>("/api/v1/conversations/live")).body.items.map((c) => c.id);
        expect(ofA).not.toContain(bDesk.conversationId);
        const ofB = (await adminB.get<Items>("/api/v1/conversations/live")).body.items.map((c) => c.id);
        expect(ofB).toContain(bDesk.conversationId);
      },
      "POST /api/v1/conversations/:id/read": async () => {
        await notFoundForA("POST", `/api/v1/conversations/${bDesk.conversationId}/read`, {
          upTo: bDesk.messageId,
        });
        const detail = await adminB.get<{ messages: { readAt: string | null }[] }>(
          `/api/v1/conversations/${bDesk.conversationId}`,
        );
        expect(detail.body.messages[0]!.readAt).toBeNull();
      },
    };
  }

  /** Tenant B's polled IMAP mailbox (never polled here: the account is disabled). */
  function imapCases(): Record<string, () => Promise<void>> {
    const bImap = { addressId: "", accountId: "" };
    beforeAll(async () => {
      const queueId = (
        await adminB.post<{ id: string }>("/api/v1/queues", {
          name: "B imap",
          settings: { channels: ["email"] },
        })
      ).body.id;
      bImap.addressId = (
        await adminB.post<{ id: string }>("/api/v1/channels/email-addresses", {
          address: "imap@bank-b.test",
          queueId,
        })
      ).body.id;
      bImap.accountId = (
        await adminB.post<{ id: string }>("/api/v1/channels/imap-accounts", {
          emailAddressId: bImap.addressId,
          host: "imap.bank-b.test",
          username: "b",
          password: "b-imap-secret",
          enabled: false,
        })
      ).body.id;
    });
    const bAccountIntact = async () =>
      expect((await adminB.get(`/api/v1/channels/imap-accounts/${bImap.accountId}`)).body).toMatchObject({
        host: "imap.bank-b.test",
        enabled: false,
      });
    return {
      "GET /api/v1/channels/imap-accounts": async () => {
        const ids = (await adminA.get<Items>("/api/v1/channels/imap-accounts")).body.items.map((a) => a.id);
        expect(ids).not.toContain(bImap.accountId);
      },
      "POST /api/v1/channels/imap-accounts": () =>
        // B's address is unknown to A, so A cannot poll mail into B's queue.
        notFoundForA("POST", "/api/v1/channels/imap-accounts", {
          emailAddressId: bImap.addressId,
          host: "imap.acme.test",
          username: "a",
          password: "a-imap-secret",
        }),
      "GET /api/v1/channels/imap-accounts/:id": () =>
        notFoundForA("GET", `/api/v1/channels/imap-accounts/${bImap.accountId}`),
      "PATCH /api/v1/channels/imap-accounts/:id": async () => {
        await notFoundForA("PATCH", `/api/v1/channels/imap-accounts/${bImap.accountId}`, { enabled: true });
        await bAccountIntact();
      },
      "DELETE /api/v1/channels/imap-accounts/:id": async () => {
        await notFoundForA("DELETE", `/api/v1/channels/imap-accounts/${bImap.accountId}`);
        await bAccountIntact();
      },
    };
  }
});
