import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ServerProcess } from "../../packages/server/src/testing/server-process.js";
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

const STAFF = [
  ["budi.santoso@acme.test", "Budi Santoso", "agent"],
  ["dewi.lestari@acme.test", "Dewi Lestari", "agent"],
  ["made.wirawan@acme.test", "Made Wirawan", "agent"],
  ["sari.wulandari@acme.test", "Sari Wulandari", "supervisor"],
] as const;

interface Queue {
  id: string;
  name: string;
  settings: {
    channels: string[];
    skills: { skill: string; minLevel: number }[];
    policy: string;
    serviceLevel: { targetPercent: number; thresholdMs: number };
    calendar?: { timeZone: string; weekly: Record<string, [string, string][]> };
  };
}

/**
 * A plausible contact-centre day (two peaks, lunch dip) for the documentation picture of the intraday chart:
 * the real server only has this test's few minutes of history. The live endpoint is checked separately.
 */
function demoDay(scale: number, upTo: number, seed: number) {
  return Array.from({ length: 96 }, (_, i) => {
    const minute = i * 15;
    const h = minute / 60;
    const load =
      h < 7 || h >= 21
        ? 0
        : Math.round(scale * (9 * Math.exp(-((h - 10) ** 2) / 3) + 7 * Math.exp(-((h - 15) ** 2) / 4) + 2));
    const wobble = Math.round(1.5 * Math.sin(i * 1.7 + seed));
    const arrivals = minute > upTo || load === 0 ? 0 : Math.max(0, load + wobble);
    const peak = Math.exp(-((h - 10.25) ** 2) / 1.5);
    const sl = arrivals === 0 ? null : Math.min(1, 0.92 - 0.3 * peak * scale + 0.02 * Math.sin(i + seed));
    return { startMinute: minute, arrivals, answered: arrivals, abandoned: 0, serviceLevel: sl };
  });
}

