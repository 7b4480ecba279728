import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient } from "../testing/api-client.js";
import { describeEachStore } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";

type ImportReply = {
  format: string;
  rows: number;
  intervalsStored: number;
  rejected: { line: number; message: string }[];
};
type Forecast = {
  id: string;
  method: string;
  backtest: { scores: { method: string; wape: number | null }[]; heldOutDays: string[] };
  intervals: {
    intervalStart: string;
    volume: number;
    adjustedVolume: number;
    ahtSeconds: number | null;
    actualVolume: number | null;
  }[];
  specialDays: { date: string; basis: string }[];
  adjustments: { reason: string; factor: number | null }[];
};
type Staffing = {
  model: string;
  intervals: { volume: number; agents: number; scheduled: number; serviceLevel: number }[];
};

/** Three weeks of a weekday-shaped half-hourly history, 08:00–17:00 local, as interval CSV. */
function intervalCsv(): string {
  const lines = ["interval_start,queue,channel,arrivals,handled,abandoned,aht_seconds"];
  for (let d = 0; d < 21; d++) {
    const date = new Date(Date.UTC(2026, 2, 2 + d)).toISOString().slice(0, 10);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    for (let slot = 16; slot < 34; slot++) {
      const arrivals = Math.round(
        (20 + 10 * Math.sin(((slot - 16) / 18) * Math.PI)) * (weekday === 1 ? 1.4 : 1),
      );
      const time = `${String(Math.floor(slot / 2)).padStart(2, "0")}:${slot % 2 ? "30" : "00"}:00`;
      lines.push(`${date}T${time},Kartu Kredit,voice,${arrivals},${arrivals - 1},1,${180 + (slot % 3) * 10}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

describeEachStore("workforce management through the API", (target) => {
  let platform: TestPlatform;
  let admin: ApiClient;
  let forecast: Forecast;

  const upload = async (body: string, contentType: string, query = "") => {
    const reply = await platform.app.inject({
      method: "POST",
      url: `/api/v1/wfm/history/import${query}`,
      headers: { authorization: `Bearer ${admin.token}`, "content-type": contentType },
      payload: body,
    });
    return {
      status: reply.statusCode,
      body: JSON.parse(reply.body) as ImportReply & { error?: { code: string } },
    };
  };

  beforeAll(async () => {
    platform = await startTestPlatform(target);
    admin = await new ApiClient(platform.app).login(ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(() => platform?.dispose());

  it("imports interval CSV, reporting each bad row with its line and reason", async () => {
    const bad = [
      "2026-03-23T08:00:00,Kartu Kredit,fax,5,5,0,100",
      "2026-03-23T08:10:00,Kartu Kredit,voice,5,5,0,100",
      "2026-03-23T08:30:00,Kartu Kredit,voice,-1,0,0,100",
      "yesterday,Kartu Kredit,voice,1,1,0,100",
    ];
    const reply = await upload(`${intervalCsv()}${bad.join("\n")}\n`, "text/csv", "?interval=30");
    expect(reply.status).toBe(200);
    expect(reply.body.format).toBe("intervals");
    expect(reply.body.intervalsStored).toBe(21 * 18);
    const lines = 1 + 21 * 18;
    expect(reply.body.rejected.map((r) => r.line)).toEqual([lines + 1, lines + 2, lines + 3, lines + 4]);
    expect(reply.body.rejected[0]!.message).toMatch(/channel/);
    expect(reply.body.rejected[1]!.message).toMatch(/30-minute grid/);
    expect(reply.body.rejected[2]!.message).toMatch(/arrivals/);
    expect(reply.body.rejected[3]!.message).toMatch(/interval_start/);

    const history = await admin.get<{ items: { arrivals: number }[] }>(
      "/api/v1/wfm/history?queue=Kartu%20Kredit&interval=60&from=2026-03-02T00:00:00%2B07:00&to=2026-03-03T00:00:00%2B07:00",
    );
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(9);
  });

  it("imports the Anonymous Bank call log as-is and refuses unknown files and text/plain", async () => {
    const sample = readFileSync("/work/shared/data/anonymous-bank-1999-02.tsv", "utf8")
      .split("\n")
      .slice(0, 201);
    sample.push(
      "AA0101\t1\t0\t0\tPS\t99021x\t7:00:00\t7:00:05\t5\t0:00:00\t0:00:00\t0\tAGENT\t7:00:05\t7:01:00\t55\tX",
    );
    const reply = await upload(`${sample.join("\n")}\n`, "text/tab-separated-values");
    expect(reply.status).toBe(200);
    expect(reply.body.format).toBe("anonymous_bank");
    expect(reply.body.rows).toBe(201);
    expect(reply.body.rejected).toEqual([{ line: 202, message: expect.stringMatching(/date/) }]);
    expect(reply.body.intervalsStored).toBeGreaterThan(10);

    expect((await upload("a,b\n1,2\n", "text/csv")).body.error?.code).toBe("unrecognised_history_file");
    expect((await upload("x", "text/plain")).status).toBe(415);
  });

  it("marks special days, refusing a second mark on the same date", async () => {
    const day = { date: "2026-03-26", kind: "payday", name: "Gajian", factor: 1.5 };
    expect((await admin.post("/api/v1/wfm/special-days", day)).status).toBe(201);
    expect((await admin.post("/api/v1/wfm/special-days", day)).status).toBe(409);
    const bad = await admin.post<{ error: { message: string } }>("/api/v1/wfm/special-days", {
      ...day,
      date: "26/03/2026",
    });
    expect(bad.status).toBe(400);
    const suggested = await admin.get<{ items: { name: string }[] }>("/api/v1/wfm/holidays/suggested");
    expect(suggested.body.items.some((h) => h.name.includes("Nyepi"))).toBe(true);
  });

  it("backtests, forecasts with the best method and stores the figures", async () => {
    const reply = await admin.post<Forecast>("/api/v1/wfm/forecasts", {
      queue: "Kartu Kredit",
      channel: "voice",
      interval: 30,
      horizonStart: "2026-03-23",
      horizonDays: 7,
      method: "auto",
      holdoutWeeks: 2,
    });
    expect(reply.status).toBe(201);
    forecast = reply.body;
    expect(forecast.intervals).toHaveLength(7 * 48);
    expect(forecast.backtest.scores.map((s) => s.method).sort()).toEqual([
      "holt_winters",
      "seasonal_naive",
      "weekday_average",
      "weekday_profile",
    ]);
    const bestWape = Math.min(...forecast.backtest.scores.map((s) => s.wape ?? Infinity));
    expect(forecast.backtest.scores.find((s) => s.method === forecast.method)!.wape).toBe(bestWape);
    // Monday 23 March 09:00 local (UTC+7): the pattern's Monday level.
    const monday9 = forecast.intervals.find((i) => i.intervalStart === "2026-03-23T02:00:00.000Z")!;
    expect(monday9.volume).toBeGreaterThan(25);
    expect(monday9.ahtSeconds).toBeGreaterThan(150);
    expect(forecast.specialDays).toEqual([expect.objectContaining({ date: "2026-03-26", basis: "factor" })]);
    const list = await admin.get<{ items: { id: string }[] }>("/api/v1/wfm/forecasts");
    expect(list.body.items.map((f) => f.id)).toContain(forecast.id);
  });

  it("adjusts a range by +20 % with a reason, audited", async () => {
    const reply = await admin.post<Forecast>(`/api/v1/wfm/forecasts/${forecast.id}/adjustments`, {
      from: "2026-03-23T09:00:00+07:00",
      to: "2026-03-23T12:00:00+07:00",
      factor: 1.2,
      reason: "Promo kartu kredit",
    });
    expect(reply.status).toBe(200);
    const changed = reply.body.intervals.filter((i) => i.adjustedVolume !== i.volume);
    expect(changed).toHaveLength(6);
    for (const i of changed) expect(i.adjustedVolume).toBeCloseTo(i.volume * 1.2, 9);
    expect(reply.body.adjustments).toEqual([
      expect.objectContaining({ reason: "Promo kartu kredit", factor: 1.2 }),
    ]);
    const both = await admin.post<{ error: { code: string } }>(
      `/api/v1/wfm/forecasts/${forecast.id}/adjustments`,
      {
        from: "2026-03-23T09:00:00+07:00",
        to: "2026-03-23T12:00:00+07:00",
        factor: 1.2,
        delta: 3,
        reason: "x",
      },
    );
    expect(both.status).toBe(400);
    const audit = await admin.get<{ items: { action: string; targetId: string | null }[] }>(
      "/api/v1/audit?limit=50",
    );
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: "wfm.forecast_adjusted", targetId: forecast.id }),
    );
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: "wfm.forecast_created", targetId: forecast.id }),
    );
  });

  it("turns the adjusted forecast into required agents (Erlang C, or A with patience)", async () => {
    const c = await admin.get<Staffing>(
      `/api/v1/wfm/forecasts/${forecast.id}/staffing?slTarget=0.8&slSeconds=20&shrinkage=0.3`,
    );
    expect(c.status).toBe(200);
    expect(c.body.model).toBe("erlang_c");
    const busy = c.body.intervals.filter((i) => i.volume > 0);
    expect(busy.length).toBeGreaterThan(0);
    for (const i of busy) {
      expect(i.agents).toBeGreaterThan(0);
      expect(i.scheduled).toBe(Math.ceil(i.agents / 0.7 - 1e-9));
      expect(i.serviceLevel).toBeGreaterThanOrEqual(0.8);
    }
    const a = await admin.get<Staffing>(`/api/v1/wfm/forecasts/${forecast.id}/staffing?patienceSeconds=120`);
    expect(a.body.model).toBe("erlang_a");
    expect((await admin.get(`/api/v1/wfm/forecasts/${forecast.id}/staffing?slTarget=2`)).status).toBe(400);
    const email = await admin.get<Staffing & { carriedOverSeconds: number }>(
      `/api/v1/wfm/forecasts/${forecast.id}/staffing?responseSeconds=14400&maxOccupancy=0.8`,
    );
    expect(email.body.model).toBe("deferred");
    // The last contacts arrive before 17:00; four hours later is still inside the horizon.
    expect(email.body.carriedOverSeconds).toBe(0);
    const busiest = Math.max(...email.body.intervals.map((i) => i.agents));
    expect(busiest).toBeGreaterThan(0);
    expect(busiest).toBeLessThan(Math.max(...c.body.intervals.map((i) => i.agents)));
  });

  it("rebuilds history from the routing event log", async () => {
    const queue = await admin.post<{ id: string }>("/api/v1/queues", {
      name: "WFM chat",
      settings: { channels: ["chat"] },
    });
    expect(
      (await admin.post("/api/v1/interactions", { channel: "chat", queueId: queue.body.id })).status,
    ).toBe(201);
    const now = Date.now();
    const rebuilt = await admin.post<{ interactions: number; intervalsStored: number }>(
      "/api/v1/wfm/history/rebuild",
      {
        from: new Date(now - 3_600_000).toISOString(),
        to: new Date(now + 3_600_000).toISOString(),
      },
    );
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body).toEqual({ interactions: 1, intervalsStored: 1 });
    const history = await admin.get<{ items: { arrivals: number }[] }>(
      "/api/v1/wfm/history?queue=WFM%20chat&channel=chat&interval=15",
    );
    expect(history.body.items.reduce((sum, i) => sum + i.arrivals, 0)).toBe(1);
  });

  it("keeps agents out of workforce planning", async () => {
    await admin.post("/api/v1/users", {
      email: "wfm-agent@acme.test",
      displayName: "Agen",
      role: "agent",
      password: "agent-password-123",
    });
    const agent = await new ApiClient(platform.app).login("wfm-agent@acme.test", "agent-password-123");
    expect((await agent.get("/api/v1/wfm/forecasts")).status).toBe(403);
    expect(
      (await agent.post("/api/v1/wfm/special-days", { date: "2026-04-01", kind: "other", name: "x" })).status,
    ).toBe(403);
  });
});
