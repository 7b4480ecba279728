import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform } from "../platform.js";
import { ApiClient } from "../testing/api-client.js";
import { RealtimeClient } from "../testing/realtime-client.js";
import { describeEachStore, storeTargets } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
  testConfig,
} from "../testing/test-platform.js";

type Interaction = { interactionId: string; state: string; agentId?: string; live: boolean };
type ErrorBody = { error: { code: string; message: string } };

describeEachStore("routing through the API", (target) => {
  let platform: TestPlatform;
  let admin: ApiClient;
  let agent: ApiClient;
  let agentId: string;
  let queueId: string;
  let skillId: string;

  beforeAll(async () => {
    platform = await startTestPlatform(target);
    const anonymous = new ApiClient(platform.app);
    admin = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    agentId = (
      await admin.post<{ id: string }>("/api/v1/users", {
        email: "dewi@acme.test",
        displayName: "Dewi",
        role: "agent",
        password: "dewi-password-123",
      })
    ).body.id;
    agent = await anonymous.login("dewi@acme.test", "dewi-password-123");
    skillId = (await admin.post<{ id: string }>("/api/v1/skills", { name: "kartu-kredit" })).body.id;
    const queue = await admin.post<{ id: string }>("/api/v1/queues", {
      name: "Kartu Kredit",
      settings: {
        channels: ["chat", "voice"],
        skills: [{ skill: skillId, minLevel: 3 }],
        policy: "most_skilled",
      },
    });
    expect(queue.status).toBe(201);
    queueId = queue.body.id;
    const profile = await admin.request("PUT", `/api/v1/agents/${agentId}/profile`, {
      skills: { [skillId]: 7 },
      languages: ["id", "en"],
      capacity: { max: { chat: 3, voice: 1 }, exclusive: ["voice"] },
    });
    expect(profile.status).toBe(200);
  });
  afterAll(() => platform?.dispose());

  it("offers a new chat to the available skilled agent over realtime, then accept, complete and wrap up", async () => {
    const socket = await RealtimeClient.connect(platform.url, agent.token!);
    await socket.subscribe(`agent:${agentId}`);
    const state = await agent.request<{ status: { kind: string } }>("PUT", "/api/v1/agents/me/state", {
      state: "available",
    });
    expect(state.body.status.kind).toBe("available");

    const created = await admin.post<Interaction>("/api/v1/interactions", {
      channel: "chat",
      queueId,
      customerId: "cust-1",
    });
    expect(created.status).toBe(201);
    const id = created.body.interactionId;
    const offer = await socket.next((m) => m.event?.type === "routing.offer_made");
    expect(offer.event?.data).toMatchObject({ interactionId: id, agentId });

    expect((await agent.post<Interaction>(`/api/v1/interactions/${id}/accept`)).body.state).toBe("connected");
    expect((await agent.post<Interaction>(`/api/v1/interactions/${id}/complete`)).body.state).toBe("wrap_up");
    const closed = await agent.post<Interaction>(`/api/v1/interactions/${id}/wrap-up`, {
      disposition: "resolved",
      notes: "Limit naik",
    });
    expect(closed.body).toMatchObject({ state: "closed", live: false });

    const why = await admin.get<{
      offers: { agentId: string; summary: string; explanation: { policy: string } }[];
    }>(`/api/v1/interactions/${id}/explanation`);
    expect(why.body.offers[0]).toMatchObject({ agentId, explanation: { policy: "most_skilled" } });
    expect(why.body.offers[0]!.summary).toContain("most_skilled chose");
    socket.close();

    const stats = await admin.get<{
      tenant: { answeredToday: number; serviceLevel: { today: number } };
      queues: { queueId: string; answeredToday: number; ahtMs: number }[];
    }>("/api/v1/stats");
    expect(stats.body.tenant).toMatchObject({ answeredToday: 1, serviceLevel: { today: 1 } });
    expect(stats.body.queues.find((q) => q.queueId === queueId)).toMatchObject({ answeredToday: 1 });
    const intraday = await admin.get<{
      timeZone: string;
      today: { arrivals: number; answered: number; serviceLevel: number | null }[];
      yesterday: unknown[];
    }>(`/api/v1/stats/intraday?queueId=${queueId}`);
    expect(intraday.body.timeZone).toBe("Asia/Jakarta");
    expect(intraday.body.today).toHaveLength(96);
    expect(intraday.body.yesterday).toHaveLength(96);
    const busy = intraday.body.today.filter((i) => i.arrivals > 0);
    expect(busy).toEqual([expect.objectContaining({ arrivals: 1, answered: 1, serviceLevel: 1 })]);
  });

  it("pushes live KPIs to the wallboard within a second of a change", async () => {
    const wallboard = await RealtimeClient.connect(platform.url, admin.token!);
    await wallboard.subscribe("wallboard");
    const sent = Date.now();
    const call = await admin.post<Interaction>("/api/v1/interactions", { channel: "voice", queueId });
    const update = await wallboard.next((m) => m.event?.type === "kpi.updated");
    expect(Date.now() - sent).toBeLessThan(1_000);
    expect(update.event?.data).toHaveProperty("queues");
    wallboard.close();
    // The caller hangs up while it rings: the offer is withdrawn and the agent is free again.
    const gone = await admin.post<Interaction>(`/api/v1/interactions/${call.body.interactionId}/abandon`);
    expect(gone.body.state).toBe("abandoned");
  });

  it("transfers a connected chat to another queue, where it waits again, and audits the move", async () => {
    const english = await admin.post<{ id: string }>("/api/v1/queues", {
      name: "English desk",
      settings: { channels: ["chat"], skills: [{ skill: skillId, minLevel: 10 }] },
    });
    await agent.request("PUT", "/api/v1/agents/me/state", { state: "available" });
    const chat = await admin.post<Interaction>("/api/v1/interactions", { channel: "chat", queueId });
    expect(chat.body).toMatchObject({ state: "offered", agentId });
    await agent.post(`/api/v1/interactions/${chat.body.interactionId}/accept`);
    const moved = await agent.post<Interaction & { queueId: string }>(
      `/api/v1/interactions/${chat.body.interactionId}/transfer`,
      { queueId: english.body.id },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ state: "queued", queueId: english.body.id });
    const audit = await admin.get<{ items: { action: string; targetId: string }[] }>("/api/v1/audit?limit=5");
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: "interaction.transferred", targetId: chat.body.interactionId }),
    );
  });

  it("keeps an interaction waiting when no agent has the skill, in arrival order", async () => {
    const other = (await admin.post<{ id: string }>("/api/v1/skills", { name: "asuransi" })).body.id;
    const strict = await admin.post<{ id: string }>("/api/v1/queues", {
      name: "Asuransi",
      settings: { channels: ["chat"], skills: [{ skill: other, minLevel: 5 }] },
    });
    const first = await admin.post<Interaction>("/api/v1/interactions", {
      channel: "chat",
      queueId: strict.body.id,
    });
    const second = await admin.post<Interaction>("/api/v1/interactions", {
      channel: "chat",
      queueId: strict.body.id,
    });
    expect(first.body.state).toBe("queued");
    const waiting = await admin.get<{ items: string[] }>(`/api/v1/queues/${strict.body.id}/waiting`);
    expect(waiting.body.items).toEqual([first.body.interactionId, second.body.interactionId]);
  });

  it("refuses what the engine or the rules forbid, with a clear code", async () => {
    const wrongChannel = await admin.post<ErrorBody>("/api/v1/interactions", { channel: "email", queueId });
    expect(wrongChannel.status).toBe(400);
    expect(wrongChannel.body.error.code).toBe("channel_not_accepted");
    const unknownSkill = await admin.post<ErrorBody>("/api/v1/queues", {
      name: "Ghost",
      settings: {
        channels: ["chat"],
        skills: [{ skill: "00000000-0000-4000-8000-000000000000", minLevel: 1 }],
      },
    });
    expect(unknownSkill.body.error.code).toBe("unknown_references");
    const badReason = await agent.request<ErrorBody>("PUT", "/api/v1/agents/me/state", {
      state: "not_ready",
      reason: "nap",
    });
    expect(badReason.body.error.code).toBe("unknown_not_ready_reason");
    const agentCreates = await agent.post<ErrorBody>("/api/v1/interactions", { channel: "chat", queueId });
    expect(agentCreates.status).toBe(403);
  });

  it("lets a supervisor see live agents and force a state, and audits it", async () => {
    await admin.post("/api/v1/users", {
      email: "spv@acme.test",
      displayName: "Spv",
      role: "supervisor",
      password: "supervisor-pass-1",
    });
    const supervisor = await new ApiClient(platform.app).login("spv@acme.test", "supervisor-pass-1");
    const forced = await supervisor.request<{ status: { kind: string; reason?: string } }>(
      "PUT",
      `/api/v1/agents/${agentId}/state`,
      { state: "not_ready", reason: "coaching" },
    );
    expect(forced.body.status).toEqual({ kind: "not_ready", reason: "coaching" });
    const agents = await supervisor.get<{ items: { agentId: string; label: string }[] }>("/api/v1/agents");
    expect(agents.body.items.find((a) => a.agentId === agentId)?.label).toBe("not_ready(coaching)");
    const audit = await admin.get<{ items: { action: string }[] }>("/api/v1/audit?limit=5");
    expect(audit.body.items.map((e) => e.action)).toContain("agent.state_forced");
    const agentForcing = await agent.request("PUT", `/api/v1/agents/${agentId}/state`, {
      state: "available",
    });
    expect(agentForcing.status).toBe(200);
  });
});

