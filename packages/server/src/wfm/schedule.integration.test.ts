import { ManualClock, type ScheduledShift, type ShiftTemplate, scheduleViolations } from "@sentra/core";
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
import { AdherenceMonitor } from "./adherence-monitor.js";
import { AdherenceService } from "./adherence-service.js";

type Activity = { kind: string; start: number; end: number; startsAt: string; endsAt: string };
type Shift = {
  id: string;
  agentId: string;
  day: number;
  start: number;
  end: number;
  startsAt: string;
  activities: Activity[];
};
type Schedule = {
  id: string;
  status: string;
  solver: { solver: string; status: string; gap: number | null };
  coverage: number[];
  shortfall: number[];
  shifts: Shift[];
  cost: number;
};
type ErrorBody = { error: { code: string; message: string; details?: unknown } };

const WEEK = "2026-11-23"; // a Monday; the demo tenant is on Asia/Jakarta (UTC+7)
const WEEK_START_MS = Date.parse("2026-11-22T17:00:00Z");
const requirement = Array.from({ length: 168 }, (_, i) => {
  const hour = i % 24;
  return hour >= 8 && hour < 20 ? (hour >= 11 && hour < 15 ? 2 : 1) : 0;
});

describeEachStore("workforce schedules through the API", (target) => {
  let platform: TestPlatform;
  let admin: ApiClient;
  let agent: ApiClient;
  const agentIds: string[] = [];
  let teamId: string;
  let schedule: Schedule;

  beforeAll(async () => {
    platform = await startTestPlatform(target);
    const anonymous = new ApiClient(platform.app);
    admin = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    for (const name of ["ayu", "budi", "citra"]) {
      const created = await admin.post<{ id: string }>("/api/v1/users", {
        email: `${name}@acme.test`,
        displayName: name,
        role: "agent",
        password: `${name}-password-123`,
      });
      agentIds.push(created.body.id);
    }
    agent = await anonymous.login("ayu@acme.test", "ayu-password-123");
    teamId = (await admin.post<{ id: string }>("/api/v1/teams", { name: "Shift team", memberIds: agentIds }))
      .body.id;
  });
  afterAll(() => platform?.dispose());

  it("keeps shift templates with validated break rules", async () => {
    const bad = await admin.post<ErrorBody>("/api/v1/wfm/shift-templates", {
      name: "Broken",
      earliestStartMinute: 600,
      latestStartMinute: 480,
      lengthMinutes: 480,
      weekdays: [1],
      cost: 10,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/latestStartMinute/);
    const day = await admin.post<{ id: string; weekdays: number[] }>("/api/v1/wfm/shift-templates", {
      name: "Day",
      earliestStartMinute: 7 * 60,
      latestStartMinute: 10 * 60,
      startStepMinutes: 60,
      lengthMinutes: 9 * 60,
      weekdays: [5, 1, 2, 3, 4, 6, 7],
      cost: 90,
      breaks: [
        { kind: "break", durationMinutes: 15, earliestOffsetMinutes: 120, latestEndOffsetMinutes: 180 },
        {
          kind: "lunch",
          durationMinutes: 60,
          earliestOffsetMinutes: 210,
          latestEndOffsetMinutes: 300,
          paid: false,
        },
      ],
    });
    expect(day.status).toBe(201);
    expect(day.body.weekdays).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const duplicate = await admin.post<ErrorBody>("/api/v1/wfm/shift-templates", {
      name: "Day",
      earliestStartMinute: 0,
      latestStartMinute: 0,
      lengthMinutes: 60,
      weekdays: [1],
      cost: 1,
    });
    expect(duplicate.status).toBe(409);
    const late = await admin.post<{ id: string }>("/api/v1/wfm/shift-templates", {
      name: "Late",
      earliestStartMinute: 11 * 60,
      latestStartMinute: 12 * 60,
      startStepMinutes: 60,
      lengthMinutes: 8 * 60,
      weekdays: [1, 2, 3, 4, 5],
      cost: 100,
    });
    const updated = await admin.request<{ cost: number }>(
      "PUT",
      `/api/v1/wfm/shift-templates/${late.body.id}`,
      {
        name: "Late",
        earliestStartMinute: 11 * 60,
        latestStartMinute: 12 * 60,
        startStepMinutes: 60,
        lengthMinutes: 8 * 60,
        weekdays: [1, 2, 3, 4, 5],
        cost: 95,
      },
    );
    expect(updated.body.cost).toBe(95);
    expect((await admin.get<{ items: unknown[] }>("/api/v1/wfm/shift-templates")).body.items).toHaveLength(2);
  });

  it("stores contracts per agent and shows defaults for the rest", async () => {
    const saved = await admin.request("PUT", `/api/v1/wfm/contracts/${agentIds[0]}`, {
      maxHoursPerWeek: 27,
      minRestHours: 12,
      minDaysOffPerWeek: 2,
      prayerOptIn: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ maxHoursPerWeek: 27, prayerOptIn: true, stored: true });
    const bad = await admin.request<ErrorBody>("PUT", `/api/v1/wfm/contracts/${agentIds[1]}`, {
      maxHoursPerWeek: 200,
    });
    expect(bad.status).toBe(400);
    const list = await admin.get<{ items: { agentId: string; stored: boolean }[] }>("/api/v1/wfm/contracts");
    expect(list.body.items.find((c) => c.agentId === agentIds[1])).toMatchObject({
      stored: false,
      maxHoursPerWeek: 40,
    });
    expect((await agent.get("/api/v1/wfm/contracts")).status).toBe(403);
  });

  it("generates a draft with the MILP that respects every contract, with coverage against requirement", async () => {
    const wrong = await admin.post<ErrorBody>("/api/v1/wfm/schedules/generate", {
      weekStart: WEEK,
      intervalMinutes: 30,
      requirement,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/one value per interval/);
    const generated = await admin.post<Schedule>("/api/v1/wfm/schedules/generate", {
      weekStart: WEEK,
      teamId,
      intervalMinutes: 60,
      requirement,
      timeLimitSeconds: 10,
    });
    expect(generated.status).toBe(201);
    schedule = generated.body;
    expect(schedule.status).toBe("draft");
    // A small week: the MILP proves optimality, or, stopped at its limit, the cheaper of its plan and the greedy one.
    expect(
      schedule.solver.status === "optimal" ||
        schedule.solver.status === "heuristic" ||
        schedule.solver.gap !== null,
    ).toBe(true);
    expect(schedule.coverage).toHaveLength(168);
    expect(schedule.shifts.length).toBeGreaterThan(5);
    const ayu = schedule.shifts.filter((s) => s.agentId === agentIds[0]);
    expect(ayu.reduce((sum, s) => sum + s.end - s.start, 0)).toBeLessThanOrEqual(27 * 60);
    for (const id of agentIds)
      expect(
        new Set(schedule.shifts.filter((s) => s.agentId === id).map((s) => s.day)).size,
      ).toBeLessThanOrEqual(5);
    const ayuFriday = ayu.find((s) => s.day === 4);
    if (ayuFriday) expect(ayuFriday.activities.map((a) => a.kind)).toContain("prayer");
    expect(schedule.shifts[0]!.startsAt).toBe(
      new Date(WEEK_START_MS + schedule.shifts[0]!.start * 60_000).toISOString(),
    );
    const templates = (await admin.get<{ items: ShiftTemplate[] }>("/api/v1/wfm/shift-templates")).body.items;
    expect(
      scheduleViolations(
        {
          agents: agentIds.map((id, i) => ({
            id,
            contract: {
              maxMinutesPerWeek: i === 0 ? 27 * 60 : 40 * 60,
              minRestMinutes: i === 0 ? 720 : 660,
              minDaysOff: 2,
            },
            skills: [],
            prayerOptIn: i === 0,
          })),
          templates,
          prayer: { day: 4, windowStartMinute: 690, windowEndMinute: 780, durationMinutes: 60 },
          intervalMinutes: 60,
          requirement,
        },
        schedule.shifts as unknown as ScheduledShift[],
      ),
    ).toEqual([]);
    const listed = await admin.get<{ items: { id: string; status: string; shifts: number }[] }>(
      `/api/v1/wfm/schedules?week=${WEEK}`,
    );
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: schedule.id, status: "draft", shifts: schedule.shifts.length }),
    ]);
    expect((await admin.get<Schedule>(`/api/v1/wfm/schedules/${schedule.id}`)).body.shifts).toHaveLength(
      schedule.shifts.length,
    );
  });

  it("moves a shift when the contract allows it and explains when it does not", async () => {
    const shift = schedule.shifts.find((s) => s.agentId === agentIds[1])!;
    const next = schedule.shifts.find((s) => s.agentId === agentIds[1] && s.day === shift.day + 1);
    if (next) {
      const tooClose = await admin.request<ErrorBody>(
        "PATCH",
        `/api/v1/wfm/schedules/${schedule.id}/shifts/${shift.id}`,
        { start: next.start - 11 * 60, end: next.start - 60 },
      );
      expect(tooClose.status).toBe(400);
      expect(tooClose.body.error.code).toBe("contract_violation");
      expect(tooClose.body.error.message).toMatch(/between shifts/);
    }
    const day = shift.day;
    const moved = await admin.request<Shift>(
      "PATCH",
      `/api/v1/wfm/schedules/${schedule.id}/shifts/${shift.id}`,
      {
        start: day * 1440 + 9 * 60,
        end: day * 1440 + 17 * 60,
      },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ start: day * 1440 + 540, end: day * 1440 + 1020 });
    expect(moved.body.activities[0]!.start).toBe(day * 1440 + 540);
    expect(moved.body.activities.at(-1)!.end).toBe(day * 1440 + 1020);
    const unknown = await admin.request(
      "PATCH",
      `/api/v1/wfm/schedules/${schedule.id}/shifts/${agentIds[0]}`,
      {
        start: 0,
        end: 60,
      },
    );
    expect(unknown.status).toBe(404);
  });

  it("publishes with an audit entry and a realtime note to each agent, who then sees their own shifts", async () => {
    expect(
      (await agent.get<{ shifts: Shift[] }>(`/api/v1/wfm/schedules/me?week=${WEEK}`)).body.shifts,
    ).toEqual([]);
    expect((await agent.get(`/api/v1/wfm/schedules/${schedule.id}`)).status).toBe(403);
    expect((await agent.post(`/api/v1/wfm/schedules/${schedule.id}/publish`)).status).toBe(403);
    const seen: PlatformEvent[] = [];
    const stop = platform.services.bus.subscribe((event) => seen.push(event));
    const published = await admin.post<Schedule & { publishedAt: string }>(
      `/api/v1/wfm/schedules/${schedule.id}/publish`,
    );
    expect(published.status).toBe(200);
    expect(published.body.status).toBe("published");
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    const notes = seen.filter((e) => e.type === "wfm.schedule_published");
    expect(notes.map((e) => e.topic).sort()).toEqual(
      [...new Set(schedule.shifts.map((s) => `agent:${s.agentId}`))].sort(),
    );
    const audit = await admin.get<{ items: { action: string }[] }>("/api/v1/audit?limit=20");
    expect(audit.body.items.map((e) => e.action)).toContain("wfm.schedule.published");
    expect((await admin.post<ErrorBody>(`/api/v1/wfm/schedules/${schedule.id}/publish`)).status).toBe(409);
    const mine = await agent.get<{ shifts: Shift[] }>(`/api/v1/wfm/schedules/me?week=${WEEK}`);
    expect(mine.body.shifts.length).toBeGreaterThan(0);
    expect(mine.body.shifts.every((s) => s.agentId === agentIds[0])).toBe(true);
    expect((await agent.get<ErrorBody>("/api/v1/wfm/schedules/me?week=soon")).status).toBe(400);
  });

  it("reports adherence from the routing log against the published day", async () => {
    const shift =
      schedule.shifts.find((s) => s.agentId === agentIds[2] && s.day === 0) ??
      schedule.shifts.find((s) => s.day === 0)!;
    const start = WEEK_START_MS + shift.start * 60_000;
    const tenantId = (await admin.get<{ id: string }>("/api/v1/tenant")).body.id;
    // Logs in 10 minutes late and then stays available through breaks and lunch.
    await platform.services.db
      .insertInto("routing_events")
      .values({
        tenant_id: tenantId,
        type: "agent_state_changed",
        at_ms: start + 10 * 60_000,
        agent_id: shift.agentId,
        interaction_id: null,
        queue_id: null,
        event: JSON.stringify({
          type: "agent_state_changed",
          to: { kind: "available" },
          from: { kind: "offline" },
        }),
      })
      .execute();
    const service = new AdherenceService(platform.services.db, new ManualClock(WEEK_START_MS + 86_400_000));
    const actor = { kind: "user" as const, id: agentIds[0]!, tenantId, role: "admin" as const, name: "test" };
    const report = await service.report(actor, WEEK, teamId, 3);
    const row = report.agents.find((a) => a.agentId === shift.agentId)!;
    const away = shift.activities
      .filter((a) => a.kind !== "work")
      .reduce((sum, a) => sum + a.end - a.start, 0);
    const work = shift.end - shift.start - away;
    expect(row.scheduledMinutes).toBe(shift.end - shift.start);
    expect(row.conformance).toBeCloseTo((work - 10) / work, 6);
    expect(row.adherence).toBeCloseTo((work - 10) / (shift.end - shift.start), 6);
    expect(row.episodes[0]).toMatchObject({ minutes: 10, expected: "work", actual: "offline" });
    expect(row.episodes.slice(1).map((e) => e.actual)).toEqual(
      shift.activities.filter((a) => a.kind !== "work").map(() => "available"),
    );
    const http = await admin.get<{ agents: unknown[] }>(
      `/api/v1/wfm/adherence?date=${WEEK}&teamId=${teamId}`,
    );
    expect(http.status).toBe(200);
    expect((await admin.get<ErrorBody>("/api/v1/wfm/adherence?date=tomorrow")).status).toBe(400);
  });

  it("keeps a team's schedules when the team is deleted", async () => {
    const spare = await admin.post<{ id: string }>("/api/v1/teams", {
      name: "Spare",
      memberIds: [agentIds[2]],
    });
    const draft = await admin.post<Schedule & { teamId: string | null }>("/api/v1/wfm/schedules/generate", {
      weekStart: "2026-11-30",
      teamId: spare.body.id,
      intervalMinutes: 60,
      requirement,
      timeLimitSeconds: 2,
    });
    expect(draft.status).toBe(201);
    expect((await admin.delete(`/api/v1/teams/${spare.body.id}`)).status).toBe(204);
    const kept = await admin.get<Schedule & { teamId: string | null }>(
      `/api/v1/wfm/schedules/${draft.body.id}`,
    );
    expect(kept.body).toMatchObject({ id: draft.body.id, teamId: null });
  });

  it("raises one out-of-adherence alert to supervisors after the grace period", async () => {
    // An agent with no state in the routing log (the adherence test above gave one agent a status).
    const logged = new Set(
      (await platform.services.db.selectFrom("routing_events").select("agent_id").execute()).map(
        (r) => r.agent_id,
      ),
    );
    const current = (await admin.get<Schedule>(`/api/v1/wfm/schedules/${schedule.id}`)).body;
    const shift = current.shifts.find((s) => s.day === 1 && !logged.has(s.agentId))!;
    const start = WEEK_START_MS + shift.start * 60_000;
    const clock = new ManualClock(start + 60_000);
    const monitor = new AdherenceMonitor(
      platform.services.db,
      platform.services.bus,
      clock,
      platform.services.logger,
      {
        graceMs: 3 * 60_000,
      },
    );
    const seen: PlatformEvent[] = [];
    const stop = platform.services.bus.subscribe((event) => seen.push(event));
    monitor.start({ timer: false });
    try {
      expect(await monitor.tick()).toEqual([]);
      clock.set(start + 4 * 60_000);
      const alerts = await monitor.tick();
      const mine = alerts.filter((a) => a.agentId === shift.agentId);
      expect(mine).toEqual([
        {
          agentId: shift.agentId,
          shiftId: shift.id,
          expected: "work",
          actual: "offline",
          since: new Date(start).toISOString(),
        },
      ]);
      clock.set(start + 5 * 60_000);
      expect((await monitor.tick()).filter((a) => a.agentId === shift.agentId)).toEqual([]);
      const tenantId = (await admin.get<{ id: string }>("/api/v1/tenant")).body.id;
      await platform.services.bus.publish({
        id: "x",
        tenantId,
        topic: "wallboard",
        type: "routing.agent_state_changed",
        at: new Date(start + 5 * 60_000).toISOString(),
        data: {
          type: "agent_state_changed",
          tenantId,
          agentId: shift.agentId,
          at: start + 5 * 60_000,
          from: { kind: "offline" },
          to: { kind: "available" },
        },
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      clock.set(start + 30 * 60_000);
      expect((await monitor.tick()).filter((a) => a.agentId === shift.agentId)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(
        seen.filter((e) => e.type === "wfm.adherence_alert" && e.topic === "wallboard").length,
      ).toBeGreaterThan(0);
      const rows = await platform.services.db
        .selectFrom("wfm_adherence_alerts")
        .selectAll()
        .where("agent_id", "=", shift.agentId)
        .execute();
      expect(rows).toHaveLength(1);
    } finally {
      stop();
      await monitor.close();
    }
  });
});
