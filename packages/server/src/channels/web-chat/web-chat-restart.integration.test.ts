import { ManualClock } from "@sentra/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type RunningPlatform, startPlatform } from "../../platform.js";
import { ApiClient } from "../../testing/api-client.js";
import { describeEachStore } from "../../testing/services-under-test.js";
import { startTestPlatform, type TestPlatform, testConfig } from "../../testing/test-platform.js";
import {
  chatTenant,
  eventually,
  type VisitorMessage,
  VisitorSocket,
  visitorApi,
} from "../../testing/web-chat-visitor.js";

describeEachStore("web chat across a server restart", (target) => {
  it("the visitor's token survives a restart: full history, reconnect, and messages flow both ways", async () => {
    const store = await target.create();
    const config = testConfig(store.env);
    let first: RunningPlatform | undefined = await startPlatform(config);
    let second: RunningPlatform | undefined;
    try {
      const tenant = await chatTenant(first.app, "dewi@acme.test");
      const { token, conversationId } = await tenant.startChat();
      const interactionId = (
        await tenant.admin.get<{ currentInteractionId: string }>(`/api/v1/conversations/${conversationId}`)
      ).body.currentInteractionId;
      expect((await tenant.agent.post(`/api/v1/interactions/${interactionId}/accept`)).status).toBe(200);
      const socket = await VisitorSocket.open(first.url, token);
      await visitorApi(first.app, token).post("/messages", { text: "Sebelum restart" });
      const reply = await tenant.agent.post<{ id: string }>(
        `/api/v1/conversations/${conversationId}/messages`,
        {
          body: "Jawaban sebelum restart",
        },
      );
      await socket.next((p) => p.message?.id === reply.body.id);
      const closed = new Promise((resolve) => socket.socket.once("close", resolve));

      await first.close();
      first = undefined;
      await closed;
      second = await startPlatform(config);

      // The same token, on the new process: the whole history.
      const visitor = visitorApi(second.app, token);
      const history = await visitor.get("/messages");
      expect(history.status).toBe(200);
      const items = history.body.items as VisitorMessage[];
      expect(items.map((m) => [m.from, m.text])).toEqual([
        ["visitor", "Chat started: Kartu kredit"],
        ["visitor", "Sebelum restart"],
        ["agent", "Jawaban sebelum restart"],
      ]);

      // The widget reconnects from its last message; new messages flow both ways.
      const again = await VisitorSocket.open(second.url, token, items.at(-1)!.id);
      // The agent's login is stored too: the same token works on the new process.
      const relogged = new ApiClient(second.app, tenant.agent.token);
      const after = await relogged.post<{ id: string }>(`/api/v1/conversations/${conversationId}/messages`, {
        body: "Jawaban setelah restart",
      });
      expect(after.status, JSON.stringify(after.body)).toBe(201);
      const pushed = await again.next((p) => p.message?.id === after.body.id);
      expect(pushed.message?.text).toBe("Jawaban setelah restart");
      const sent = await visitor.post("/messages", { text: "Setelah restart" });
      expect(sent.status).toBe(201);
      const detail = await eventually(async () => {
        const got = await relogged.get<{ messages: { bodyText: string }[] }>(
          `/api/v1/conversations/${conversationId}`,
        );
        return got.body.messages.some((m) => m.bodyText === "Setelah restart") ? got.body : undefined;
      }, "the visitor's message in the agent's view");
      expect(detail.messages.map((m) => m.bodyText)).toContain("Jawaban setelah restart");
      again.close();
    } finally {
      await first?.close();
      await second?.close();
      await store.dispose();
    }
  }, 60_000);
});

describeEachStore("web chat session expiry and rate limits", (target) => {
  let platform: TestPlatform;
  const clock = new ManualClock(Date.now());
  let tenant: Awaited<ReturnType<typeof chatTenant>>;

  beforeAll(async () => {
    platform = await startTestPlatform(target, { SENTRA_WEBCHAT_IDLE_MINUTES: "5" }, { clock });
    tenant = await chatTenant(platform.app, "dewi@acme.test");
  });
  afterAll(() => platform?.dispose());

  it("refuses a token idle longer than the configured time with a clear 401, on the API and the socket", async () => {
    const { token } = await tenant.startChat();
    const visitor = visitorApi(platform.app, token);
    clock.advance(4 * 60_000);
    expect((await visitor.get("/messages")).status).toBe(200);
    clock.advance(4 * 60_000);
    // Activity four minutes ago keeps it alive.
    expect((await visitor.post("/messages", { text: "Masih di sini" })).status).toBe(201);
    clock.advance(6 * 60_000);
    const expired = await visitor.get("/messages");
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("web_chat_session_expired");
    expect(expired.body.error.message).toContain("expired after 5 minutes without activity");
    const socket = new WebSocket(
      `${platform.url.replace(/^http/, "ws")}/api/v1/webchat/socket?token=${encodeURIComponent(token)}`,
    );
    const said: string[] = [];
    socket.on("message", (data) => said.push(String(data)));
    const code = await new Promise<number>((resolve) => socket.once("close", (c) => resolve(c)));
    expect(code).toBe(4401);
    expect(said.join()).toContain("expired");
    // The stored conversation is untouched.
    const stillThere = await tenant.admin.get<{ items: { contactAddress: string }[] }>(
      "/api/v1/conversations",
    );
    expect(stillThere.status).toBe(200);
  });

  describe("rate limits", () => {
    it("answers 429 after 60 history reads a minute from one address, and other calls keep working", async () => {
      const { token } = await tenant.startChat();
      const visitor = visitorApi(platform.app, token);
      const statuses: number[] = [];
      for (let i = 0; i < 61; i++) statuses.push((await visitor.get("/messages")).status);
      expect(statuses.slice(0, 60).every((s) => s === 200 || s === 429)).toBe(true);
      const last = await visitor.get("/messages");
      expect(last.status).toBe(429);
      expect(last.body.error.code).toBe("rate_limited");
      expect((await visitor.post("/messages", { text: "Halo" })).status).toBe(201);
    });

    it("answers 429 after 5 offline messages a minute", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const reply = await platform.app.inject({
          method: "POST",
          url: "/api/v1/webchat/offline",
          payload: { key: tenant.publicKey, name: "Spam", email: "spam@visitor.test", message: `#${i}` },
        });
        statuses.push(reply.statusCode);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    });
  });
});