describe("routing survives a restart", () => {
  it("rebuilds queue order and enqueue times from the command log and re-offers in-flight offers", async () => {
    const store = await storeTargets[0]!.create();
    const config = testConfig(store.env);
    try {
      const first = await startPlatform(config);
      const admin = await new ApiClient(first.app).login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const agentId = (
        await admin.post<{ id: string }>("/api/v1/users", {
          email: "a@acme.test",
          displayName: "A",
          role: "agent",
          password: "agent-a-password",
        })
      ).body.id;
      const agent = await new ApiClient(first.app).login("a@acme.test", "agent-a-password");
      const queue = await admin.post<{ id: string }>("/api/v1/queues", {
        name: "Q",
        settings: { channels: ["voice"], offerTimeoutMs: 1_000 },
      });
      await agent.request("PUT", "/api/v1/agents/me/state", { state: "available" });
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) {
        ids.push(
          (
            await admin.post<Interaction>("/api/v1/interactions", {
              channel: "voice",
              queueId: queue.body.id,
            })
          ).body.interactionId,
        );
      }
      const offeredBefore = await admin.get<Interaction>(`/api/v1/interactions/${ids[0]}`);
      expect(offeredBefore.body).toMatchObject({ state: "offered", agentId });
      const enqueuedBefore = await Promise.all(
        ids.map(
          async (id) =>
            (await admin.get<{ enqueuedAt: number }>(`/api/v1/interactions/${id}`)).body.enqueuedAt,
        ),
      );
      await first.close();

      const second = await startPlatform(config);
      try {
        const admin2 = await new ApiClient(second.app).login(ADMIN_EMAIL, ADMIN_PASSWORD);
        // The offer ringing at the stop times out (1 s) and the call returns to the head of the line, so the
        // queue holds all four in arrival order with their original enqueue times.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect((await admin2.get<Interaction>(`/api/v1/interactions/${ids[0]}`)).body.state).toBe("queued");
        expect(
          (await admin2.get<{ items: string[] }>(`/api/v1/queues/${queue.body.id}/waiting`)).body.items,
        ).toEqual(ids);
        const enqueuedAfter = await Promise.all(
          ids.map(
            async (id) =>
              (await admin2.get<{ enqueuedAt: number }>(`/api/v1/interactions/${id}`)).body.enqueuedAt,
          ),
        );
        expect(enqueuedAfter).toEqual(enqueuedBefore);
        const agent2 = await new ApiClient(second.app).login("a@acme.test", "agent-a-password");
        await agent2.request("PUT", "/api/v1/agents/me/state", { state: "available" });
        expect((await admin2.get<Interaction>(`/api/v1/interactions/${ids[0]}`)).body).toMatchObject({
          state: "offered",
          agentId,
        });
      } finally {
        await second.close();
      }
    } finally {
      await store.dispose();
    }
  });
});