describeWithBrowser("routing administration in a real browser against a real server", () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let e2e: E2eServer;
  const ids = new Map<string, string>();

  const apiCall = <T>(method: string, path: string, body?: unknown) => e2e.api<T>(method, path, body);

  beforeAll(async () => {
    e2e = await startE2eServer("routing-admin");
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
    const team = await apiCall<{ id: string }>("POST", "/teams", {
      name: "Jakarta floor",
      memberIds: [ids.get("Budi Santoso"), ids.get("Dewi Lestari")],
    });
    // Colleagues' queues, so the list reads like a working tenant.
    const english = await apiCall<{ id: string }>("POST", "/skills", { name: "English" });
    const billing = await apiCall<{ id: string }>("POST", "/queues", {
      name: "Billing",
      settings: {
        channels: ["voice", "chat"],
        skills: [{ skill: english.id, minLevel: 3 }],
        teamIds: [team.id],
        serviceLevel: { targetPercent: 80, thresholdMs: 20_000 },
        calendar: {
          timeZone: "Asia/Jakarta",
          weekly: Object.fromEntries(["1", "2", "3", "4", "5"].map((d) => [d, [["08:00", "20:00"]]])),
          holidays: ["2026-12-25"],
        },
      },
    });
    await apiCall("POST", "/queues", {
      name: "Sales",
      settings: {
        channels: ["chat", "message"],
        policy: "least_occupied",
        serviceLevel: { targetPercent: 70, thresholdMs: 60_000 },
        overflow: { type: "queue", queueId: billing.id },
        maxWaitMs: 300_000,
      },
    });
    await apiCall("POST", "/queues", {
      name: "Email support",
      settings: { channels: ["email"], serviceLevel: { targetPercent: 90, thresholdMs: 4 * 3_600_000 } },
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "en-US" });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await e2e?.dispose();
  });

  const logIn = async (landing: string) => {
    await page.getByLabel("Email").fill(ADMIN_EMAIL);
    await page.getByLabel("Password").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`**${landing}`);
  };

  it("creates a skill and a queue through the UI and sets an agent's skill level", async () => {
    await page.goto(`${server.url}/login`);
    await logIn("/admin/users");
    await page.getByRole("heading", { name: "Users" }).waitFor();

    // A skill.
    await page.getByRole("link", { name: "Skills" }).click();
    await page.getByRole("heading", { name: "Skills" }).waitFor();
    await page.getByRole("button", { name: "New skill" }).click();
    const skillDialog = page.getByRole("dialog");
    await skillDialog.getByRole("button", { name: "Create skill" }).click();
    await skillDialog.getByText("This field is required.").waitFor();
    await skillDialog.getByLabel("Name").fill("Kartu kredit");
    await skillDialog.getByRole("button", { name: "Create skill" }).click();
    await page.getByRole("cell", { name: "Kartu kredit", exact: true }).waitFor();
    await skillDialog.waitFor({ state: "detached" });

    // A queue that needs it, with durations in seconds and business hours in WITA.
    await page.getByRole("link", { name: "Queues" }).click();
    await page.getByRole("heading", { name: "Queues" }).waitFor();
    await page.getByTestId("queue-admin-row").nth(2).waitFor();
    await page.getByRole("button", { name: "New queue" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Name" }).fill("Kartu kredit");
    await dialog.getByRole("textbox", { name: "Channels" }).click({ force: true });
    await page.getByRole("option", { name: "Chat" }).click();
    await dialog.getByRole("textbox", { name: "Name" }).click();

    await dialog.getByRole("tab", { name: "Skills & policy" }).click();
    await dialog.getByRole("textbox", { name: "Routing policy" }).click();
    await page.getByRole("option", { name: "Most skilled" }).click();
    await dialog.getByRole("button", { name: "Add skill" }).click();
    await dialog.getByRole("textbox", { name: "Skill", exact: true }).click();
    await page.getByRole("option", { name: "Kartu kredit" }).click();
    await dialog.getByRole("textbox", { name: "Minimum level" }).fill("5");
    await dialog.getByRole("button", { name: "Add step" }).click();
    await dialog.getByRole("textbox", { name: "Require at most level" }).fill("3");

    await dialog.getByRole("tab", { name: "Service level & timers" }).click();
    await dialog.getByRole("textbox", { name: "Threshold" }).fill("30");
    await dialog.getByRole("textbox", { name: "Offer timeout" }).fill("25");

    await dialog.getByRole("tab", { name: "Business hours" }).click();
    await dialog.getByRole("switch", { name: /Use business hours/ }).check({ force: true });
    await dialog.getByText("WITA · Makassar").click();
    await dialog.getByRole("textbox", { name: "Holidays" }).fill("2026-08-17");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(300);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshots, "admin-queue-form.png") });

    await dialog.getByRole("button", { name: "Create queue" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("cell", { name: "Kartu kredit", exact: true }).waitFor();

    const queues = (await apiCall<{ items: Queue[] }>("GET", "/queues")).items;
    const created = queues.find((q) => q.name === "Kartu kredit");
    const skills = (await apiCall<{ items: { id: string; name: string }[] }>("GET", "/skills")).items;
    const skillId = skills.find((s) => s.name === "Kartu kredit")?.id;
    expect(created?.settings.channels.sort()).toEqual(["chat", "voice"]);
    expect(created?.settings.policy).toBe("most_skilled");
    expect(created?.settings.skills).toEqual([{ skill: skillId, minLevel: 5 }]);
    expect(created?.settings.serviceLevel.thresholdMs).toBe(30_000);
    expect(created?.settings.calendar?.timeZone).toBe("Asia/Makassar");
    expect(created?.settings.calendar?.weekly["1"]).toEqual([["08:00", "20:00"]]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshots, "admin-queues.png") });

    // Budi becomes a level-7 credit-card agent.
    await page.getByRole("link", { name: "Agent profiles" }).click();
    await page.getByRole("heading", { name: "Agent profiles" }).waitFor();
    await page.getByRole("button", { name: "Edit the routing profile of Budi Santoso" }).click();
    const profile = page.getByRole("dialog");
    await profile.getByRole("textbox", { name: "Level of Kartu kredit" }).fill("7");
    await profile.getByRole("textbox", { name: "Level of English" }).fill("4");
    await page.waitForTimeout(300);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshots, "admin-agent-profile.png") });
    await profile.getByRole("button", { name: "Save" }).click();
    await profile.waitFor({ state: "detached" });
    const saved = await apiCall<{ skills: Record<string, number> }>(
      "GET",
      `/agents/${ids.get("Budi Santoso")}/profile`,
    );
    expect(saved.skills[skillId ?? ""]).toBe(7);

    // A prayer break joins the not-ready reasons; typed as said, stored as a code.
    await page.getByRole("link", { name: "Routing codes" }).click();
    await page.getByRole("heading", { name: "Routing codes" }).waitFor();
    await page.getByRole("textbox", { name: "Not-ready reason codes" }).fill("Prayer break");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Routing codes saved.").waitFor();
    const settings = await apiCall<{ notReadyReasons: string[] }>("GET", "/routing/settings");
    expect(settings.notReadyReasons).toContain("prayer_break");
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshots, "admin-routing-codes.png") });
  }, 120_000);

  it("draws today's arrivals and service level against yesterday on the wallboard", async () => {
    const queueId = (await apiCall<{ items: Queue[] }>("GET", "/queues")).items[0]?.id;
    await apiCall("POST", "/interactions", { channel: "chat", queueId, customerId: "CUST-1" });
    const live = await apiCall<{ today: { arrivals: number }[] }>("GET", "/stats/intraday");
    expect(live.today.reduce((sum, i) => sum + i.arrivals, 0)).toBe(1);

    await page.goto(`${server.url}/wallboard`);
    if (page.url().includes("/login")) await logIn("/wallboard");
    await page.getByRole("heading", { name: "Today vs yesterday" }).waitFor();
    await page.getByTestId("intraday-arrivals").locator("canvas").waitFor();

    // The picture: a full day (see demoDay) in the dark theme wallboards run in.
    const now = new Date();
    const jakartaMinute = ((now.getUTCHours() + 7) % 24) * 60 + now.getUTCMinutes();
    const upTo = Math.max(jakartaMinute, 16 * 60);
    await page.route("**/api/v1/stats/intraday*", (route) =>
      route.fulfill({
        json: { timeZone: "Asia/Jakarta", today: demoDay(1.15, upTo, 3), yesterday: demoDay(1, 24 * 60, 11) },
      }),
    );
    await page.evaluate(() => localStorage.setItem("mantine-color-scheme-value", "dark"));
    await page.reload();
    await page.getByTestId("intraday-service-level").locator("canvas").waitFor();
    await page
      .getByRole("heading", { name: "Queues", exact: true })
      .evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await page.waitForTimeout(800);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshots, "wallboard-intraday.png") });
    await page.unroute("**/api/v1/stats/intraday*");
  }, 60_000);
});
