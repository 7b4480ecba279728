import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ApiClient } from "../../testing/api-client.js";
import { RealtimeClient } from "../../testing/realtime-client.js";
import { describeEachStore } from "../../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../../testing/test-platform.js";

type VisitorMessage = { id: string; from: "visitor" | "agent"; text: string; createdAt: string };
type Push = { type: string; message?: VisitorMessage; typing?: boolean };

/** A visitor's socket that records what the server pushed. */
class VisitorSocket {
  readonly pushes: Push[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => this.pushes.push(JSON.parse(String(data)) as Push));
  }
  static async open(baseUrl: string, token: string, after?: string): Promise<VisitorSocket> {
    const query = `token=${token}${after ? `&after=${after}` : ""}`;
    const socket = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/api/v1/webchat/socket?${query}`);
    // Listening before the socket opens: the server may push the missed messages right away.
    const visitor = new VisitorSocket(socket);
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    return visitor;
  }
  async next(match: (p: Push) => boolean): Promise<Push> {
    for (let i = 0; i < 100; i++) {
      const found = this.pushes.find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no matching push; saw ${JSON.stringify(this.pushes)}`);
  }
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describeEachStore("web chat channel", (target) => {
  let platform: TestPlatform;
  let admin: ApiClient;
  let agent: ApiClient;
  let agentId: string;
  let publicKey: string;
  const visitorApi = () => platform.app;

  const visitor = (token: string) => ({
    get: async (url: string) => {
      const reply = await visitorApi().inject({ method: "GET", url, headers: { "x-webchat-token": token } });
      return { status: reply.statusCode, body: reply.json() };
    },
    post: async (url: string, payload: unknown) => {
      const reply = await visitorApi().inject({
        method: "POST",
        url,
        headers: { "x-webchat-token": token },
        payload: payload as Record<string, unknown>,
      });
      return { status: reply.statusCode, body: reply.json() };
    },
  });

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
    const queueId = (
      await admin.post<{ id: string }>("/api/v1/queues", { name: "Chat", settings: { channels: ["chat"] } })
    ).body.id;
    await admin.request("PUT", `/api/v1/agents/${agentId}/profile`, { capacity: { max: { chat: 3 } } });
    await agent.request("PUT", "/api/v1/agents/me/state", { state: "available" });
    const key = await admin.post<{ publicKey: string }>("/api/v1/channels/web-chat", {
      name: "Website",
      queueId,
      language: "id",
    });
    expect(key.status).toBe(201);
    expect(key.body.publicKey).toMatch(/^wc_/);
    publicKey = key.body.publicKey;
  });
  afterAll(() => platform?.dispose());

  const startChat = async (extra: Record<string, unknown> = {}) => {
    const reply = await new ApiClient(platform.app).post<{ token: string; conversationId: string }>(
      "/api/v1/webchat/sessions",
      { key: publicKey, name: "Budi", email: "budi@visitor.test", topic: "Kartu kredit", ...extra },
    );
    expect(reply.status).toBe(201);
    return reply.body;
  };

  it("routes a visitor's chat to an agent, pushes the reply to the visitor's socket and keeps the history", async () => {
    const desk = await RealtimeClient.connect(platform.url, agent.token!);
    await desk.subscribe(`agent:${agentId}`);
    const { token, conversationId } = await startChat();
    const conversation = await admin.get<{
      channel: string;
      currentInteractionId: string;
      customerId: string;
    }>(`/api/v1/conversations/${conversationId}`);
    expect(conversation.body).toMatchObject({ channel: "chat" });
    expect(conversation.body.customerId).toBeTruthy();
    const interactionId = conversation.body.currentInteractionId;
    const interaction = await agent.get(`/api/v1/interactions/${interactionId}`);
    expect(interaction.body).toMatchObject({ channel: "chat", agentId, state: "offered" });
    expect((await agent.post(`/api/v1/interactions/${interactionId}/accept`)).status).toBe(200);

    const socket = await VisitorSocket.open(platform.url, token);
    const sent = await visitor(token).post("/api/v1/webchat/messages", { text: "Kartu saya hilang" });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ from: "visitor", text: "Kartu saya hilang" });
    await desk.next(
      (m) => m.event?.type === "conversation.message_added" && m.event.data.messageId === sent.body.id,
    );

    socket.socket.send(JSON.stringify({ type: "typing", typing: true }));
    await desk.next((m) => m.event?.type === "conversation.typing" && m.event.data.typing === true);
    expect(
      (await agent.post(`/api/v1/conversations/${conversationId}/typing`, { typing: true })).status,
    ).toBe(204);
    await socket.next((p) => p.type === "typing" && p.typing === true);

    const reply = await agent.post<{ id: string }>(`/api/v1/conversations/${conversationId}/messages`, {
      body: "Kartu Anda kami blokir sekarang.",
    });
    expect(reply.status).toBe(201);
    const pushed = await socket.next((p) => p.type === "message" && p.message?.id === reply.body.id);
    expect(pushed.message).toMatchObject({ from: "agent", text: "Kartu Anda kami blokir sekarang." });
    socket.socket.send(JSON.stringify({ type: "ack", messageId: reply.body.id }));
    await eventually(async () => {
      const detail = await admin.get<{ messages: { id: string; deliveryStatus: string }[] }>(
        `/api/v1/conversations/${conversationId}`,
      );
      const status = detail.body.messages.find((m) => m.id === reply.body.id)?.deliveryStatus;
      return status === "delivered" ? status : undefined;
    }, "the ack to mark the reply delivered");

    // A reload: the whole history, and `after=` resumes from the last message seen.
    const history = await visitor(token).get("/api/v1/webchat/messages");
    const items = history.body.items as VisitorMessage[];
    expect(items.map((m) => [m.from, m.text])).toEqual([
      ["visitor", "Chat started: Kartu kredit"],
      ["visitor", "Kartu saya hilang"],
      ["agent", "Kartu Anda kami blokir sekarang."],
    ]);
    const resumed = await visitor(token).get(`/api/v1/webchat/messages?after=${items[1]!.id}`);
    expect((resumed.body.items as VisitorMessage[]).map((m) => m.id)).toEqual([reply.body.id]);
    socket.socket.close();

    // A reconnect after the visitor saw the first message gets what it missed pushed at once.
    const reconnected = await VisitorSocket.open(platform.url, token, items[1]!.id);
    const missed = await reconnected.next((p) => p.type === "message");
    expect(missed.message?.id).toBe(reply.body.id);
    reconnected.socket.close();
    desk.socket.close();
  });

  describe("bad input is refused clearly and the server keeps serving", () => {
    it("an unknown key is a 404 with a code", async () => {
      const reply = await new ApiClient(platform.app).post<{ error: { code: string } }>(
        "/api/v1/webchat/sessions",
        { key: "wc_doesnotexist123", name: "X", email: "x@visitor.test" },
      );
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe("web_chat_key_unknown");
    });
    it("a form without email or phone, an unknown token, bad JSON and an oversized message are 4xx", async () => {
      const anonymous = new ApiClient(platform.app);
      expect((await anonymous.post("/api/v1/webchat/sessions", { key: publicKey, name: "X" })).status).toBe(
        400,
      );
      expect((await visitor("not-a-token").get("/api/v1/webchat/messages")).status).toBe(401);
      const { token } = await startChat();
      const badJson = await platform.app.inject({
        method: "POST",
        url: "/api/v1/webchat/messages",
        headers: { "x-webchat-token": token, "content-type": "application/json" },
        payload: '{"text": ',
      });
      expect(badJson.statusCode).toBe(400);
      const oversized = await visitor(token).post("/api/v1/webchat/messages", { text: "x".repeat(4001) });
      expect(oversized.status).toBe(400);
      expect(JSON.stringify(oversized.body)).toContain("4000");
      expect((await visitor(token).get("/api/v1/webchat/messages")).status).toBe(200);
    });
    it("a socket with an unknown token is told and closed", async () => {
      const socket = new WebSocket(`${platform.url.replace(/^http/, "ws")}/api/v1/webchat/socket?token=nope`);
      const closed = await new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
      expect(closed).toBe(4401);
    });
  });

  it("answers CORS for the visitor API only, so the widget works on the customer's website", async () => {
    const preflight = await platform.app.inject({
      method: "OPTIONS",
      url: "/api/v1/webchat/messages",
      headers: {
        origin: "https://www.bank.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-webchat-token",
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("https://www.bank.example");
    expect(String(preflight.headers["access-control-allow-headers"])).toContain("x-webchat-token");
    const adminApi = await platform.app.inject({
      method: "GET",
      url: "/api/v1/conversations",
      headers: { origin: "https://www.bank.example", authorization: `Bearer ${admin.token}` },
    });
    expect(adminApi.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("refuses a session from a page outside the key's allowed origins", async () => {
    const key = await admin.post<{ id: string; publicKey: string }>("/api/v1/channels/web-chat", {
      name: "Locked",
      queueId: (await admin.get<{ items: { queueId: string }[] }>("/api/v1/channels/web-chat")).body.items[0]!
        .queueId,
      allowedOrigins: ["https://www.bank.example/"],
    });
    expect(key.status).toBe(201);
    const start = (origin: string) =>
      platform.app.inject({
        method: "POST",
        url: "/api/v1/webchat/sessions",
        headers: { origin },
        payload: { key: key.body.publicKey, name: "Y", phone: "+62 812 1111 2222" },
      });
    const refused = await start("https://evil.example");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("web_chat_origin_not_allowed");
    expect((await start("https://www.bank.example")).statusCode).toBe(201);
  });

  it("routes a pre-chat topic the key maps to its own queue, and other topics to the key's queue", async () => {
    const cards = await admin.post<{ id: string }>("/api/v1/queues", {
      name: "Cards chat",
      settings: { channels: ["chat"] },
    });
    const keys = await admin.get<{ items: { id: string; queueId: string; publicKey: string }[] }>(
      "/api/v1/channels/web-chat",
    );
    const website = keys.body.items.find((k) => k.publicKey === publicKey)!;
    const patched = await admin.patch(`/api/v1/channels/web-chat/${website.id}`, {
      topics: [{ label: "Credit card", queueId: cards.body.id }],
    });
    expect(patched.status).toBe(200);
    const queueOf = async (topic: string) => {
      const { conversationId } = await startChat({ topic });
      return (await admin.get<{ queueId: string }>(`/api/v1/conversations/${conversationId}`)).body.queueId;
    };
    expect(await queueOf("credit card")).toBe(cards.body.id);
    expect(await queueOf("Something else")).toBe(website.queueId);
    const emailQueue = await admin.post<{ id: string }>("/api/v1/queues", {
      name: "Mail only",
      settings: { channels: ["email"] },
    });
    const refused = await admin.patch<{ error: { code: string } }>(
      `/api/v1/channels/web-chat/${website.id}`,
      {
        topics: [{ label: "Mail", queueId: emailQueue.body.id }],
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("queue_takes_no_chat");
  });
});
