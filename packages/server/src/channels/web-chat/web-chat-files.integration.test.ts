import { afterAll, beforeAll, expect, it } from "vitest";
import { RealtimeClient } from "../../testing/realtime-client.js";
import { describeEachStore } from "../../testing/services-under-test.js";
import { startTestPlatform, type TestPlatform } from "../../testing/test-platform.js";
import {
  chatTenant,
  eventually,
  type VisitorMessage,
  VisitorSocket,
  visitorApi,
} from "../../testing/web-chat-visitor.js";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describeEachStore("web chat attachments and read receipts", (target) => {
  let platform: TestPlatform;
  let tenant: Awaited<ReturnType<typeof chatTenant>>;

  beforeAll(async () => {
    platform = await startTestPlatform(target);
    tenant = await chatTenant(platform.app, "dewi@acme.test");
  });
  afterAll(() => platform?.dispose());

  const attachmentCount = async () =>
    Number(
      (
        await platform.services.db
          .selectFrom("attachments")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  // First: the agent's one offer at a time goes to this chat, not to one of the later tests'.
  it("marks agent messages read when the widget reports them seen, tells the agent, and shows the agent's read receipt", async () => {
    const desk = await RealtimeClient.connect(platform.url, tenant.agent.token!);
    await desk.subscribe(`agent:${tenant.agentId}`);
    const { token, conversationId } = await tenant.startChat();
    const conversation = await tenant.admin.get<{ currentInteractionId: string }>(
      `/api/v1/conversations/${conversationId}`,
    );
    expect(
      (await tenant.agent.post(`/api/v1/interactions/${conversation.body.currentInteractionId}/accept`))
        .status,
    ).toBe(200);
    const socket = await VisitorSocket.open(platform.url, token);
    const first = await tenant.agent.post<{ id: string }>(
      `/api/v1/conversations/${conversationId}/messages`,
      {
        body: "Selamat pagi",
      },
    );
    const second = await tenant.agent.post<{ id: string }>(
      `/api/v1/conversations/${conversationId}/messages`,
      {
        body: "Ada yang bisa dibantu?",
      },
    );
    await socket.next((p) => p.message?.id === second.body.id);

    // Malformed frames are refused one by one and the socket keeps working.
    socket.send("not json");
    socket.send({ type: "read", upTo: "not-an-id" });
    socket.send({ type: "seen" });
    await eventually(
      async () => (socket.pushes.filter((p) => p.type === "error").length === 3 ? true : undefined),
      "three error replies",
    );

    socket.send({ type: "read", upTo: second.body.id });
    const event = await desk.next((m) => m.event?.type === "conversation.read");
    expect(event.event?.data).toMatchObject({ conversationId, upTo: second.body.id, by: "customer" });
    const statuses = await eventually(async () => {
      const detail = await tenant.admin.get<{ messages: { id: string; deliveryStatus: string }[] }>(
        `/api/v1/conversations/${conversationId}`,
      );
      const both = [first.body.id, second.body.id].map(
        (id) => detail.body.messages.find((m) => m.id === id)?.deliveryStatus,
      );
      return both.every((s) => s === "read") ? both : undefined;
    }, "both agent messages read");
    expect(statuses).toEqual(["read", "read"]);

    // The agent's side (another module) reads the visitor's messages and pushes it through the hub.
    const sent = await visitorApi(platform.app, token).post("/messages", { text: "Kartu saya hilang" });
    platform.services.channels.webChatHub.push(conversationId, {
      type: "read",
      upTo: sent.body.id,
      by: "agent",
    });
    expect(await socket.next((p) => p.type === "read")).toEqual({
      type: "read",
      upTo: sent.body.id,
      by: "agent",
    });
    socket.close();
    desk.socket.close();
  });

  it("stores a visitor's image as a chat message the agent sees, and lets only that visitor download it", async () => {
    const { token, conversationId } = await tenant.startChat();
    const visitor = visitorApi(platform.app, token);
    const uploaded = await visitor.upload(PNG, "image/png", "foto kartu.png");
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const message = uploaded.json() as VisitorMessage;
    expect(message).toMatchObject({ from: "visitor", text: "foto kartu.png" });
    expect(message.attachments).toEqual([
      { id: expect.any(String), fileName: "foto kartu.png", contentType: "image/png", sizeBytes: PNG.length },
    ]);

    const detail = await tenant.admin.get<{ messages: { id: string; attachments: { id: string }[] }[] }>(
      `/api/v1/conversations/${conversationId}`,
    );
    expect(detail.body.messages.find((m) => m.id === message.id)?.attachments).toHaveLength(1);

    const fileId = message.attachments[0]!.id;
    const download = await platform.app.inject({
      method: "GET",
      url: `/api/v1/webchat/attachments/${fileId}?token=${encodeURIComponent(token)}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("image/png");
    expect(Buffer.compare(download.rawPayload, PNG)).toBe(0);
    const history = (await visitor.get("/messages")).body.items as VisitorMessage[];
    expect(history.at(-1)?.attachments[0]?.id).toBe(fileId);

    // Another visitor's token does not open it, and no token is a 401.
    const other = await tenant.startChat({ name: "Sari", email: "sari@visitor.test" });
    expect((await visitorApi(platform.app, other.token).get(`/attachments/${fileId}`)).status).toBe(404);
    expect(
      (await platform.app.inject({ method: "GET", url: `/api/v1/webchat/attachments/${fileId}` })).statusCode,
    ).toBe(401);
  });

  it("refuses a wrong type with 415 and a too large file with 413, naming the limit, and stores nothing", async () => {
    const { token } = await tenant.startChat();
    const visitor = visitorApi(platform.app, token);
    const before = await attachmentCount();
    const messagesBefore = (await visitor.get("/messages")).body.items.length;

    const exe = await visitor.upload(Buffer.from("MZ..."), "application/x-msdownload", "setup.exe");
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error).toMatchObject({ code: "web_chat_attachment_type" });
    expect(exe.json().error.message).toContain("application/x-msdownload");

    const untyped = await visitor.upload(PNG, undefined, "foto.png");
    expect(untyped.statusCode).toBe(415);

    const json = await visitor.upload(Buffer.from("{}"), "application/json", "x.json");
    expect(json.statusCode).toBe(415);

    // The key's own limit: 2 KB.
    const patched = await tenant.admin.patch(`/api/v1/channels/web-chat/${tenant.keyId}`, {
      settings: { attachments: { maxBytes: 2048, types: ["image/png", "application/pdf"] } },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const big = await visitor.upload(Buffer.alloc(3000, 1), "application/pdf", "statement.pdf");
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: "web_chat_attachment_too_large" });
    expect(big.json().error.message).toContain("files up to 2 KB");
    const empty = await visitor.upload(Buffer.alloc(0), "image/png", "empty.png");
    expect(empty.statusCode).toBe(400);
    await tenant.admin.patch(`/api/v1/channels/web-chat/${tenant.keyId}`, { settings: {} });

    expect(await attachmentCount()).toBe(before);
    expect((await visitor.get("/messages")).body.items).toHaveLength(messagesBefore);
    expect((await visitor.upload(PNG, "image/png", "ok.png")).statusCode).toBe(201);
  });

  it("shows the visitor a file the agent sent, pushed with the message and downloadable", async () => {
    const { token, conversationId } = await tenant.startChat();
    const socket = await VisitorSocket.open(platform.url, token);
    // The desk's upload path belongs to the agent desk; a queued outbound message with a file is what it makes.
    const db = platform.services.db;
    const tenantId = (
      await db
        .selectFrom("conversations")
        .select("tenant_id")
        .where("id", "=", conversationId)
        .executeTakeFirstOrThrow()
    ).tenant_id;
    const outbound = await db
      .insertInto("messages")
      .values({
        tenant_id: tenantId,
        conversation_id: conversationId,
        direction: "outbound",
        author_kind: "user",
        body_text: "Formulir blokir kartu",
        delivery_status: "queued",
        next_attempt_at: new Date(0),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("attachments")
      .values({
        tenant_id: tenantId,
        message_id: outbound.id,
        file_name: "formulir.pdf",
        content_type: "application/pdf",
        size_bytes: 4,
        content: Buffer.from("%PDF"),
      })
      .execute();
    await platform.services.channels.outbox.flush();
    const pushed = await socket.next((p) => p.type === "message" && p.message?.id === outbound.id);
    expect(pushed.message).toMatchObject({ from: "agent", text: "Formulir blokir kartu" });
    expect(pushed.message?.attachments).toEqual([
      expect.objectContaining({ fileName: "formulir.pdf", contentType: "application/pdf", sizeBytes: 4 }),
    ]);
    const file = await visitorApi(platform.app, token).get(
      `/attachments/${pushed.message!.attachments[0]!.id}`,
    );
    expect(file.status).toBe(200);
    expect(String(file.headers["content-disposition"])).toContain("attachment;");
    socket.close();
  });
});
