import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ApiClient } from "../testing/api-client.js";
import { RealtimeClient } from "../testing/realtime-client.js";
import { describeEachStore } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";

type Push = { type: string; upTo?: string; by?: string; message?: { id: string; text: string } };
type Message = {
  id: string;
  direction: string;
  bodyText: string;
  readAt: string | null;
  deliveryStatus: string;
};

/** A visitor's widget socket that records what the server pushed. */
async function openVisitorSocket(baseUrl: string, token: string) {
  const pushes: Push[] = [];
  const socket = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/api/v1/webchat/socket?token=${token}`);
  socket.on("message", (data) => pushes.push(JSON.parse(String(data)) as Push));
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  const next = async (match: (p: Push) => boolean): Promise<Push> => {
    for (let i = 0; i < 100; i++) {
      const found = pushes.find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no matching push; saw ${JSON.stringify(pushes)}`);
  };
  return { socket, pushes, next };
}

describeEachStore("agent desktop conversation API", (target) => {
  let platform: TestPlatform;
  let admin: ApiClient;
  let agent: ApiClient;
  let colleague: ApiClient;
  let supervisor: ApiClient;
  let agentId: string;
  let publicKey: string;

  const user = async (email: string, displayName: string, role: string) => {
    const id = (
      await admin.post<{ id: string }>("/api/v1/users", {
        email,
        displayName,
        role,
        password: "a-long-enough-password",
      })
    ).body.id;
    return { id, client: await new ApiClient(platform.app).login(email, "a-long-enough-password") };
  };

  beforeAll(async () => {
    platform = await startTestPlatform(target);
    admin = await new ApiClient(platform.app).login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const rani = await user("rani@acme.test", "Rani", "agent");
    agentId = rani.id;
    agent = rani.client;
    colleague = (await user("joko@acme.test", "Joko", "agent")).client;
    supervisor = (await user("sari@acme.test", "Sari", "supervisor")).client;
    const queueId = (
      await admin.post<{ id: string }>("/api/v1/queues", { name: "Chat", settings: { channels: ["chat"] } })
    ).body.id;
    await admin.request("PUT", `/api/v1/agents/${agentId}/profile`, { capacity: { max: { chat: 5 } } });
    await agent.request("PUT", "/api/v1/agents/me/state", { state: "available" });
    publicKey = (
      await admin.post<{ publicKey: string }>("/api/v1/channels/web-chat", { name: "Web", queueId })
    ).body.publicKey;
  });
  afterAll(() => platform?.dispose());

  /** A visitor chat that the agent has accepted; returns the visitor token and the conversation. */
  const acceptedChat = async (name: string) => {
    const session = await new ApiClient(platform.app).post<{ token: string; conversationId: string }>(
      "/api/v1/webchat/sessions",
      { key: publicKey, name, email: `${name.toLowerCase()}@visitor.test` },
    );
    const { token, conversationId } = session.body;
    const detail = await admin.get<{ currentInteractionId: string }>(
      `/api/v1/conversations/${conversationId}`,
    );
    const accepted = await agent.post(`/api/v1/interactions/${detail.body.currentInteractionId}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const say = (text: string) =>
      platform.app.inject({
        method: "POST",
        url: "/api/v1/webchat/messages",
        headers: { "x-webchat-token": token },
        payload: { text },
      });
    return { token, conversationId, interactionId: detail.body.currentInteractionId, say };
  };

  const messagesOf = async (conversationId: string) =>
    (await admin.get<{ messages: Message[] }>(`/api/v1/conversations/${conversationId}`)).body.messages;

  describe("read receipts", () => {
    it("marks the customer's messages up to the one seen as read and tells the visitor's widget once", async () => {
      const chat = await acceptedChat("Siti");
      const visitor = await openVisitorSocket(platform.url, chat.token);
      const first = (await chat.say("Halo")).json() as { id: string };
      const second = (await chat.say("Kartu saya terblokir")).json() as { id: string };

      const read = await agent.post<{ newlyRead: number }>(
        `/api/v1/conversations/${chat.conversationId}/read`,
        {
          upTo: first.id,
        },
      );
      expect(read.status).toBe(200);
      // The start message and the first line; not the second, which the agent has not seen yet.
      expect(read.body.newlyRead).toBe(2);
      const pushed = await visitor.next((p) => p.type === "read");
      expect(pushed).toEqual({ type: "read", upTo: first.id, by: "agent" });
      const after = await messagesOf(chat.conversationId);
      expect(after.find((m) => m.id === first.id)?.readAt).not.toBeNull();
      expect(after.find((m) => m.id === second.id)?.readAt).toBeNull();

      // Reading the same again tells nobody anything new.
      const again = await agent.post<{ newlyRead: number }>(
        `/api/v1/conversations/${chat.conversationId}/read`,
        {
          upTo: first.id,
        },
      );
      expect(again.body.newlyRead).toBe(0);
      await agent.post(`/api/v1/conversations/${chat.conversationId}/read`, { upTo: second.id });
      await visitor.next((p) => p.type === "read" && p.upTo === second.id);
      expect(visitor.pushes.filter((p) => p.type === "read")).toHaveLength(2);
      visitor.socket.close();
    });

    it("refuses a colleague who is not handling the chat, a message of another conversation and a bad id", async () => {
      const chat = await acceptedChat("Wati");
      const other = await acceptedChat("Bayu");
      const [start] = await messagesOf(chat.conversationId);
      const url = `/api/v1/conversations/${chat.conversationId}/read`;
      expect((await colleague.post(url, { upTo: start!.id })).status).toBe(403);
      const [foreign] = await messagesOf(other.conversationId);
      expect((await agent.post(url, { upTo: foreign!.id })).status).toBe(404);
      const bad = await agent.post<{ error: { message: string } }>(url, { upTo: "nope" });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain("upTo is the id of the last message seen.");
      expect((await messagesOf(chat.conversationId))[0]!.readAt).toBeNull();
    });
  });

  it("never sends an internal note to the customer", async () => {
    const chat = await acceptedChat("Dina");
    const visitor = await openVisitorSocket(platform.url, chat.token);
    const note = await agent.post<{ id: string; direction: string; deliveryStatus: string }>(
      `/api/v1/conversations/${chat.conversationId}/notes`,
      { body: "Nasabah prioritas, cek limit kartu dulu" },
    );
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ direction: "internal_note", deliveryStatus: "received" });
    const reply = await agent.post<{ id: string }>(`/api/v1/conversations/${chat.conversationId}/messages`, {
      body: "Baik, kami cek sekarang.",
    });
    // The reply after the note arrives; the note never did.
    await visitor.next((p) => p.type === "message" && p.message?.id === reply.body.id);
    await platform.services.channels.outbox.flush();
    expect(visitor.pushes.some((p) => p.message?.text.includes("limit kartu"))).toBe(false);
    const history = await platform.app.inject({
      method: "GET",
      url: "/api/v1/webchat/messages",
      headers: { "x-webchat-token": chat.token },
    });
    expect(JSON.stringify(history.json())).not.toContain("limit kartu");
    const stored = (await messagesOf(chat.conversationId)).find((m) => m.id === note.body.id);
    expect(stored).toMatchObject({ direction: "internal_note", deliveryStatus: "received" });
    visitor.socket.close();
  });

  describe("supervisors reading live conversations", () => {
    it("lists live chats with customer, agent and how long the customer has waited for an answer", async () => {
      const chat = await acceptedChat("Ayu");
      await chat.say("Tolong dibantu");
      type Live = {
        items: {
          id: string;
          customerName: string;
          agentName: string;
          state: string;
          waitingSince: string | null;
        }[];
      };
      const listed = await supervisor.get<Live>("/api/v1/conversations/live");
      expect(listed.status).toBe(200);
      const row = listed.body.items.find((c) => c.id === chat.conversationId);
      expect(row).toMatchObject({ customerName: "Ayu", agentName: "Rani", state: "connected" });
      expect(row?.waitingSince).not.toBeNull();
      await agent.post(`/api/v1/conversations/${chat.conversationId}/messages`, { body: "Siap, Bu Ayu." });
      const answered = (await supervisor.get<Live>("/api/v1/conversations/live")).body.items.find(
        (c) => c.id === chat.conversationId,
      );
      expect(answered?.waitingSince).toBeNull();

      // Ended and wrapped up: no longer live.
      await agent.post(`/api/v1/interactions/${chat.interactionId}/complete`);
      await agent.post(`/api/v1/interactions/${chat.interactionId}/wrap-up`, {});
      const gone = (await supervisor.get<Live>("/api/v1/conversations/live")).body.items.map((c) => c.id);
      expect(gone).not.toContain(chat.conversationId);
    });

    it("pushes every new message of a conversation to a supervisor watching it, and only to its tenant", async () => {
      const chat = await acceptedChat("Putri");
      const watcher = await RealtimeClient.connect(platform.url, supervisor.token!);
      await watcher.subscribe(`conversation:${chat.conversationId}`);
      // Another tenant's admin who learned the id subscribes too, and hears nothing.
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
      const adminB = await new ApiClient(platform.app).login("admin@bank-b.test", "bank-b-admin-password");
      const outsider = await RealtimeClient.connect(platform.url, adminB.token!);
      await outsider.subscribe(`conversation:${chat.conversationId}`);
      const said = (await chat.say("Masih di sana?")).json() as { id: string };
      await watcher.next(
        (m) => m.event?.type === "conversation.message_added" && m.event.data.messageId === said.id,
      );
      const reply = await agent.post<{ id: string }>(
        `/api/v1/conversations/${chat.conversationId}/messages`,
        {
          body: "Masih, Bu.",
        },
      );
      await watcher.next(
        (m) => m.event?.type === "conversation.message_added" && m.event.data.messageId === reply.body.id,
      );
      // The outbox sends the reply; watchers hear that its delivery state changed.
      await watcher.next(
        (m) => m.event?.type === "conversation.message_updated" && m.event.data.messageId === reply.body.id,
      );
      expect(outsider.messages.filter((m) => m.type === "event")).toEqual([]);
      outsider.socket.close();
      watcher.socket.close();
    });

    it("lets a role without conversation access neither list nor watch them", async () => {
      const wfm = (await user("wulan@acme.test", "Wulan", "wfm")).client;
      expect((await wfm.get("/api/v1/conversations/live")).status).toBe(403);
      const socket = await RealtimeClient.connect(platform.url, wfm.token!);
      socket.send({ type: "subscribe", topic: "conversation:00000000-0000-4000-8000-000000000000" });
      const refused = await socket.next((m) => m.type === "error");
      expect(refused.error?.code).toBe("topic_forbidden");
      socket.socket.close();
    });
  });

  describe("canned responses", () => {
    it("lets an admin write them and every agent read them by language", async () => {
      const created = await admin.post<{ id: string; shortcut: string }>("/api/v1/canned-responses", {
        language: "id",
        shortcut: "Salam",
        title: "Salam pembuka",
        body: "Halo {{customer.name}}, saya {{agent.name}}. Nomor tiket {{conversation.id}}.",
      });
      expect(created.status).toBe(201);
      expect(created.body.shortcut).toBe("salam");
      await admin.post("/api/v1/canned-responses", {
        language: "en",
        shortcut: "salam",
        title: "Greeting",
        body: "Hello {{customer.name}}",
      });
      const id = await agent.get<{ items: { shortcut: string; language: string }[] }>(
        "/api/v1/canned-responses?language=id",
      );
      expect(id.status).toBe(200);
      expect(id.body.items.map((r) => [r.language, r.shortcut])).toEqual([["id", "salam"]]);
      const patched = await admin.patch<{ title: string }>(`/api/v1/canned-responses/${created.body.id}`, {
        title: "Salam",
      });
      expect(patched.body.title).toBe("Salam");
      expect(
        (
          await agent.post("/api/v1/canned-responses", {
            language: "id",
            shortcut: "x",
            title: "x",
            body: "x",
          })
        ).status,
      ).toBe(403);
      expect((await agent.request("DELETE", `/api/v1/canned-responses/${created.body.id}`)).status).toBe(403);
      expect((await admin.request("DELETE", `/api/v1/canned-responses/${created.body.id}`)).status).toBe(204);
      expect(
        (await agent.get<{ items: unknown[] }>("/api/v1/canned-responses?language=id")).body.items,
      ).toEqual([]);
    });

    it("refuses an unknown placeholder by name and a shortcut already used in that language", async () => {
      const typo = await admin.post<{ error: { message: string } }>("/api/v1/canned-responses", {
        language: "en",
        shortcut: "typo",
        title: "Typo",
        body: "Dear {{customer.nmae}}",
      });
      expect(typo.status).toBe(400);
      expect(JSON.stringify(typo.body)).toContain("Unknown placeholder {{customer.nmae}}");
      const first = await admin.post("/api/v1/canned-responses", {
        language: "en",
        shortcut: "bye",
        title: "Bye",
        body: "Goodbye",
      });
      expect(first.status).toBe(201);
      const taken = await admin.post<{ error: { code: string; message: string } }>(
        "/api/v1/canned-responses",
        {
          language: "en",
          shortcut: "BYE",
          title: "Bye again",
          body: "See you",
        },
      );
      expect(taken.status).toBe(409);
      expect(taken.body.error).toMatchObject({
        code: "canned_response_shortcut_taken",
        message: "The shortcut /bye is already used by another en canned response.",
      });
    });
  });
});
