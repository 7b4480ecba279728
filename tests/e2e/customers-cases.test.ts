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

const PASSWORD = "a-long-enough-password";
const screenshots = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

const STAFF = [
  ["sari.wulandari@acme.test", "Sari Wulandari", "supervisor"],
  ["budi.santoso@acme.test", "Budi Santoso", "agent"],
] as const;

/** The customer as the bank knows them; the agent learns the masked facts only by asking. */
const CUSTOMER = {
  fullName: "Siti Rahayu",
  phones: ["0812-3456-5678"],
  emails: ["siti.rahayu@example.id"],
  customerNumber: "CUST-1042",
  accountNumbers: ["1234567890"],
  address: "Jl. Merdeka 10, Bandung",
  birthDate: "1990-05-17",
  mothersMaidenName: "Wulandari",
  language: "id",
};

describeWithBrowser("customer panel, identity check and cases in real browsers against a real server", () => {
  let e2e: E2eServer;
  let browser: Browser;
  let agent: Page;
  let supervisor: Page;
  let customerId: string;
  let queueId: string;

  const logIn = async (page: Page, email: string, landing: string, password = PASSWORD) => {
    await page.goto(`${e2e.server.url}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`**${landing}`);
  };

  beforeAll(async () => {
    e2e = await startE2eServer("customers-cases");
    const ids = new Map<string, string>();
    for (const [email, displayName, role] of STAFF) {
      const user = await e2e.api<{ id: string }>("POST", "/users", {
        email,
        displayName,
        role,
        locale: "en",
        password: PASSWORD,
      });
      ids.set(role, user.id);
    }
    const queue = await e2e.api<{ id: string }>("POST", "/queues", {
      name: "Cards",
      settings: {
        channels: ["chat"],
        serviceLevel: { targetPercent: 80, thresholdMs: 20_000 },
        offerTimeoutMs: 60_000,
      },
    });
    queueId = queue.id;
    await e2e.api("PUT", `/agents/${ids.get("agent")}/profile`, {
      skills: {},
      languages: ["id", "en"],
      capacity: { max: { chat: 2 } },
    });
    customerId = (await e2e.api<{ id: string }>("POST", "/customers", CUSTOMER)).id;
    const article = await e2e.api<{ id: string }>("POST", "/kb/articles", {
      title: "Unblocking a card blocked abroad",
      body: "Cards are blocked abroad when travel was not announced.\n\n1. Verify the customer\n2. Unblock in **Card admin**",
      language: "en",
      tags: ["card", "travel"],
    });
    await e2e.api("POST", `/kb/articles/${article.id}/publish`);

    browser = await launchChromium();
    const viewport = { width: 1366, height: 1000 };
    agent = await (await browser.newContext({ viewport, locale: "en-US" })).newPage();
    supervisor = await (await browser.newContext({ viewport, locale: "en-US" })).newPage();
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await e2e?.dispose();
  });

  it("masks the profile until the agent verifies the caller, then opens and escalates a complaint the supervisor sees", async () => {
    await logIn(agent, "budi.santoso@acme.test", "/agent");
    await agent.getByRole("heading", { name: "Agent desktop" }).waitFor();
    await agent.getByRole("button", { name: "Available", exact: true }).click();

    // No chat widget yet: the chat arrives through the API, for the known customer.
    await e2e.api("POST", "/interactions", { channel: "chat", queueId, customerId });
    const offer = agent.getByRole("dialog", { name: /Incoming conversation/ });
    await offer.getByRole("button", { name: "Accept" }).click();
    await offer.waitFor({ state: "detached" });

    const panel = agent.getByTestId("customer-panel");
    await panel.getByTestId("customer-name").getByText("Siti Rahayu").waitFor();
    await panel.getByTestId("masked-badge").waitFor();
    expect(await panel.getByTestId("masked-birthDate").textContent()).toBe("••••");
    expect(await panel.getByTestId("masked-phones").textContent()).toBe("••••5678");
    expect(await panel.textContent()).not.toContain("1990-05-17");
    expect(await panel.getByTestId("verify-level").textContent()).toBe("Not verified");
    expect(await agent.getByTestId("work-tab").textContent()).toContain("Siti Rahayu");
    await agent.mouse.move(0, 0);
    await agent.screenshot({ path: join(screenshots, "agent-customer-masked.png") });

    // A wrong answer is refused, named, and counted; nothing the record holds is shown.
    const form = panel.getByTestId("verify-form");
    await form.getByLabel("Date of birth").fill("1991-01-01");
    await form.getByLabel("Mother's maiden name").fill("Wulandari");
    await form.getByRole("button", { name: "Check answers" }).click();
    expect(await panel.getByTestId("verify-failed").textContent()).toBe(
      "Not matching: Date of birth. 2 attempts left.",
    );
    expect(await form.getByLabel("Date of birth").inputValue()).toBe("");
    await panel.getByTestId("masked-birthDate").waitFor();

    await form.getByLabel("Date of birth").fill("17/05/1990");
    await form.getByLabel("Mother's maiden name").fill("Wulandari");
    await form.getByRole("button", { name: "Check answers" }).click();
    await panel.getByTestId("unmasked-badge").waitFor();
    expect(await panel.getByTestId("verify-level").textContent()).toBe("Verified");
    expect(await panel.getByTestId("field-birthDate").textContent()).toBe("1990-05-17");
    expect(await panel.getByTestId("field-customerNumber").textContent()).toBe("CUST-1042");

    // A complaint, linked to this chat.
    await panel.getByRole("button", { name: "New case" }).click();
    await panel.getByLabel("Subject").fill("Card blocked after travel to Singapore");
    await panel.getByLabel("Category").fill("card_blocked");
    await panel.getByLabel("Description").fill("Card declined at Changi; customer needs it unblocked today.");
    await panel.getByRole("button", { name: "Open case" }).click();
    const opened = panel.getByTestId("open-case");
    await opened.getByText("Card blocked after travel to Singapore").waitFor();
    await opened.getByTestId("case-status").getByText("New").waitFor();

    // Knowledge-base suggestions follow what the agent writes; a link goes into the notes.
    await agent.getByRole("textbox", { name: "Notes" }).fill("Customer says the card is blocked abroad");
    const suggestion = agent.getByTestId("kb-suggestion").first();
    await suggestion.getByText("Unblocking a card blocked abroad").waitFor();
    await suggestion.getByRole("button", { name: "Insert link", exact: true }).click();
    expect(await agent.getByRole("textbox", { name: "Notes" }).inputValue()).toContain(
      `Unblocking a card blocked abroad — ${e2e.server.url}/kb/`,
    );
    await agent.mouse.move(0, 0);
    await agent.screenshot({ path: join(screenshots, "agent-customer-panel.png") });

    await opened.getByRole("button", { name: "Escalate" }).click();
    await opened.getByLabel("Reason for escalation").fill("Customer is abroad without another card");
    await opened.getByRole("button", { name: "Escalate case" }).click();
    await opened.getByTestId("case-status").getByText("Escalated").waitFor();

    const cases = await e2e.api<{
      items: { id: string; status: string; originInteractionId: string | null }[];
    }>("GET", `/cases?customerId=${customerId}`);
    expect(cases.items).toHaveLength(1);
    expect(cases.items[0]?.status).toBe("escalated");
    expect(cases.items[0]?.originInteractionId).not.toBeNull();

    // The supervisor, in another browser, finds it on the Escalated tab and opens it.
    await logIn(supervisor, "sari.wulandari@acme.test", "/wallboard");
    await supervisor.getByRole("link", { name: "Cases" }).click();
    await supervisor.getByRole("heading", { name: "Cases" }).waitFor();
    await supervisor.getByRole("tab", { name: "Escalated" }).click();
    await supervisor.waitForURL("**/cases?status=escalated");
    const row = supervisor.getByTestId("case-row");
    await row.getByText("Card blocked after travel to Singapore").waitFor();
    expect(await supervisor.getByTestId("case-row").count()).toBe(1);
    await supervisor.mouse.move(0, 0);
    await supervisor.screenshot({ path: join(screenshots, "cases-escalated.png") });

    await row.getByRole("link", { name: "Card blocked after travel to Singapore" }).click();
    const timeline = supervisor.getByTestId("case-timeline");
    await timeline.getByText("Customer is abroad without another card").waitFor();
    await timeline.getByText("Escalated", { exact: true }).first().waitFor();
    await supervisor.getByRole("button", { name: "Take case" }).click();
    await expect
      .poll(() => supervisor.getByRole("textbox", { name: "Owner" }).inputValue())
      .toBe("Sari Wulandari");
    await supervisor.mouse.move(0, 0);
    await supervisor.screenshot({ path: join(screenshots, "case-detail.png") });
  }, 120_000);

  it("lets the supervisor find, reveal and merge customers, the admin import a CSV, and everyone read articles", async () => {
    // A second record of the same person, as a branch would have typed it.
    await e2e.api("POST", "/customers", { fullName: "Siti Rahayu", phones: ["+62 812 3456 5678"] });

    await supervisor.goto(`${e2e.server.url}/customers`);
    await supervisor.getByRole("textbox", { name: "Search customers" }).fill("Siti");
    await expect.poll(() => supervisor.getByTestId("customer-row").count()).toBe(2);
    await supervisor.goto(`${e2e.server.url}/customers/${customerId}`);
    await supervisor.getByRole("heading", { name: "Siti Rahayu" }).waitFor();
    await supervisor.getByTestId("masked-birthDate").waitFor();
    await supervisor.getByRole("button", { name: "Show full details" }).click();
    expect(await supervisor.getByTestId("field-birthDate").textContent()).toBe("1990-05-17");
    await supervisor.getByRole("textbox", { name: "Purpose" }).fill("marketing");
    await supervisor.getByRole("button", { name: "Record consent" }).click();
    await supervisor.getByTestId("consents").getByRole("cell", { name: "marketing" }).waitFor();
    await supervisor.mouse.move(0, 0);
    await supervisor.screenshot({ path: join(screenshots, "customer-detail.png") });
    await supervisor.getByRole("tab", { name: "History" }).click();
    await supervisor.getByTestId("customer-history").waitFor();

    await supervisor.getByRole("link", { name: "Duplicate customers" }).click();
    const pair = supervisor.getByTestId("duplicate").first();
    await pair.getByRole("button", { name: "Merge" }).waitFor();
    await supervisor.mouse.move(0, 0);
    await supervisor.screenshot({ path: join(screenshots, "customers-duplicates.png") });
    await pair.getByRole("button", { name: "Merge" }).click();
    await supervisor.getByTestId("merged").waitFor();
    await supervisor.getByRole("button", { name: "Undo merge" }).click();
    await supervisor.getByTestId("merged").waitFor({ state: "detached" });

    await supervisor.getByRole("link", { name: "Knowledge base" }).click();
    await supervisor.getByRole("textbox", { name: "Search articles" }).fill("blocked abroad");
    await supervisor
      .getByTestId("kb-hit")
      .getByRole("link", { name: "Unblocking a card blocked abroad" })
      .click();
    const body = supervisor.getByTestId("article-body");
    await body.locator("strong").getByText("Card admin").waitFor();
    expect(await body.locator("ol li").count()).toBe(2);

    const admin = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-US" })
    ).newPage();
    await logIn(admin, ADMIN_EMAIL, "/admin/users", ADMIN_PASSWORD);
    await admin.getByRole("link", { name: "Customer import" }).click();
    const csv = [
      "full_name,phones,emails,birth_date",
      "Agus Salim,0813-1111-2222,agus@example.id,1985-03-07",
      "Rina Marlina,0813-3333-4444,,1992-11-30",
      ",0813-5555-6666,,",
    ].join("\n");
    await admin.locator('input[type="file"]').setInputFiles({
      name: "customers.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await admin.getByRole("button", { name: "Import", exact: true }).click();
    const report = admin.getByTestId("import-report");
    await report.getByText("2 of 3 rows imported, 1 refused.").waitFor();
    await report.getByRole("cell", { name: "4", exact: true }).waitFor();
    await admin.screenshot({ path: join(screenshots, "customers-import.png") });
  }, 120_000);
});
