import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { httpJson } from "../../packages/server/src/testing/server-process.js";
import { describeWithBrowser, type E2eServer, launchChromium, startE2eServer } from "./browser.js";

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describeWithBrowser("web chat widget on a host page, answered by an agent over the API", () => {
  let e2e: E2eServer;
  let browser: Browser;
  let page: Page;
  let publicKey: string;
  let agentToken: string;
  /** The customer's website: its own server and origin (another port), so the widget works cross-origin. */
  let host: Server;
  let hostPage: string;

  beforeAll(async () => {
    e2e = await startE2eServer("webchat");
    const agent = await e2e.api<{ id: string }>("POST", "/users", {
      email: "rani@acme.test",
      displayName: "Rani",
      role: "agent",
      locale: "en",
      password: "a-long-enough-password",
    });
    const queue = await e2e.api<{ id: string }>("POST", "/queues", {
      name: "Website chat",
      // Email too: the offline form's messages are routed here as email.
      settings: { channels: ["chat", "email"] },
    });
    // The widget's language choice routes the chat: this agent answers in Indonesian and English.
    await e2e.api("PUT", `/agents/${agent.id}/profile`, {
      languages: ["id", "en"],
      capacity: { max: { chat: 3, email: 5 } },
    });
    agentToken = (
      await httpJson<{ token: string }>(`${e2e.server.url}/api/v1/auth/login`, {
        method: "POST",
        body: { email: "rani@acme.test", password: "a-long-enough-password" },
      })
    ).body.token;
    const available = await httpJson(`${e2e.server.url}/api/v1/agents/me/state`, {
      method: "PUT",
      token: agentToken,
      body: { state: "available" },
    });
    expect(available.status, JSON.stringify(available.body)).toBe(200);
    publicKey = (
      await e2e.api<{ publicKey: string }>("POST", "/channels/web-chat", {
        name: "Bank site",
        queueId: queue.id,
      })
    ).publicKey;
    browser = await launchChromium();
    page = await browser.newPage();
    host = createServer((_request, response) => {
      response.setHeader("content-type", "text/html");
      response.end(
        `<!doctype html><html><body><h1>Bank</h1><script src="${e2e.server.url}/widget.js" data-key="${publicKey}"></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    hostPage = `http://127.0.0.1:${(host.address() as AddressInfo).port}/bank.html`;
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
    await e2e?.dispose();
  });

  const agentApi = <T>(method: string, path: string, body?: unknown) =>
    httpJson<T>(`${e2e.server.url}/api/v1${path}`, { method, token: agentToken, body });

  it("starts a chat from the pre-chat form, shows the agent's reply live and keeps it after a reload", async () => {
    await page.goto(hostPage);
    await page.getByRole("button", { name: "Chat", exact: true }).click();
    await page.getByPlaceholder("Your name").fill("Siti");
    await page.getByPlaceholder("Email").fill("siti@visitor.test");
    await page.getByPlaceholder("What is it about?").fill("Transfer gagal");
    await page.getByRole("button", { name: "Start chat" }).click();
    await page.getByText("Chat started: Transfer gagal").waitFor();
    await page.getByPlaceholder("Type a message…").fill("Transfer saya gagal kemarin");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByText("Transfer saya gagal kemarin").waitFor();

    const conversations = await e2e.api<{ items: { id: string; currentInteractionId: string }[] }>(
      "GET",
      "/conversations",
    );
    const conversation = conversations.items[0]!;
    const accepted = await agentApi("POST", `/interactions/${conversation.currentInteractionId}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const reply = await agentApi("POST", `/conversations/${conversation.id}/messages`, {
      body: "Kami cek transfer Anda sekarang.",
    });
    expect(reply.status).toBe(201);
    await page.getByText("Kami cek transfer Anda sekarang.").waitFor({ timeout: 10_000 });

    await page.reload();
    await page.getByRole("button", { name: "Chat", exact: true }).click();
    await page.getByText("Kami cek transfer Anda sekarang.").waitFor();
    await expect(page.getByText("Transfer saya gagal kemarin").count()).resolves.toBe(1);
  }, 60_000);

  it("sends an image the visitor sees as a thumbnail, reports the agent's reply read, ends the chat and rates it", async () => {
    const conversation = (await e2e.api<{ items: { id: string }[] }>("GET", "/conversations")).items[0]!;
    await page.locator(".sentra-compose input[type=file]").setInputFiles({
      name: "kartu.png",
      mimeType: "image/png",
      buffer: PNG,
    });
    const thumbnail = page.getByRole("img", { name: "kartu.png" });
    await thumbnail.waitFor();
    // The image loaded from the Sentra server with the visitor's token, across origins.
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1);
    const detail = async () =>
      (
        await agentApi<{
          messages: { direction: string; deliveryStatus: string; attachments: { fileName: string }[] }[];
        }>("GET", `/conversations/${conversation.id}`)
      ).body;
    expect((await detail()).messages.flatMap((m) => m.attachments.map((a) => a.fileName))).toContain(
      "kartu.png",
    );
    // The agent's reply was on screen: the widget reported it read.
    await expect
      .poll(async () =>
        (await detail()).messages.filter((m) => m.direction === "outbound").map((m) => m.deliveryStatus),
      )
      .toEqual(["read"]);

    await page.getByRole("button", { name: "End chat" }).click();
    await page.getByText("The chat has ended.").waitFor();
    await page.getByRole("button", { name: "4", exact: true }).click();
    await page.getByPlaceholder("Anything to add? (optional)").fill("Helpful");
    await page.getByRole("button", { name: "Send rating" }).click();
    await page.getByText("Thank you for your feedback!").waitFor();
    // The transcript goes to the pre-chat address; this server has no SMTP relay, and the widget says so.
    await expect(page.locator("input[name=transcript-email]").inputValue()).resolves.toBe(
      "siti@visitor.test",
    );
    await page.getByRole("button", { name: "Email me the transcript" }).click();
    await page.getByText("no SMTP relay is configured", { exact: false }).waitFor();
    expect((await detail()).messages.at(-1)).toMatchObject({ direction: "internal_note" });
    const conversationAfter = await agentApi<{ status: string }>("GET", `/conversations/${conversation.id}`);
    expect(conversationAfter.body.status).toBe("closed");
  }, 60_000);

  it("speaks Bahasa Indonesia when the visitor picks it, and offers the offline form when no agent is logged in", async () => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(hostPage);
    await visitor.getByRole("button", { name: "Chat", exact: true }).click();
    await visitor.getByTitle("Language").selectOption("id");
    await visitor.getByPlaceholder("Nama Anda").waitFor();
    await visitor.getByRole("button", { name: "Mulai obrolan" }).waitFor();
    await context.close();

    const offline = await httpJson(`${e2e.server.url}/api/v1/agents/me/state`, {
      method: "PUT",
      token: agentToken,
      body: { state: "offline" },
    });
    expect(offline.status, JSON.stringify(offline.body)).toBe(200);
    const later = await browser.newContext();
    const visitor2 = await later.newPage();
    await visitor2.goto(hostPage);
    await visitor2.getByRole("button", { name: "Chat", exact: true }).click();
    await visitor2.getByText("No one is available right now.", { exact: false }).waitFor();
    await visitor2.getByPlaceholder("Your name").fill("Joko");
    await visitor2.getByPlaceholder("Email").fill("joko@visitor.test");
    await visitor2.getByPlaceholder("Your message").fill("Please call me about my loan.");
    await visitor2.getByRole("button", { name: "Send message" }).click();
    await visitor2.getByText("We received your message", { exact: false }).waitFor();
    const conversations = await e2e.api<{ items: { channel: string; contactAddress: string }[] }>(
      "GET",
      "/conversations",
    );
    expect(conversations.items).toContainEqual(
      expect.objectContaining({ channel: "email", contactAddress: "joko@visitor.test" }),
    );
    await later.close();
  }, 60_000);
});
