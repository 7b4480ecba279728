import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

const PASSWORD = "a-long-enough-password";
const screenshots = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
const AGENTS = [
  ["budi.santoso@acme.test", "Budi Santoso"],
  ["dewi.lestari@acme.test", "Dewi Lestari"],
  ["made.wirawan@acme.test", "Made Wirawan"],
  ["putu.ayu@acme.test", "Putu Ayu"],
] as const;

const DAY_MS = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Monday of the current week on the tenant's clock (Asia/Jakarta, UTC+7 all year). */
function thisMonday(): string {
  const jakartaNow = Date.now() + 7 * 3_600_000;
  const weekday = (new Date(jakartaNow).getUTCDay() + 6) % 7;
  return isoDate(Date.UTC(...ymd(isoDate(jakartaNow))) - weekday * DAY_MS);
}
function ymd(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return [y, m - 1, d];
}

/**
 * Six weeks of half-hourly history before `monday` (08:00–17:00 local, weekdays busier than weekends, a
 * midday peak), in Sentra's interval CSV, plus one row with a bad channel so the import reports it.
 */
function historyCsv(monday: string): string {
  const lines = ["interval_start,queue,channel,arrivals,handled,abandoned,aht_seconds"];
  const start = Date.UTC(...ymd(monday)) - 42 * DAY_MS;
  for (let day = 0; day < 42; day++) {
    const date = isoDate(start + day * DAY_MS);
    const weekend = day % 7 >= 5;
    for (let slot = 16; slot < 34; slot++) {
      const peak = 1 - Math.abs(slot - 24) / 10;
      const arrivals = Math.round((weekend ? 8 : 20) + (weekend ? 6 : 18) * peak + ((day * 7 + slot) % 5));
      const clock = `${String(Math.floor(slot / 2)).padStart(2, "0")}:${slot % 2 ? "30" : "00"}`;
      lines.push(
        `${date}T${clock}:00+07:00,Billing,voice,${arrivals},${arrivals - 1},1,${170 + (slot % 4) * 10}`,
      );
    }
  }
  lines.push(`${isoDate(start)}T07:00:00+07:00,Billing,fax,3,3,0,100`);
  return `${lines.join("\n")}\n`;
}

