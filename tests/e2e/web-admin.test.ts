import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { httpJson, type ServerProcess } from "../../packages/server/src/testing/server-process.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  describeWithBrowser,
  type E2eServer,
  launchChromium,
  startE2eServer,
} from "./browser.js";

const screenshots = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

/** A few colleagues, created over the API, so the screenshots show a table as people will see it. */
const STAFF = [
  ["sari.wulandari@acme.test", "Sari Wulandari", "supervisor", "id"],
  ["budi.santoso@acme.test", "Budi Santoso", "agent", "id"],
  ["dewi.lestari@acme.test", "Dewi Lestari", "agent", "id"],
  ["made.wirawan@acme.test", "Made Wirawan", "agent", "en"],
  ["nur.hidayah@acme.test", "Nur Hidayah", "qa", "id"],
  ["agus.setiawan@acme.test", "Agus Setiawan", "wfm", "en"],
] as const;

describeWithBrowser("web app in a real browser against a real server", () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let e2e: E2eServer;

  beforeAll(async () => {
    e2e = await startE2eServer("admin");
    server = e2e.server;
    for (const [email, displayName, role, locale] of STAFF) {
      await httpJson(`${server.url}/api/v1/users`, {
        method: "POST",
        token: e2e.adminToken,
        body: { email, displayName, role, locale, password: "a-long-enough-password" },
      });
    }
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "en-US" });
    page = await context.newPage();
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await e2e?.dispose();
  });

  it("logs in, and creates an agent and a team through the UI", async () => {
    await page.goto(`${server.url}/admin/users`);
    await page.waitForURL("**/login");
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    await page.screenshot({ path: join(screenshots, "login.png") });

    await page.getByLabel("Email").fill(ADMIN_EMAIL);
    await page.getByLabel("Password").fill("wrong-password-here");
    await page.getByRole("button", { name: "Log in" }).click();
    expect(await page.getByRole("alert").textContent()).toContain("The email or password is not correct.");

    await page.getByLabel("Password").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Users" }).waitFor();
    expect(page.url()).toMatch(/\/admin\/users$/);
    await expect.poll(() => page.getByTestId("tenant-name").textContent()).not.toBe("");

    // A new agent, through the create dialog.
    await page.getByRole("button", { name: "New user" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Email").fill("rina.agent@acme.test");
    await dialog.getByLabel("Display name").fill("Rina Kartika");
    await dialog.getByRole("textbox", { name: "Role" }).click();
    await page.getByRole("option", { name: "Agent" }).click();
    await dialog.getByLabel("Password", { exact: true }).fill("short");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await dialog.getByText("Use at least 12 characters.").waitFor();
    await dialog.getByLabel("Password", { exact: true }).fill("rina-has-a-long-password");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await page.getByRole("cell", { name: /^Rina Kartika/ }).waitFor();
    await dialog.waitFor({ state: "detached" });

    // A team with Rina in it.
    await page.getByRole("link", { name: "Teams" }).click();
    await page.getByRole("heading", { name: "Teams" }).waitFor();
    await page.getByRole("button", { name: "New team" }).click();
    await page.getByRole("dialog").getByLabel("Team name").fill("Collections");
    await page.getByRole("dialog").getByRole("textbox", { name: "Members" }).fill("Rina");
    await page.getByRole("option", { name: /Rina Kartika/ }).click();
    // The picker stays open for more picks; clicking elsewhere closes it, as a person would.
    await page.getByRole("dialog").getByLabel("Team name").click();
    await page.getByRole("dialog").getByRole("button", { name: "Create team" }).click();
    await page.getByRole("cell", { name: "Collections", exact: true }).waitFor();
    expect(await page.getByTestId("team-row").first().textContent()).toContain("Rina Kartika");

    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshots, "admin-teams.png") });

    await page.getByRole("link", { name: "Users" }).click();
    await page.getByRole("cell", { name: /^Rina Kartika/ }).waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshots, "admin-users.png") });
  }, 120_000);

  it("creates an API key shown once, revokes it, and shows it all in the audit log", async () => {
    await page.getByRole("link", { name: "API keys" }).click();
    await page.getByRole("button", { name: "New API key" }).click();
    await page.getByRole("dialog").getByLabel(/^Name/).fill("CRM sync");
    await page.getByRole("dialog").getByRole("button", { name: "Create key" }).click();
    const key = await page.getByTestId("created-api-key").textContent();
    expect(key).toMatch(/^sk_/);
    await page.screenshot({ path: join(screenshots, "admin-api-key-created.png") });
    await page.getByRole("button", { name: "I have copied the key" }).click();

    // The key works until it is revoked.
    const me = await httpJson(`${server.url}/api/v1/auth/me`, { token: key ?? "" });
    expect(me.status).toBe(200);
    await page.getByRole("button", { name: "Revoke CRM sync" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await page.getByText(/^Revoked /).waitFor();
    expect((await httpJson(`${server.url}/api/v1/auth/me`, { token: key ?? "" })).status).toBe(401);

    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("cell", { name: /API key revoked/ }).waitFor();
    await page.getByRole("button", { name: "Show details" }).first().click();
    await page
      .getByText(/^Browser or client/)
      .first()
      .waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshots, "admin-audit.png") });
  }, 120_000);

  it("switches to Bahasa Indonesia, keeps it across a reload, and logs out", async () => {
    await page.getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { name: "Users" }).waitFor();
    // Bahasa Indonesia, and it sticks across a reload.
    await page.getByRole("radiogroup", { name: "Language" }).getByText("ID", { exact: true }).click();
    await page.getByRole("heading", { name: "Pengguna" }).waitFor();
    for (const name of ["Pengguna", "Tim", "Kunci API", "Log audit"]) {
      await page.getByRole("link", { name, exact: true }).waitFor();
    }
    await page.getByRole("button", { name: "Keluar" }).waitFor();
    await page.getByRole("button", { name: "Pengguna baru" }).waitFor();
    expect(await page.getByRole("columnheader", { name: "Peran" }).count()).toBe(1);
    expect(await page.locator("html").getAttribute("lang")).toBe("id");
    await page.screenshot({ path: join(screenshots, "admin-users-id.png") });

    await page.reload();
    await page.getByRole("heading", { name: "Pengguna" }).waitFor();

    // Keyboard: the first Tab offers to skip the navigation; the create dialog opens and closes by keys.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Langsung ke konten");
    await page.getByRole("button", { name: "Pengguna baru" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "Pengguna baru" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });

    // Logging out returns to the login page, still in the chosen language.
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.getByRole("heading", { name: "Masuk" }).waitFor();
  }, 120_000);

  it("serves the app for client routes and keeps the API's JSON 404", async () => {
    const spa = await fetch(`${server.url}/admin/teams`);
    expect(spa.status).toBe(200);
    expect(await spa.text()).toContain('<div id="root">');
    const api = await httpJson<{ error: { code: string } }>(`${server.url}/api/v1/nothing-here`);
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe("route_not_found");
  });
});
