import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ServerProcess } from "../../packages/server/src/testing/server-process.js";
import { describeWithBrowser, type E2eServer, launchChromium, startE2eServer } from "./browser.js";

const PASSWORD = "a-long-enough-password";
const screenshots = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

const STAFF = [
  ["sari.wulandari@acme.test", "Sari Wulandari", "supervisor"],
  ["budi.santoso@acme.test", "Budi Santoso", "agent"],
  ["dewi.lestari@acme.test", "Dewi Lestari", "agent"],
  ["made.wirawan@acme.test", "Made Wirawan", "agent"],
] as const;

const chatQueue = (targetPercent: number) => ({
  channels: ["chat"],
  serviceLevel: { targetPercent, thresholdMs: 20_000 },
  offerTimeoutMs: 60_000,
  wrapUpLimitMs: 120_000,
});

describeWithBrowser("agent desktop and wallboard in real browsers against a real server", () => {
  let server: ServerProcess;
  let browser: Browser;
  let agent: Page;
  let supervisor: Page;
  let e2e: E2eServer;
  const ids = new Map<string, string>();
  const queues = new Map<string, string>();

  const apiCall = <T>(method: string, path: string, body?: unknown) => e2e.api<T>(method, path, body);

  const logIn = async (page: Page, email: string, landing: string) => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`**${landing}`);
  };

  const kpi = (name: string) => supervisor.getByTestId(`kpi-${name}-value`).textContent();

  beforeAll(async () => {
    e2e = await startE2eServer("routing");
    server = e2e.server;
    for (const [email, displayName, role] of STAFF) {
      const user = await apiCall<{ id: string }>("POST", "/users", {
        email,
        displayName,
        role,
        locale: "en",
        password: PASSWORD,
      });
      ids.set(displayName, user.id);
    }
    for (const [name, target] of [
      ["Billing", 80],
      ["Collections", 90],
      ["Sales", 70],
    ] as const) {
      const queue = await apiCall<{ id: string }>("POST", "/queues", { name, settings: chatQueue(target) });
      queues.set(name, queue.id);
    }
    for (const name of ["Budi Santoso", "Dewi Lestari", "Made Wirawan"]) {
      await apiCall("PUT", `/agents/${ids.get(name)}/profile`, {
        skills: {},
        languages: ["id", "en"],
        capacity: { max: { chat: 3 } },
      });
    }
    // Colleagues on the floor, not ready, so every offer in this test goes to Budi.
    await apiCall("PUT", `/agents/${ids.get("Dewi Lestari")}/state`, { state: "not_ready", reason: "lunch" });
    await apiCall("PUT", `/agents/${ids.get("Made Wirawan")}/state`, {
      state: "not_ready",
      reason: "training",
    });

    browser = await launchChromium();
    const viewport = { width: 1366, height: 768 };
    agent = await (await browser.newContext({ viewport, locale: "en-US" })).newPage();
    const wallboardContext = await browser.newContext({ viewport, locale: "en-US" });
    // Wallboards hang in dim rooms: the supervisor's screen runs the dark theme.
    await wallboardContext.addInitScript(() => localStorage.setItem("mantine-color-scheme-value", "dark"));
    supervisor = await wallboardContext.newPage();
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await e2e?.dispose();
  });

  it("offers a chat to an Available agent, who accepts, ends and wraps it up while the wallboard follows", async () => {
    await logIn(supervisor, "sari.wulandari@acme.test", "/wallboard");
    await supervisor.getByRole("heading", { name: "Wallboard" }).waitFor();
    await supervisor.getByTestId("queue-row").nth(2).waitFor();
    await supervisor.getByRole("cell", { name: "Dewi Lestari", exact: true }).waitFor();
    expect(await kpi("waiting")).toBe("0");

    await logIn(agent, "budi.santoso@acme.test", "/agent");
    await agent.getByRole("heading", { name: "Agent desktop" }).waitFor();
    await agent.getByTestId("work-empty").waitFor();

    // Work arrives while Budi is still offline: the wallboard counts it waiting, live.
    const created = await apiCall<{ interactionId: string }>("POST", "/interactions", {
      channel: "chat",
      queueId: queues.get("Billing"),
      customerId: "CUST-1042",
    });
    await expect.poll(() => kpi("waiting"), { timeout: 5_000 }).toBe("1");

    await agent.getByRole("button", { name: "Available", exact: true }).click();
    const offer = agent.getByRole("dialog", { name: /Incoming conversation/ });
    await offer.waitFor();
    await offer.getByText("Billing").waitFor();
    await offer.getByText("CUST-1042").waitFor();
    expect(await agent.getByTestId("offer-countdown").textContent()).toMatch(/^Answer within \d+ seconds$/);
    // Let the dialog's fade-in finish, so the picture shows what the agent sees.
    await agent.waitForTimeout(400);
    await agent.screenshot({ path: join(screenshots, "agent-offer.png") });

    await offer.getByRole("button", { name: "Accept" }).click();
    await offer.waitFor({ state: "detached" });
    await agent.getByTestId("work-panel").waitFor();
    expect(await agent.getByTestId("work-tab").textContent()).toContain("CUST-1042");
    await agent.getByTestId("state-badge").getByText("Busy").waitFor();
    await agent
      .getByLabel("Notes")
      .fill("Customer asks why the March invoice doubled; explained the pro-rated plan change.");
    await expect.poll(() => kpi("waiting"), { timeout: 5_000 }).toBe("0");
    await expect.poll(() => kpi("answered"), { timeout: 5_000 }).toBe("1");
    await supervisor.getByTestId("agents-busy").getByText("1").waitFor();

    // A second chat joins the first: the desk holds several up to the agent's capacity.
    await apiCall("POST", "/interactions", {
      channel: "chat",
      queueId: queues.get("Collections"),
      customerId: "CUST-2210",
    });
    await agent
      .getByRole("dialog", { name: /Incoming conversation/ })
      .getByRole("button", { name: "Accept" })
      .click();
    await expect.poll(() => agent.getByTestId("work-tab").count()).toBe(2);
    await agent.getByTestId("work-tab").first().click();
    await agent.mouse.move(0, 0);
    await agent.screenshot({ path: join(screenshots, "agent-desktop.png") });
    await supervisor.mouse.move(0, 0);
    await supervisor.screenshot({ path: join(screenshots, "wallboard.png") });

    // End the first, wrap it up with a disposition; its tab closes.
    await agent.getByRole("button", { name: "End conversation" }).first().click();
    await agent.getByText("Wrap-up", { exact: true }).first().waitFor();
    await agent.getByRole("textbox", { name: "Disposition" }).click();
    await agent.getByRole("option", { name: "Resolved" }).click();
    await agent.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => agent.getByTestId("work-tab").count()).toBe(1);
    const closed = await apiCall<{ state: string }>("GET", `/interactions/${created.interactionId}`);
    expect(closed.state).toBe("closed");
  }, 120_000);

  it("shows the wallboard and the desk in Bahasa Indonesia", async () => {
    await supervisor.getByRole("radiogroup", { name: "Language" }).getByText("ID", { exact: true }).click();
    await supervisor.getByRole("heading", { name: "Papan pantau" }).waitFor();
    for (const label of [
      "Menunggu",
      "Waktu tunggu terlama",
      "Tingkat layanan hari ini",
      "Rata-rata waktu penanganan",
    ]) {
      await supervisor.getByText(label, { exact: true }).first().waitFor();
    }
    await supervisor.getByRole("heading", { name: "Antrean" }).waitFor();
    await supervisor.mouse.move(0, 0);
    await supervisor.screenshot({ path: join(screenshots, "wallboard-id.png") });

    await agent.getByRole("radiogroup", { name: "Language" }).getByText("ID", { exact: true }).click();
    await agent.getByRole("heading", { name: "Desktop agen" }).waitFor();
    await agent.getByRole("button", { name: "Tersedia", exact: true }).waitFor();
    await agent.getByRole("button", { name: "Tidak siap" }).click();
    await agent.getByRole("menuitem", { name: "Istirahat" }).click();
    await agent.getByTestId("state-badge").getByText("Tidak siap · Istirahat").waitFor();
    await agent.getByRole("button", { name: "Akhiri percakapan" }).waitFor();
  }, 60_000);
});
