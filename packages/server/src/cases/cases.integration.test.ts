import { randomUUID } from "node:crypto";
import { ManualClock } from "@sentra/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PlatformEvent } from "../realtime/event-bus.js";
import { ApiClient } from "../testing/api-client.js";
import { describeEachStore } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";

type CaseBody = {
  id: string;
  status: string;
  tier: string;
  ownerTeamId: string | null;
  interactionIds: string[];
  sla: {
    firstResponseDueAt: string | null;
    firstRespondedAt: string | null;
    resolutionDueAt: string | null;
    paused: boolean;
    nextEscalationAt: string | null;
    overdue: boolean;
  };
};
type Timeline = {
  items: { type: string; actor: { type: string; id: string | null }; data: Record<string, unknown> }[];
};
type ErrorBody = { error: { code: string; message: string } };

const wib = (d: number, h: number, mi = 0) => Date.UTC(2026, 11, d, h - 7, mi);
const iso = (ms: number) => new Date(ms).toISOString();
const weekday = [["08:00", "17:00"]];

describeEachStore("cases with SLA and escalation", (target) => {
  const clock = new ManualClock(wib(24, 15)); // Thursday 24 Dec 2026, 15:00 WIB; Christmas is a holiday.
  let platform: TestPlatform;
  let admin: ApiClient;
  let queueId: string;
  let backOfficeId: string;
  let customerId: string;
  const published: PlatformEvent[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform(target, {}, { clock });
    admin = await new ApiClient(platform.app).login(ADMIN_EMAIL, ADMIN_PASSWORD);
    customerId = (await admin.post<{ id: string }>("/api/v1/customers", { fullName: "Ibu Sari Wulandari" }))
      .body.id;
    platform.services.bus.subscribe((event) => {
      if (event.type === "case.escalated") published.push(event);
    });
    queueId = (
      await admin.post<{ id: string }>("/api/v1/queues", {
        name: "Follow-ups",
        settings: { channels: ["callback", "outbound"] },
      })
    ).body.id;
    backOfficeId = (await admin.post<{ id: string }>("/api/v1/teams", { name: "Back office", memberIds: [] }))
      .body.id;
    const policy = await admin.post("/api/v1/sla-policies", {
      name: "Complaints",
      caseType: "complaint",
      firstResponseMinutes: 120,
      resolutionMinutes: 600,
      calendar: {
        timeZone: "Asia/Jakarta",
        weekly: { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday },
        holidays: ["2026-12-25"],
      },
      queueId,
      backOfficeTeamId: backOfficeId,
    });
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    expect(policy.body).toMatchObject({
      escalations: [
        { on: "resolution", atPercent: 80, toTier: "supervisor" },
        { on: "resolution", atPercent: 100, toTier: "back_office" },
      ],
    });
  });
  afterAll(() => platform?.dispose());

  const tick = () => platform.services.cases.escalationJob.tick();

  it("refuses a case about someone who is not a customer of the tenant", async () => {
    const reply = await admin.post<ErrorBody>("/api/v1/cases", {
      customerId: randomUUID(),
      type: "complaint",
      subject: "Nobody",
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("unknown_customer");
  });

  it("runs the SLA clock in business hours, pauses it for the customer and escalates by time once", async () => {
    const created = await admin.post<CaseBody>("/api/v1/cases", {
      customerId,
      type: "complaint",
      subject: "Double charge on my card",
      priority: "high",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    // 2 h first response ends Thursday 17:00; 10 h resolution: 2 h Thu, holiday, weekend, 8 h Monday.
    expect(created.body.sla).toMatchObject({
      firstResponseDueAt: iso(wib(24, 17)),
      resolutionDueAt: iso(wib(28, 16)),
      nextEscalationAt: iso(wib(28, 14)),
      paused: false,
    });

    clock.set(wib(24, 15, 30));
    const opened = await admin.post<CaseBody>(`/api/v1/cases/${id}/status`, { status: "open" });
    expect(opened.body.sla.firstRespondedAt).toBe(iso(wib(24, 15, 30)));

    clock.set(wib(28, 9)); // Monday 09:00: 3 business hours used.
    await tick();
    expect((await admin.get<CaseBody>(`/api/v1/cases/${id}`)).body.tier).toBe("agent");
    const pending = await admin.post<CaseBody>(`/api/v1/cases/${id}/status`, {
      status: "pending_customer",
      comment: "Waiting for the card statement",
    });
    expect(pending.body.sla).toMatchObject({ paused: true, resolutionDueAt: null, nextEscalationAt: null });

    clock.set(wib(28, 11)); // Two business hours waited for the customer.
    const resumed = await admin.post<CaseBody>(`/api/v1/cases/${id}/status`, { status: "open" });
    expect(resumed.body.sla).toMatchObject({
      paused: false,
      resolutionDueAt: iso(wib(29, 9)),
      nextEscalationAt: iso(wib(28, 16)),
    });

    clock.set(wib(28, 16));
    await tick();
    await tick(); // idempotent: the second pass finds nothing due
    const escalated = (await admin.get<CaseBody>(`/api/v1/cases/${id}`)).body;
    expect(escalated).toMatchObject({ status: "escalated", tier: "supervisor" });
    expect(published.filter((e) => (e.data as { caseId: string }).caseId === id)).toHaveLength(1);
    expect(published[0]).toMatchObject({
      topic: "wallboard",
      data: { toTier: "supervisor", trigger: "time" },
    });

    clock.set(wib(29, 10));
    await tick();
    const breached = (await admin.get<CaseBody>(`/api/v1/cases/${id}`)).body;
    expect(breached).toMatchObject({ tier: "back_office", ownerTeamId: backOfficeId });
    expect(breached.sla.overdue).toBe(true);
    // Going to the back office tells the customer: an outbound follow-up routed to the policy's queue.
    expect(breached.interactionIds).toHaveLength(1);
    const interaction = await admin.get(`/api/v1/interactions/${breached.interactionIds[0]}`);
    expect(interaction.body).toMatchObject({ channel: "outbound", queueId });

    const overdue = await admin.get<{ items: { id: string }[] }>("/api/v1/cases?overdue=true");
    expect(overdue.body.items.map((c) => c.id)).toEqual([id]);
    const onTime = await admin.get<{ items: { id: string }[] }>("/api/v1/cases?overdue=false");
    expect(onTime.body.items.map((c) => c.id)).not.toContain(id);
    const escalatedList = await admin.get<{ items: { id: string }[] }>("/api/v1/cases?status=escalated");
    expect(escalatedList.body.items.map((c) => c.id)).toContain(id);

    const timeline = (await admin.get<Timeline>(`/api/v1/cases/${id}/timeline`)).body.items;
    expect(timeline.map((e) => e.type)).toEqual([
      "created",
      "status_changed",
      "status_changed",
      "status_changed",
      "escalated",
      "escalated",
      "follow_up_created",
    ]);
    expect(timeline[2]!.data).toMatchObject({
      to: "pending_customer",
      comment: "Waiting for the card statement",
    });
    expect(timeline[4]).toMatchObject({ actor: { type: "system", id: null }, data: { trigger: "time" } });
  });

  it("escalates by hand with a reason, one tier at a time, and records who did it", async () => {
    const id = (
      await admin.post<CaseBody>("/api/v1/cases", {
        customerId,
        type: "inquiry",
        subject: "Limit",
      })
    ).body.id;
    const noReason = await admin.post<ErrorBody>(`/api/v1/cases/${id}/escalate`, {});
    expect(noReason.status).toBe(400);
    const first = await admin.post<CaseBody>(`/api/v1/cases/${id}/escalate`, { reason: "Customer is a VIP" });
    expect(first.body).toMatchObject({ status: "escalated", tier: "supervisor" });
    const second = await admin.post<CaseBody>(`/api/v1/cases/${id}/escalate`, {
      reason: "Needs the card operations team",
      teamId: backOfficeId,
    });
    expect(second.body).toMatchObject({ tier: "back_office", ownerTeamId: backOfficeId });
    const top = await admin.post<ErrorBody>(`/api/v1/cases/${id}/escalate`, { reason: "again" });
    // Back office and, later, the result of an escalated case are follow-ups; without a policy queue they are
    // tasks without a routed interaction.
    await admin.post(`/api/v1/cases/${id}/status`, { status: "resolved" });
    const followUps = await admin.get<{ items: { reason: string; interactionId: string | null }[] }>(
      `/api/v1/cases/${id}/follow-ups`,
    );
    expect(followUps.body.items.map((f) => [f.reason, f.interactionId])).toEqual([
      ["Tell the customer the case went to the back office and when to expect an answer.", null],
      ["Inform the customer of the escalation result.", null],
    ]);
    expect(top.status).toBe(409);
    expect(top.body.error.code).toBe("case_at_top_tier");
    const me = await admin.get<{ id: string }>("/api/v1/auth/me");
    const events = (await admin.get<Timeline>(`/api/v1/cases/${id}/timeline`)).body.items;
    expect(events.filter((e) => e.type === "escalated")).toMatchObject([
      { actor: { type: "user", id: me.body.id }, data: { reason: "Customer is a VIP", trigger: "manual" } },
      { data: { toTier: "back_office", teamId: backOfficeId } },
    ]);
  });

  it("creates a follow-up task as a routed callback and links it to the case", async () => {
    const id = (
      await admin.post<CaseBody>("/api/v1/cases", {
        customerId,
        type: "request",
        subject: "Refund",
      })
    ).body.id;
    const noQueue = await admin.post<ErrorBody>(`/api/v1/cases/${id}/follow-ups`, { reason: "Call back" });
    expect(noQueue.status).toBe(400);
    expect(noQueue.body.error.code).toBe("follow_up_needs_queue");
    const followUp = await admin.post<{ interactionId: string; channel: string; dueAt: string }>(
      `/api/v1/cases/${id}/follow-ups`,
      {
        reason: "Tell the customer the refund status",
        channel: "callback",
        queueId,
        dueAt: iso(wib(30, 10)),
      },
    );
    expect(followUp.status, JSON.stringify(followUp.body)).toBe(201);
    expect(followUp.body).toMatchObject({ channel: "callback", dueAt: iso(wib(30, 10)) });
    const interaction = await admin.get(`/api/v1/interactions/${followUp.body.interactionId}`);
    expect(interaction.body).toMatchObject({ channel: "callback", queueId, state: "queued" });
    expect((await admin.get<CaseBody>(`/api/v1/cases/${id}`)).body.interactionIds).toEqual([
      followUp.body.interactionId,
    ]);
    const list = await admin.get<{ items: unknown[] }>(`/api/v1/cases/${id}/follow-ups`);
    expect(list.body.items).toHaveLength(1);
  });

  it("keeps the lifecycle rules: no escalation through status, notes in order, closed is final", async () => {
    const id = (
      await admin.post<CaseBody>("/api/v1/cases", {
        customerId,
        type: "inquiry",
        subject: "Fees",
      })
    ).body.id;
    const viaStatus = await admin.post<ErrorBody>(`/api/v1/cases/${id}/status`, { status: "escalated" });
    expect(viaStatus.body.error.code).toBe("escalate_with_reason");
    expect((await admin.post(`/api/v1/cases/${id}/notes`, { body: "Checked the tariff" })).status).toBe(201);
    expect((await admin.post(`/api/v1/cases/${id}/notes`, { body: "Explained it" })).status).toBe(201);
    await admin.post(`/api/v1/cases/${id}/status`, { status: "resolved" });
    await admin.post(`/api/v1/cases/${id}/status`, { status: "closed" });
    const reopen = await admin.post<ErrorBody>(`/api/v1/cases/${id}/status`, { status: "open" });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.code).toBe("case_closed");
    const notes = (await admin.get<Timeline>(`/api/v1/cases/${id}/timeline`)).body.items.filter(
      (e) => e.type === "note",
    );
    expect(notes.map((n) => n.data.body)).toEqual(["Checked the tariff", "Explained it"]);
    const unknownOwner = await admin.patch<ErrorBody>(`/api/v1/cases/${id}`, { ownerUserId: randomUUID() });
    expect(unknownOwner.status).toBe(400);
  });

  it("escalates each due case exactly once when several job passes run at the same time", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push(
        (
          await admin.post<CaseBody>("/api/v1/cases", {
            customerId,
            type: "complaint",
            subject: `Parallel ${i}`,
          })
        ).body.id,
      );
    }
    clock.set(clock.now() + 30 * 24 * 3_600_000); // a month later every one of them is far past breach
    const { escalations } = platform.services.cases;
    const counts = await Promise.all([
      escalations.escalateDue(2),
      escalations.escalateDue(2),
      escalations.escalateDue(2),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
    for (const id of ids) {
      const events = (await admin.get<Timeline>(`/api/v1/cases/${id}/timeline`)).body.items;
      // Straight to the highest tier whose trigger has fired: one escalation, not two.
      expect(events.filter((e) => e.type === "escalated")).toMatchObject([
        { data: { toTier: "back_office" } },
      ]);
    }
    expect(await escalations.escalateDue()).toBe(0);
  });

  it("lets an agent take a case but only supervisors reassign it or manage policies", async () => {
    const agentId = (
      await admin.post<{ id: string }>("/api/v1/users", {
        email: "sari@acme.test",
        displayName: "Sari",
        role: "agent",
        password: "sari-password-123",
      })
    ).body.id;
    const agent = await new ApiClient(platform.app).login("sari@acme.test", "sari-password-123");
    const me = await admin.get<{ id: string }>("/api/v1/auth/me");
    const id = (
      await agent.post<CaseBody>("/api/v1/cases", {
        customerId,
        type: "request",
        subject: "Statement",
      })
    ).body.id;
    expect((await agent.patch(`/api/v1/cases/${id}`, { ownerUserId: me.body.id })).status).toBe(403);
    expect((await agent.patch(`/api/v1/cases/${id}`, { ownerUserId: agentId })).status).toBe(200);
    expect((await admin.patch(`/api/v1/cases/${id}`, { ownerUserId: me.body.id })).status).toBe(200);
    const assigned = (await admin.get<Timeline>(`/api/v1/cases/${id}/timeline`)).body.items.filter(
      (e) => e.type === "assigned",
    );
    expect(assigned.map((e) => (e.data.to as { userId: string }).userId)).toEqual([agentId, me.body.id]);
    const policy = { name: "Agent's own", firstResponseMinutes: 1, resolutionMinutes: 1 };
    expect((await agent.post("/api/v1/sla-policies", policy)).status).toBe(403);
    const audit = await admin.get<{ items: { action: string; targetId: string | null }[] }>(
      "/api/v1/audit?limit=50",
    );
    expect(audit.body.items.filter((e) => e.targetId === id).map((e) => e.action)).toEqual([
      "case.reassigned",
      "case.reassigned",
      "case.created",
    ]);
  });
});
