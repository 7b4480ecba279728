import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../testing/api-client.js";
import { RealtimeClient } from "../testing/realtime-client.js";
import { httpJson, type ServerProcess, startServerProcess } from "../testing/server-process.js";
import {
  describeWithNats,
  natsUrl,
  postgresAvailable,
  storeTargets,
} from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";

describe("realtime over WebSocket (in-process bus)", () => {
  let platform: TestPlatform;
  let adminToken: string;
  let agentToken: string;
  let tenantBToken: string;

  beforeAll(async () => {
    platform = await startTestPlatform(storeTargets[0]!);
    const anonymous = new ApiClient(platform.app);
    const admin = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    adminToken = admin.token!;
    await admin.post("/api/v1/users", {
      email: "agent.rt@acme.test",
      displayName: "Agent RT",
      role: "agent",
      password: "agent-rt-password",
    });
    agentToken = (await anonymous.login("agent.rt@acme.test", "agent-rt-password")).token!;
    const tenantB = await platform.services.tenants.create({ slug: "bank-b", name: "Bank B" });
    await platform.services.users.create(null, tenantB.id, {
      email: "admin@bank-b.test",
      displayName: "Admin B",
      role: "admin",
      locale: "en",
      password: "bank-b-admin-password",
    });
    tenantBToken = (await anonymous.login("admin@bank-b.test", "bank-b-admin-password")).token!;
  });
  afterAll(() => platform?.dispose());

  it("pushes a domain event to a subscriber of its topic", async () => {
    const client = await RealtimeClient.connect(platform.url, adminToken);
    await client.subscribe("tenant");
    await httpJson(`${platform.url}/api/v1/users`, {
      method: "POST",
      token: adminToken,
      body: { email: "pushed@acme.test", displayName: "Pushed", role: "agent" },
    });
    const message = await client.next((m) => m.event?.type === "user.created");
    expect(message.event?.data).toMatchObject({ email: "pushed@acme.test" });
    client.close();
  });

  it("never delivers another tenant's events", async () => {
    const other = await RealtimeClient.connect(platform.url, tenantBToken);
    await other.subscribe("tenant");
    const own = await RealtimeClient.connect(platform.url, adminToken);
    await own.subscribe("tenant");
    await httpJson(`${platform.url}/api/v1/users`, {
      method: "POST",
      token: adminToken,
      body: { email: "secret@acme.test", displayName: "Secret", role: "agent" },
    });
    await own.next((m) => m.event?.type === "user.created" && m.event.data.email === "secret@acme.test");
    expect(other.messages.filter((m) => m.type === "event")).toEqual([]);
    other.close();
    own.close();
  });

  it("refuses topics the role may not watch and unknown topics, and keeps the socket open", async () => {
    const client = await RealtimeClient.connect(platform.url, agentToken);
    client.send({ type: "subscribe", topic: "wallboard" });
    expect((await client.next((m) => m.type === "error")).error?.code).toBe("topic_forbidden");
    client.send({ type: "subscribe", topic: "weather" });
    expect((await client.next((m) => m.error?.code === "unknown_topic")).error?.message).toContain(
      "Unknown topic",
    );
    client.send({ type: "subscribe", topic: "agent:me" });
    const subscribed = await client.next((m) => m.type === "subscribed");
    expect(subscribed.topic).toMatch(/^agent:[0-9a-f-]{36}$/);
    client.close();
  });

  it("answers malformed and invalid messages with an error and keeps serving", async () => {
    const client = await RealtimeClient.connect(platform.url, adminToken);
    client.send("{not json");
    expect((await client.next((m) => m.error?.code === "malformed_json")).type).toBe("error");
    client.send({ type: "subscribe" });
    expect((await client.next((m) => m.error?.code === "invalid_message")).error?.message).toContain("topic");
    client.send({ type: "ping" });
    await client.next((m) => m.type === "pong");
    client.close();
  });

  it("refuses an unauthenticated upgrade with 401", async () => {
    await expect(RealtimeClient.connect(platform.url, "not-a-token")).rejects.toThrow(/401/);
  });
});

const describeAcrossProcesses = postgresAvailable ? describeWithNats : describe.skip;

describeAcrossProcesses("realtime fan-out across two server processes through NATS JetStream", () => {
  let store: Awaited<ReturnType<(typeof storeTargets)[1]["create"]>>;
  let first: ServerProcess;
  let second: ServerProcess;

  beforeAll(async () => {
    store = await storeTargets[1]!.create();
    const env = {
      ...store.env,
      SENTRA_NATS_URL: natsUrl,
      SENTRA_ADMIN_EMAIL: ADMIN_EMAIL,
      SENTRA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SENTRA_SEED_DEMO: "false",
    };
    first = await startServerProcess(env);
    second = await startServerProcess(env);
  }, 60_000);
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await store?.dispose();
  });

  it("delivers an event published by one process to a subscriber connected to the other", async () => {
    const login = await httpJson<{ token: string }>(`${first.url}/api/v1/auth/login`, {
      method: "POST",
      body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    expect(login.status).toBe(200);
    const health = await httpJson<{ events: string }>(`${second.url}/health`);
    expect(health.body.events).toBe("nats-jetstream");
    const listener = await RealtimeClient.connect(second.url, login.body.token);
    await listener.subscribe("tenant");
    const created = await httpJson(`${first.url}/api/v1/users`, {
      method: "POST",
      token: login.body.token,
      body: { email: "across@acme.test", displayName: "Across Nodes", role: "agent" },
    });
    expect(created.status).toBe(201);
    const message = await listener.next((m) => m.event?.type === "user.created");
    expect(message.event?.data).toMatchObject({ email: "across@acme.test" });
    listener.close();
  });
});
