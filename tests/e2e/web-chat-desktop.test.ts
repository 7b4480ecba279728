import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithBrowser, type E2eServer, launchChromium, startE2eServer } from "./browser.js";

const PASSWORD = "a-long-enough-password";

type Message = { id: string; direction: string; bodyText: string; readAt: string | null };

describeWithBrowser("web chat between a visitor's widget and an agent in the desktop, both live", () => {
  let e2e: E2eServer;
  let browser: Browser;
  /** The visitor, on the customer's website. */
  let visitor: Page;
  /** The agent, logged in to the Sentra web app. */
  let agent: Page;
  /** A supervisor reading along. */
  let supervisor: Page;
  /** The customer's website: its own server and origin (another port), like a real host page. */
  let host: Server;
  let hostPage: string;
  let conversationId = "";

  const thread = () => agent.getByTestId("conversation-thread");
  const composer = () => agent.getByTestId("composer");
  const widgetList = () => visitor.getByRole("log");
  const messages = async () =>
    (await e2e.api<{ messages: Message[] }>("GET", `/conversations/${conversationId}`)).messages;

  beforeAll(async () => {
    e2e = await startE2eServer("chatdesk");
    const rani = await e2e.api<{ id: string }>("POST", "/users", {
      email: "rani@acme.test",
      displayName: "Rani",
      role: "agent",
      locale: "en",
      password: PASSWORD,
    });
    await e2e.api("POST", "/users", {
      email: "sari@acme.test",
      displayName: "Sari",
      role: "supervisor",
      locale: "en",
      password: PASSWORD,
    });
    const queue = await e2e.api<{ id: string }>("POST", "/queues", {
      name: "Website chat",
      settings: { channels: ["chat"], offerTimeoutMs: 60_000 },
    });
    await e2e.api("PUT", `/agents/${rani.id}/profile`, {
      languages: ["id", "en"],
      capacity: { max: { chat: 3 } },
    });
    const { publicKey } = await e2e.api<{ publicKey: string }>("POST", "/channels/web-chat", {
      name: "Bank site",
      queueId: queue.id,
      language: "en",
    });
    await e2e.api("POST", "/canned-responses", {
      language: "en",
      shortcut: "thanks",
      title: "Thanks for waiting",
      body: "Thanks for waiting, {{customer.name}}. This is {{agent.name}}.",
    });
    host = createServer((_request, response) => {
      response.setHeader("content-type", "text/html");
      response.end(
        `<!doctype html><html><body><h1>Bank</h1><script src="${e2e.server.url}/widget.js" data-key="${publicKey}"></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
    hostPage = `http://127.0.0.1:${(host.address() as AddressInfo).port}/bank.html`;
    browser = await launchChromium();
    const viewport = { width: 1366, height: 900 };
    visitor = await (await browser.newContext({ viewport, locale: "en-US" })).newPage();
    agent = await (await browser.newContext({ viewport, locale: "en-US" })).newPage();
    supervisor = await (await browser.newContext({ viewport, locale: "en-US" })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
    await e2e?.dispose();
  });

  const logIn = async (page: Page, email: string, landing: string) => {
    await page.goto(`${e2e.server.url}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`**${landing}`);
  };

  it("routes the visitor's chat to the agent's desktop, where both sides see each other live", async () => {
    await logIn(agent, "rani@acme.test", "/agent");
    await agent.getByRole("button", { name: "Available", exact: true }).click();
    await agent.getByTestId("state-badge").getByText("Available").waitFor();

    await visitor.goto(hostPage);
    await visitor.getByRole("button", { name: "Chat", exact: true }).click();
    await visitor.getByPlaceholder("Your name").fill("Siti");
    await visitor.getByPlaceholder("Email").fill("siti@visitor.test");
    await visitor.getByPlaceholder("What is it about?").fill("Failed transfer");
    await visitor.getByRole("button", { name: "Start chat" }).click();
    await widgetList().getByText("Chat started: Failed transfer").waitFor();

    const offer = agent.getByRole("dialog", { name: /Incoming conversation/ });
    await offer.getByRole("button", { name: "Accept" }).click();
    await offer.waitFor({ state: "detached" });
    await thread().getByText("Chat started: Failed transfer").waitFor();
    conversationId = (await e2e.api<{ items: { id: string }[] }>("GET", "/conversations")).items[0]!.id;

    // The visitor types — the agent sees it — and sends; the agent's thread shows it without a reload.
    await visitor.getByPlaceholder("Type a message…").pressSequentially("My transfer failed yesterday");
    await agent.getByTestId("typing-indicator").getByText("Customer is typing…").waitFor();
    await visitor.getByRole("button", { name: "Send" }).click();
    await thread().getByText("My transfer failed yesterday").waitFor();
    await agent.getByTestId("typing-indicator").waitFor({ state: "detached" });

    // The agent types — the visitor sees it.
    await composer().pressSequentially("We are checking");
    await visitor.getByText("Agent is typing…").waitFor();

    // Shift+Enter breaks the line, Enter sends; the visitor's widget shows the reply live.
    await composer().press("Shift+Enter");
    await composer().pressSequentially("your transfer now.");
    await composer().press("Enter");
    await widgetList()
      .getByText(/We are checking\s+your transfer now\./)
      .waitFor();
    await expect.poll(async () => composer().inputValue()).toBe("");
    const reply = (await messages()).find((m) => m.direction === "outbound");
    expect(reply?.bodyText).toBe("We are checking\nyour transfer now.");

    // The agent had the thread on screen: the customer's messages are marked read.
    await expect
      .poll(
        async () => (await messages()).filter((m) => m.direction === "inbound" && m.readAt === null).length,
        {
          timeout: 10_000,
        },
      )
      .toBe(0);
  }, 120_000);

  it("keeps internal notes away from the visitor and inserts a canned response with its placeholders filled", async () => {
    await agent.getByRole("switch", { name: "Internal note" }).check();
    await composer().fill("VIP customer, check the daily limit first");
    await composer().press("Enter");
    const note = thread().getByTestId("thread-message").filter({ hasText: "check the daily limit" });
    await note.waitFor();
    expect(await note.getAttribute("data-direction")).toBe("internal_note");
    await note.getByText("Internal note").waitFor();
    await agent.getByRole("switch", { name: "Internal note" }).uncheck();

    await composer().pressSequentially("/tha");
    await agent.getByRole("option", { name: /\/thanks/ }).waitFor();
    await composer().press("Enter");
    await expect.poll(() => composer().inputValue()).toBe("Thanks for waiting, Siti. This is Rani.");
    await composer().press("Enter");
    await widgetList().getByText("Thanks for waiting, Siti. This is Rani.").waitFor();
    expect(await widgetList().textContent()).not.toContain("daily limit");
  }, 60_000);

  it("keeps the whole history when either side reloads, and stays live afterwards", async () => {
    await visitor.reload();
    await visitor.getByRole("button", { name: "Chat", exact: true }).click();
    await widgetList().getByText("Thanks for waiting, Siti. This is Rani.").waitFor();
    await widgetList().getByText("My transfer failed yesterday").waitFor();
    expect(await widgetList().textContent()).not.toContain("daily limit");

    await agent.reload();
    await thread().getByText("My transfer failed yesterday").waitFor();
    await thread().getByText("check the daily limit", { exact: false }).waitFor();
    await thread().getByText("Thanks for waiting, Siti. This is Rani.").waitFor();
    await expect(thread().getByText("My transfer failed yesterday").count()).resolves.toBe(1);

    await visitor.getByPlaceholder("Type a message…").fill("Thank you, it arrived");
    await visitor.getByRole("button", { name: "Send" }).click();
    await thread().getByText("Thank you, it arrived").waitFor();
    await composer().fill("Glad to help!");
    await composer().press("Enter");
    await widgetList().getByText("Glad to help!").waitFor();
  }, 60_000);

  it("lets a supervisor find the live chat and read along, live and read-only", async () => {
    await logIn(supervisor, "sari@acme.test", "/wallboard");
    await supervisor.getByRole("link", { name: "Live conversations" }).click();
    const row = supervisor.getByTestId("live-conversation-row").filter({ hasText: "Siti" });
    await row.getByText("Rani").waitFor();
    await row.getByText("In conversation").waitFor();
    await row.click();
    const readAlong = supervisor.getByTestId("conversation-thread");
    await readAlong.getByText("Glad to help!").waitFor();
    await readAlong.getByText("check the daily limit", { exact: false }).waitFor();
    expect(await supervisor.getByTestId("composer").count()).toBe(0);

    await visitor.getByPlaceholder("Type a message…").fill("One more question");
    await visitor.getByRole("button", { name: "Send" }).click();
    await readAlong.getByText("One more question").waitFor();
    await thread().getByText("One more question").waitFor();
  }, 60_000);
});
