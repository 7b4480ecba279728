import { ManualClock, startIvr, stepIvr } from "@sentra/core";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../testing/api-client.js";
import { storeTargets } from "../testing/services-under-test.js";
import { startTestPlatform, type TestPlatform } from "../testing/test-platform.js";

type Named = { items: { id: string; name: string }[] };

describe("the demo tenant seeded on first start", () => {
  let platform: TestPlatform;
  let admin: ApiClient;
  const login = (email: string) => {
    const seeded = platform.seededLogins.find((l) => l.email === email)!;
    return new ApiClient(platform.app).login(seeded.email, seeded.password);
  };

  beforeAll(async () => {
    platform = await startTestPlatform(storeTargets[0]!, { SENTRA_SEED_DEMO: "true" });
    admin = await new ApiClient(platform.app).login(
      platform.seededLogins[0]!.email,
      platform.seededLogins[0]!.password,
    );
  });
  afterAll(() => platform?.dispose());

  it("has bilingual queues, skills, two teams and staff of every role", async () => {
    const queues = (await admin.get<Named>("/api/v1/queues")).body.items.map((q) => q.name);
    expect(queues).toEqual(
      expect.arrayContaining(["Layanan Nasabah — Chat", "Customer Service (English)", "Penagihan Bucket 1"]),
    );
    expect((await admin.get<Named>("/api/v1/skills")).body.items).toHaveLength(4);
    expect((await admin.get<Named>("/api/v1/teams")).body.items.map((t) => t.name).sort()).toEqual([
      "Collections",
      "Layanan Nasabah",
    ]);
    expect(new Set(platform.seededLogins.map((l) => l.role))).toEqual(
      new Set(["admin", "supervisor", "agent", "qa", "wfm"]),
    );
  });

  it("routes a customer-service chat to a skilled agent of the right team", async () => {
    const queue = (await admin.get<Named>("/api/v1/queues")).body.items.find(
      (q) => q.name === "Layanan Nasabah — Chat",
    )!;
    const budi = await login("agent1@demo.sentra.local");
    const andi = await login("agent3@demo.sentra.local");
    await andi.request("PUT", "/api/v1/agents/me/state", { state: "available" });
    const me = await budi.request<{ agentId: string }>("PUT", "/api/v1/agents/me/state", {
      state: "available",
    });
    const chat = await admin.post<{ state: string; agentId: string }>("/api/v1/interactions", {
      channel: "chat",
      queueId: queue.id,
    });
    expect(chat.body).toMatchObject({ state: "offered", agentId: me.body.agentId });
  });

  it("has SLA policies and published bilingual articles an agent can find", async () => {
    const policies = await admin.get<Named>("/api/v1/sla-policies");
    expect(policies.body.items.map((p) => p.name)).toContain("Keluhan");
    const budi = await login("agent1@demo.sentra.local");
    const hits = await budi.get<{ items: { title: string }[] }>("/api/v1/kb/search?q=pembayaran&lang=id");
    expect(hits.body.items[0]?.title).toBe("Cara membayar tagihan kartu kredit");
    const english = await budi.get<{ items: { title: string }[] }>(
      "/api/v1/kb/search?q=blocked%20card&lang=en",
    );
    expect(english.body.items[0]?.title).toBe("Blocking a lost or stolen card");
  });

  it("has demo customers, masked for agents, with one duplicate pair to review", async () => {
    const agent = await login("agent1@demo.sentra.local");
    const list = await agent.get<{ items: { fullName: string; masked: boolean; phones: string[] }[] }>(
      "/api/v1/customers?limit=50",
    );
    expect(list.body.items.length).toBeGreaterThanOrEqual(6);
    expect(list.body.items.every((c) => c.masked)).toBe(true);
    const pairs = await admin.get<{ items: { a: { fullName: string }; b: { fullName: string } }[] }>(
      "/api/v1/customers/duplicates",
    );
    expect(pairs.body.items.map((p) => [p.a.fullName, p.b.fullName].sort().join(" / "))).toContain(
      "Bpk. Boedi Santosa / Budi Santoso",
    );
    const policy = await admin.get<{ policy: { mode: string; required: number } }>(
      "/api/v1/privacy/verification-policy",
    );
    expect(policy.body.policy).toMatchObject({ mode: "any", required: 2 });
  });

  it("receives mail for support@demo.localhost into the English customer-service queue", async () => {
    const mailboxes = await admin.get<{ items: { address: string; queueId: string }[] }>(
      "/api/v1/channels/email-addresses",
    );
    const queues = (await admin.get<Named>("/api/v1/queues")).body.items;
    const english = queues.find((q) => q.name === "Customer Service (English)")!;
    expect(mailboxes.body.items).toEqual([
      expect.objectContaining({ address: "support@demo.localhost", queueId: english.id }),
    ]);
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: platform.smtpPort!,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: "tamu@example.test",
      to: "support@demo.localhost",
      subject: "Halo",
      text: "Tes",
    });
    transport.close();
    const conversations = await admin.get<{
      items: { currentInteractionId: string | null; queueId: string }[];
    }>("/api/v1/conversations");
    expect(conversations.body.items).toEqual([expect.objectContaining({ queueId: english.id })]);
    expect(conversations.body.items[0]!.currentInteractionId).not.toBeNull();
  });

  it("serves the chat widget and a demo page whose key starts chats in the customer-service chat queue", async () => {
    const page = await platform.app.inject({ method: "GET", url: "/demo/chat.html" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<script src="/widget.js" data-key="wc_demo_localhost_chat"></script>');
    const widget = await platform.app.inject({ method: "GET", url: "/widget.js" });
    expect(widget.statusCode).toBe(200);
    expect(widget.headers["content-type"]).toContain("javascript");
    expect(widget.body).toContain("/api/v1/webchat");
    const keys = await admin.get<{ items: { publicKey: string; queueId: string }[] }>(
      "/api/v1/channels/web-chat",
    );
    const chatQueue = (await admin.get<Named>("/api/v1/queues")).body.items.find(
      (q) => q.name === "Layanan Nasabah — Chat",
    )!;
    expect(keys.body.items).toEqual([
      expect.objectContaining({ publicKey: "wc_demo_localhost_chat", queueId: chatQueue.id }),
    ]);
    const session = await new ApiClient(platform.app).post<{ conversationId: string }>(
      "/api/v1/webchat/sessions",
      {
        key: "wc_demo_localhost_chat",
        name: "Tamu",
        email: "tamu-chat@example.test",
      },
    );
    expect(session.status).toBe(201);
    const conversation = await admin.get(`/api/v1/conversations/${session.body.conversationId}`);
    expect(conversation.body).toMatchObject({ channel: "chat", queueId: chatQueue.id });
  });

  it("has canned responses in Indonesian and English for an agent's / picker", async () => {
    const agentLogin = platform.seededLogins.find((l) => l.role === "agent")!;
    const agent = await login(agentLogin.email);
    const items = (
      await agent.get<{ items: { language: string; shortcut: string }[] }>("/api/v1/canned-responses")
    ).body.items;
    expect(items.map((r) => `${r.language}/${r.shortcut}`)).toEqual(
      expect.arrayContaining(["id/salam", "id/tunggu", "en/hello"]),
    );
  });

  it("answers sip:1000 with the demo IVR: English, then billing, reaches the phone queue in WIB hours", async () => {
    const resolved = await platform.services.ivr.dids.resolveDid("sip:1000@127.0.0.1:5060");
    expect(resolved).toMatchObject({ version: 1, flow: { entry: "welcome" } });
    const phoneQueue = (await admin.get<Named>("/api/v1/queues")).body.items.find(
      (q) => q.name === "Kartu Kredit — Telepon",
    )!;
    // Monday 23 November 2026, 10:00 WIB.
    const clock = new ManualClock(Date.UTC(2026, 10, 23, 3, 0));
    let step = startIvr(resolved!.flow, { dialedNumber: "1000", callerNumber: "+6281234567890" }, clock);
    const finish = () => stepIvr(step.state, { type: "promptFinished", playId: step.state.playId }, clock);
    step = finish();
    step = stepIvr(step.state, { type: "dtmf", digit: "2" }, clock);
    expect(step.commands).toContainEqual(
      expect.objectContaining({ type: "play", language: "en", items: [{ kind: "prompt", id: "main-menu" }] }),
    );
    step = stepIvr(step.state, { type: "dtmf", digit: "1" }, clock);
    step = finish();
    expect(step.commands).toEqual([
      expect.objectContaining({ type: "transferToQueue", queueId: phoneQueue.id, language: "en" }),
    ]);
    const flows = await admin.get<{ items: { name: string; publishedVersion: number }[] }>(
      "/api/v1/ivr/flows",
    );
    expect(flows.body.items).toEqual([
      expect.objectContaining({ name: "Demo — Bank Sentra", publishedVersion: 1, errors: [], warnings: [] }),
    ]);
  });
});
