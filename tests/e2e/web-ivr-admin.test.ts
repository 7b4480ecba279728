import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  describeWithBrowser,
  type E2eServer,
  launchChromium,
  startE2eServer,
} from "./browser.js";

const screenshots = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

describeWithBrowser("IVR administration in a real browser against a real server", () => {
  let e2e: E2eServer;
  let browser: Browser;
  let page: Page;
  let queueId = "";

  beforeAll(async () => {
    e2e = await startE2eServer("ivr-admin");
    queueId = (
      await e2e.api<{ id: string }>("POST", "/queues", { name: "Hotline", settings: { channels: ["voice"] } })
    ).id;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-US" });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await e2e?.dispose();
  });

  const flowText = (choiceTarget: string) =>
    JSON.stringify(
      {
        entry: "main",
        nodes: {
          main: { type: "menu", prompts: ["main-menu"], choices: { "1": choiceTarget }, fallback: "agent" },
          agent: { type: "transfer", queueId },
        },
      },
      null,
      2,
    );

  it("creates a flow, shows errors by path while typing, publishes it and maps a number to it", async () => {
    await page.goto(`${e2e.server.url}/login`);
    await page.getByLabel("Email").fill(ADMIN_EMAIL);
    await page.getByLabel("Password").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL("**/admin/users");

    await page.getByRole("link", { name: "IVR flows" }).click();
    await page.getByRole("heading", { name: "IVR flows" }).waitFor();
    await page.getByRole("button", { name: "New flow" }).click();
    await page.getByLabel("Name").fill("Hotline menu");
    await page.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/admin\/ivr\/[0-9a-f-]{36}$/);

    const editor = page.getByTestId("ivr-json-editor");
    await editor.fill(flowText("nowhere"));
    await expect
      .poll(() => page.getByTestId("ivr-issue").allTextContents())
      .toEqual([expect.stringContaining("nodes.main.choices.1")]);
    await editor.fill("{ not json");
    await page.getByText("The text is not valid JSON").waitFor();

    await editor.fill(flowText("agent"));
    await page.getByText("No problems: this draft can be published.").waitFor();
    await expect.poll(() => page.getByTestId("ivr-summary-node").count()).toBe(2);
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Version 1 is live").waitFor();
    await page.screenshot({ path: join(screenshots, "admin-ivr-editor.png"), fullPage: true });

    await page.getByRole("link", { name: "All flows" }).click();
    await expect
      .poll(() => page.getByTestId("ivr-flow-row").allTextContents())
      .toEqual([expect.stringContaining("Version 1 live")]);
    await page.getByRole("textbox", { name: "Number", exact: true }).fill("021 5000 1000");
    await page.getByRole("textbox", { name: "Flow", exact: true }).click();
    await page.getByRole("option", { name: "Hotline menu" }).click();
    await page.getByRole("button", { name: "Add number" }).click();
    await expect
      .poll(() => page.getByTestId("ivr-did-row").allTextContents())
      .toEqual([expect.stringContaining("+622150001000")]);
    await page.screenshot({ path: join(screenshots, "admin-ivr.png") });
  });
});