describeWithBrowser("workforce management in a real browser against a real server", () => {
  let browser: Browser;
  let planner: Page;
  let e2e: E2eServer;
  let workDir: string;
  const monday = thisMonday();

  const logIn = async (page: Page, email: string, password: string, landing: string) => {
    await page.goto(`${e2e.server.url}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`**${landing}`);
  };

  beforeAll(async () => {
    e2e = await startE2eServer("wfm");
    for (const [email, displayName] of AGENTS) {
      await e2e.api("POST", "/users", {
        email,
        displayName,
        role: "agent",
        locale: "en",
        password: PASSWORD,
      });
    }
    workDir = mkdtempSync(join(tmpdir(), "sentra-wfm-e2e-"));
    browser = await launchChromium();
    planner = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" })
    ).newPage();
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await e2e?.dispose();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("imports history, forecasts a week and shows the backtest and the chart", async () => {
    await logIn(planner, ADMIN_EMAIL, ADMIN_PASSWORD, "/admin/users");
    await planner.getByRole("link", { name: "Forecast" }).click();
    await planner.getByRole("heading", { name: "Forecast" }).first().waitFor();

    await planner.getByRole("tab", { name: "History" }).click();
    const file = join(workDir, "billing-history.csv");
    writeFileSync(file, historyCsv(monday));
    await planner.locator('input[type="file"]').setInputFiles(file);
    await planner.getByRole("button", { name: "Import", exact: true }).click();
    const report = planner.getByTestId("import-report");
    await report.waitFor();
    expect(await report.textContent()).toContain("756 intervals stored, 1 row rejected");
    expect(await report.textContent()).toContain("channel must be one of");
    await planner.screenshot({ path: join(screenshots, "wfm-history-import.png") });

    await planner.getByRole("tab", { name: "Forecast" }).click();
    await planner.getByLabel("From", { exact: true }).fill(monday);
    await planner.getByLabel("To", { exact: true }).fill(isoDate(Date.UTC(...ymd(monday)) + 6 * DAY_MS));
    await planner.getByRole("button", { name: "Generate forecast" }).click();
    const chart = planner.getByTestId("forecast-chart");
    await chart.locator("canvas").waitFor();
    expect(Number(await chart.getAttribute("data-points"))).toBe(7 * 48);
    const backtest = planner.getByTestId("backtest-table");
    await backtest.getByText("Used").waitFor();
    expect(await backtest.locator("tbody tr").count()).toBeGreaterThanOrEqual(3);
    await planner.screenshot({ path: join(screenshots, "wfm-forecast.png"), fullPage: true });

    // +10 % over the whole week, with a reason: the adjustment is stored and listed.
    const before = await planner.getByTestId("forecast-totals").textContent();
    await planner.getByLabel("Change").fill("10");
    await planner.getByLabel("Reason").fill("Payday promotion");
    await planner.getByRole("button", { name: "Apply" }).click();
    await planner.getByText(/\+10% · Payday promotion/).waitFor();
    expect(await planner.getByTestId("forecast-totals").textContent()).not.toBe(before);

    await planner.getByRole("tab", { name: "Staffing" }).click();
    await planner.getByTestId("staffing-chart").locator("canvas").waitFor();
    expect(await planner.getByTestId("staffing-summary").textContent()).toMatch(/Peak \d+ agents/);
  }, 120_000);

  it("generates a week from the forecast, drags a shift and publishes", async () => {
    await planner.getByRole("link", { name: "Schedules" }).click();
    await planner.getByRole("button", { name: "New template" }).click();
    await planner.getByRole("dialog").getByLabel("Name").fill("Day shift");
    await planner.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await planner.getByTestId("shift-templates").getByText("Day shift").waitFor();

    await planner.getByRole("button", { name: "Generate schedule" }).click();
    const bar = planner.getByTestId("gantt-bar").first();
    await bar.waitFor({ timeout: 60_000 });
    await planner.getByTestId("coverage-chart").locator("canvas").waitFor();
    expect(await planner.getByTestId("gantt-row").count()).toBe(AGENTS.length);
    await planner.screenshot({ path: join(screenshots, "wfm-schedule.png"), fullPage: true });

    // Drag the first shift one hour later: the board snaps it to the grid, the server checks the contract and
    // places the breaks again.
    await bar.scrollIntoViewIfNeeded();
    const before = await bar.getAttribute("aria-valuetext");
    const shiftId = await bar.getAttribute("data-shift-id");
    const box = (await bar.boundingBox())!;
    const track = (await planner.getByTestId("gantt-row").first().boundingBox())!;
    const hourPx = (track.width - 170) / 16; // the board shows 06:00–22:00 for day shifts
    const patched = planner.waitForResponse((r) => r.request().method() === "PATCH");
    await planner.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await planner.mouse.down();
    await planner.mouse.move(box.x + box.width / 2 + hourPx / 2, box.y + box.height / 2, { steps: 4 });
    await planner.mouse.move(box.x + box.width / 2 + hourPx, box.y + box.height / 2, { steps: 4 });
    await planner.mouse.up();
    const reply = await patched;
    expect(reply.status()).toBe(200);
    const later = (text: string | null) =>
      (text ?? "").replace(
        /(\d{2}):(\d{2})/g,
        (_, h: string, m: string) => `${String(Number(h) + 1).padStart(2, "0")}:${m}`,
      );
    await expect
      .poll(() => planner.locator(`[data-shift-id="${shiftId}"]`).getAttribute("aria-valuetext"))
      .toBe(later(before));
    await planner.screenshot({ path: join(screenshots, "wfm-schedule-moved.png") });

    await planner.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => planner.getByTestId("schedule-status").textContent()).toBe("Published");
  }, 120_000);

  it("shows an agent their own published week", async () => {
    const agent = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" })
    ).newPage();
    await logIn(agent, AGENTS[0][0], PASSWORD, "/agent");
    await agent.getByRole("link", { name: "My schedule" }).click();
    await agent.getByRole("heading", { name: "My schedule" }).waitFor();
    await expect
      .poll(() => agent.getByTestId("my-hours").textContent())
      .toMatch(/^\d+(\.\d)? paid hours this week$/);
    expect(await agent.getByTestId("my-day").count()).toBe(7);
    await agent.screenshot({ path: join(screenshots, "wfm-my-schedule.png"), fullPage: true });
    await agent.close();
  }, 60_000);

  it("runs the simulator on a day and compares it with five more agents", async () => {
    await planner.getByRole("link", { name: "Simulation" }).click();
    await planner.getByRole("button", { name: "Run and compare" }).click();
    const totals = planner.getByTestId("simulation-totals");
    await totals.waitFor({ timeout: 60_000 });
    expect(await totals.locator("thead th").allTextContents()).toEqual(["", "Base", "+5 agents"]);
    for (const metric of ["serviceLevel", "asaSeconds", "abandonRate", "occupancy"]) {
      await planner.getByTestId(`simulation-${metric}`).locator("canvas").waitFor();
    }
    await planner.screenshot({ path: join(screenshots, "wfm-simulation.png"), fullPage: true });
  }, 120_000);

  it("reads the schedule board and the adherence board in Bahasa Indonesia", async () => {
    await planner.getByRole("radiogroup", { name: "Language" }).getByText("ID", { exact: true }).click();
    await planner.getByRole("link", { name: "Jadwal", exact: true }).click();
    await planner.getByRole("heading", { name: "Jadwal", exact: true }).waitFor();
    await planner.getByRole("heading", { name: "Templat sif" }).waitFor();
    await planner.getByRole("link", { name: "Kepatuhan jadwal" }).click();
    await planner.getByRole("heading", { name: "Kepatuhan jadwal" }).waitFor();
    // Today's published shifts (weekdays only in this week) are measured against the agents' states: nobody
    // has logged in, so whoever is due at work now is out of adherence.
    const weekend = (new Date(Date.now() + 7 * 3_600_000).getUTCDay() + 6) % 7 >= 5;
    if (!weekend) {
      const rows = planner.getByTestId("adherence-table").locator("tbody tr");
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
    }
    await planner.screenshot({ path: join(screenshots, "wfm-adherence-id.png") });
  }, 60_000);
});
