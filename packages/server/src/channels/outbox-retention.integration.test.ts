import { ManualClock } from "@sentra/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient } from "../testing/api-client.js";
import { describeEachStore } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";
import { conversationMessagesPurger } from "./message-retention.js";
import { type OutboundMessageRow, Outbox, TransientDeliveryError } from "./outbox.js";

const MAILBOX = "support@acme.test";

/** The outbox's retry schedule and the message retention purge, on a conversation stored through the intake. */
describeEachStore("conversation outbox and retention", (target) => {
  let platform: TestPlatform;
  let tenantId: string;
  let conversationId: string;
  let queueId: string;

  beforeAll(async () => {
    platform = await startTestPlatform(target);
    tenantId = (await platform.services.tenants.findBySlug("demo"))!.id;
    const admin = await new ApiClient(platform.app).login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const queue = (
      await admin.post<{ id: string }>("/api/v1/queues", { name: "Email", settings: { channels: ["email"] } })
    ).body;
    const stored = await platform.services.channels.intake.receive({
      endpoint: {
        tenantId,
        channel: "email",
        address: MAILBOX,
        queueId: queue.id,
        language: null,
        skills: [],
      },
      contact: { email: "rina@customer.test", name: "Rina" },
      providerMessageId: "<first@customer.test>",
      inReplyTo: null,
      references: [],
      subject: "Kartu",
      bodyText: "Tolong",
      bodyHtmlSanitized: null,
      toAddresses: [MAILBOX],
      attachments: [
        { fileName: "ktp.txt", contentType: "text/plain", content: new TextEncoder().encode("ktp") },
      ],
      automated: null,
      parseProblem: null,
    });
    conversationId = stored.conversationId;
    queueId = queue.id;
  });
  afterAll(() => platform?.dispose());

  it("retries transient delivery failures with backoff and records permanent ones", async () => {
    const db = platform.services.db;
    // Far in the future, so the platform's own outbox (on the system clock) never finds these rows due.
    const start = Date.parse("2100-01-01T00:00:00Z");
    const clock = new ManualClock(start);
    const queued = async (subject: string) =>
      (
        await db
          .insertInto("messages")
          .values({
            tenant_id: tenantId,
            conversation_id: conversationId,
            direction: "outbound",
            author_kind: "user",
            from_address: MAILBOX,
            to_addresses: JSON.stringify(["rina@customer.test"]),
            subject,
            body_text: "x",
            delivery_status: "queued",
            next_attempt_at: new Date(start),
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const flaky = await queued("flaky");
    const doomed = await queued("doomed");
    let failuresLeft = 2;
    const delivered: string[] = [];
    const outbox = new Outbox(
      db,
      {
        email: {
          async send(message: OutboundMessageRow) {
            if (message.subject === "doomed") throw new Error("550 mailbox unavailable");
            if (failuresLeft-- > 0) throw new TransientDeliveryError("421 try later");
            delivered.push(message.id);
          },
        },
      },
      clock,
      platform.services.logger,
    );
    const state = async (id: string) =>
      db
        .selectFrom("messages")
        .select(["delivery_status", "attempts", "next_attempt_at", "last_error"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();

    await outbox.flush();
    expect(await state(doomed)).toMatchObject({
      delivery_status: "failed",
      attempts: 1,
      last_error: "550 mailbox unavailable",
    });
    expect(await state(flaky)).toMatchObject({
      delivery_status: "queued",
      attempts: 1,
      last_error: "421 try later",
    });
    expect((await state(flaky)).next_attempt_at?.getTime()).toBe(start + 30_000);
    await outbox.flush();
    expect((await state(flaky)).attempts).toBe(1);
    clock.advance(30_000);
    await outbox.flush();
    expect(await state(flaky)).toMatchObject({ delivery_status: "queued", attempts: 2 });
    clock.advance(60_000);
    await outbox.flush();
    expect(await state(flaky)).toMatchObject({ delivery_status: "sent", attempts: 3, last_error: null });
    expect(delivered).toEqual([flaky]);
    await outbox.stop();
  });

  it("delivers a backlog larger than one pass at once, without waiting for the next interval", async () => {
    const db = platform.services.db;
    const start = Date.parse("2200-01-01T00:00:00Z");
    await db
      .insertInto("messages")
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          tenant_id: tenantId,
          conversation_id: conversationId,
          direction: "outbound" as const,
          author_kind: "user" as const,
          from_address: MAILBOX,
          to_addresses: JSON.stringify(["rina@customer.test"]),
          subject: `backlog ${i}`,
          body_text: "x",
          delivery_status: "queued" as const,
          next_attempt_at: new Date(start),
        })),
      )
      .execute();
    const delivered: string[] = [];
    // The timer is never started: only the one kick below (and what it chains) may deliver.
    const outbox = new Outbox(
      db,
      { email: { send: async (message: OutboundMessageRow) => void delivered.push(message.id) } },
      new ManualClock(start),
      platform.services.logger,
    );
    outbox.kick();
    for (let i = 0; i < 200 && delivered.length < 120; i++) await new Promise((r) => setTimeout(r, 50));
    expect(delivered).toHaveLength(120);
    await outbox.stop();
  });

  it("goes on delivering other conversations' replies while one conversation's send hangs", async () => {
    const db = platform.services.db;
    const start = Date.parse("2300-01-01T00:00:00Z");
    const other = await platform.services.channels.intake.receive({
      endpoint: { tenantId, channel: "email", address: MAILBOX, queueId, language: null, skills: [] },
      contact: { email: "budi@customer.test", name: "Budi" },
      providerMessageId: "<other@customer.test>",
      inReplyTo: null,
      references: [],
      subject: "Tagihan",
      bodyText: "Halo",
      bodyHtmlSanitized: null,
      toAddresses: [MAILBOX],
      attachments: [],
      automated: null,
      parseProblem: null,
    });
    const queued = (conversation: string, subject: string) => ({
      tenant_id: tenantId,
      conversation_id: conversation,
      direction: "outbound" as const,
      author_kind: "user" as const,
      from_address: MAILBOX,
      to_addresses: JSON.stringify(["someone@customer.test"]),
      subject,
      body_text: "x",
      delivery_status: "queued" as const,
      next_attempt_at: new Date(start),
    });
    // The stuck one first, so a one-at-a-time outbox would meet it before the other.
    await db.insertInto("messages").values(queued(conversationId, "stuck")).execute();
    await db.insertInto("messages").values(queued(other.conversationId, "free")).execute();
    let release!: () => void;
    const relayAnswers = new Promise<void>((resolve) => {
      release = resolve;
    });
    const delivered: string[] = [];
    const outbox = new Outbox(
      db,
      {
        email: {
          send: async (message: OutboundMessageRow) => {
            if (message.subject === "stuck") await relayAnswers;
            delivered.push(message.subject ?? "");
          },
        },
      },
      new ManualClock(start),
      platform.services.logger,
    );
    outbox.kick();
    for (let i = 0; i < 100 && !delivered.includes("free"); i++) await new Promise((r) => setTimeout(r, 20));
    expect(delivered).toEqual(["free"]);
    release();
    await outbox.stop();
    expect(delivered).toEqual(["free", "stuck"]);
  });

  it("purges messages and attachments past the tenant's message retention, keeping queued replies", async () => {
    const db = platform.services.db;
    const count = async (table: "messages" | "attachments") =>
      (await db.selectFrom(table).select("id").where("tenant_id", "=", tenantId).execute()).length;
    expect(await count("attachments")).toBeGreaterThan(0);
    const queuedBefore = (
      await db.selectFrom("messages").select("id").where("delivery_status", "=", "queued").execute()
    ).length;
    const settings = { messagesDays: 30, recordingsDays: null, verificationAttemptsDays: 365 };
    const purged = await conversationMessagesPurger.purge(db, tenantId, settings, new Date());
    expect(purged).toBe(0);
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await conversationMessagesPurger.purge(db, tenantId, settings, later)).toBeGreaterThan(0);
    expect(await count("attachments")).toBe(0);
    expect(await count("messages")).toBe(queuedBefore);
    const kept = await db.selectFrom("conversations").select("id").where("id", "=", conversationId).execute();
    expect(kept).toHaveLength(1);
  });
});
