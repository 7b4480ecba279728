import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runSipp } from "../../packages/server/src/testing/sip-peers.js";
import { callerScenario } from "../../packages/server/src/testing/sipp-scenarios.js";
import {
  countIn,
  describeWithBrowser,
  type E2eServer,
  launchChromium,
  SOFTPHONE_CHROMIUM_FLAGS,
  startE2eServer,
} from "./browser.js";

const AGENT_EMAIL = "bayu@acme.test";
const AGENT_PASSWORD = "a-long-enough-password";

describeWithBrowser("a phone call answered in the agent's browser", () => {
  let e2e: E2eServer;
  let browser: Browser;
  let page: Page;
  let sip = "";

  beforeAll(async () => {
    e2e = await startE2eServer("voice-call");
    const listening = /"udpPort":(\d+),.*"msg":"SIP listening"/.exec(e2e.server.output());
    sip = `127.0.0.1:${listening?.[1]}`;
    const queue = await e2e.api<{ id: string }>("POST", "/queues", {
      name: "Phone banking",
      settings: { channels: ["voice"] },
    });
    const flow = await e2e.api<{ id: string }>("POST", "/ivr/flows", {
      name: "Phone banking",
      definition: {
        entry: "menu",
        language: "id",
        nodes: {
          menu: { type: "menu", prompts: ["invalid-choice"], choices: { "1": "agent" }, fallback: "agent" },
          agent: { type: "transfer", queueId: queue.id },
        },
      },
    });
    await e2e.api("POST", `/ivr/flows/${flow.id}/publish`, {});
    await e2e.api("POST", "/ivr/dids", { number: "7200", flowId: flow.id });
    const agent = await e2e.api<{ id: string }>("POST", "/users", {
      email: AGENT_EMAIL,
      displayName: "Bayu",
      role: "agent",
      locale: "en",
      password: AGENT_PASSWORD,
    });
    await e2e.api("PUT", `/agents/${agent.id}/profile`, { capacity: { max: { voice: 1 } } });
    browser = await launchChromium(SOFTPHONE_CHROMIUM_FLAGS);
    page = await (
      await browser.newContext({ locale: "en-US", viewport: { width: 1366, height: 768 } })
    ).newPage();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await e2e?.dispose();
  });

  it("rings the agent who accepts the offer, carries audio both ways, and ends when the caller hangs up", async () => {
    await page.goto(`${e2e.server.url}/login`);
    await page.getByLabel("Email").fill(AGENT_EMAIL);
    await page.getByLabel("Password").fill(AGENT_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Agent desktop" }).waitFor();
    const status = page.getByTestId("softphone-status");
    await status.getByText("Softphone: idle").waitFor();
    await page.getByRole("button", { name: "Available", exact: true }).click();

    // A caller on sipp presses 1 and speaks (sipp's recorded G.711 sample) for eight seconds.
    const scenario = await callerScenario("browser", [
      { pauseMs: 2_500 },
      { key: "1" },
      { pcap: "g711a.pcap" },
      { pauseMs: 12_000 },
    ]);
    const caller = runSipp(sip, ["-sf", scenario, "-s", "7200"], 60_000);

    const offer = page.getByRole("dialog", { name: /Incoming conversation/ });
    await offer.getByRole("button", { name: "Accept" }).click({ timeout: 15_000 });
    await page.getByRole("button", { name: "Answer", exact: true }).click({ timeout: 15_000 });
    await status.getByText("Softphone: connected").waitFor({ timeout: 15_000 });

    const browserPackets = page.getByTestId("softphone-browser-packets");
    await expect
      .poll(async () => countIn(await browserPackets.textContent(), /(\d+) received/), { timeout: 10_000 })
      .toBeGreaterThan(100);
    expect(countIn(await browserPackets.textContent(), /(\d+) sent/)).toBeGreaterThan(100);
    // Screen pop: who is calling and which number they dialled.
    const facts = page.getByTestId("voice-call-facts");
    await facts.getByText("+6281234567890").waitFor();
    await facts.getByText("7200").waitFor();
    await page.screenshot({ path: "docs/screenshots/agent-voice-call.png" });

    const result = await caller;
    expect(result.code, result.output.slice(-1500)).toBe(0);
    await status.getByText("Softphone: idle").waitFor({ timeout: 10_000 });
  }, 90_000);
});
