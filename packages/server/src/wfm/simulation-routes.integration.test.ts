import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient } from "../testing/api-client.js";
import { describeEachStore } from "../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../testing/test-platform.js";

type ErrorBody = { error: { code: string; message: string } };
type Estimate = { mean: number | null; low: number | null; high: number | null; samples: number };
type Result = {
  replications: number;
  intervals: { index: number; offered: Estimate; serviceLevel: Estimate }[];
  day: Record<string, Estimate>;
  groups: { id: string; agents: number; handled: Estimate; occupancy: Estimate }[];
  events: number;
};

/** Ten calls replayed every three minutes to one agent: answered at once, so the figures are exact. */
const smallDay = {
  seed: 7,
  replications: 3,
  day: { lengthMinutes: 60, intervalMinutes: 30 },
  queues: [
    {
      id: "billing",
      arrivals: { kind: "replay", atSeconds: Array.from({ length: 10 }, (_, n) => n * 180) },
      handleTime: { kind: "fixed", seconds: 120 },
    },
  ],
  agents: [{ id: "ana" }],
};

describeEachStore("WFM simulation API", (target) => {
  let platform: TestPlatform;
  let admin: ApiClient;
  let planner: ApiClient;
  let agent: ApiClient;

  beforeAll(async () => {
    platform = await startTestPlatform(target);
    const anonymous = new ApiClient(platform.app);
    admin = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    for (const [email, role] of [
      ["planner@acme.test", "wfm"],
      ["sim-agent@acme.test", "agent"],
    ] as const) {
      await admin.post("/api/v1/users", { email, displayName: email, role, password: "simulation-pass-123" });
    }
    planner = await anonymous.login("planner@acme.test", "simulation-pass-123");
    agent = await anonymous.login("sim-agent@acme.test", "simulation-pass-123");
  });
  afterAll(() => platform?.dispose());

  it("simulates a day for a workforce planner", async () => {
    const reply = await planner.post<Result>("/api/v1/wfm/simulations", smallDay);
    expect(reply.status).toBe(200);
    expect(reply.body.replications).toBe(3);
    expect(reply.body.intervals.map((i) => i.offered.mean)).toEqual([10, 0]);
    // An interval without contacts has no service level: null, not a made-up number.
    expect(reply.body.intervals[1]!.serviceLevel.mean).toBeNull();
    expect(reply.body.day.serviceLevel).toMatchObject({ mean: 1, low: 1, high: 1, samples: 3 });
    expect(reply.body.day.occupancy!.mean).toBeCloseTo(20 / 60, 9);
    expect(reply.body.groups).toEqual([
      expect.objectContaining({ id: "ana", agents: 1, handled: expect.objectContaining({ mean: 10 }) }),
    ]);
  });

  it("compares a base and a variant", async () => {
    const variant = {
      ...smallDay,
      queues: [{ ...smallDay.queues[0]!, handleTime: { kind: "fixed", seconds: 240 } }],
    };
    const reply = await admin.post<{ base: Result; variant: Result; difference: Record<string, Estimate> }>(
      "/api/v1/wfm/simulations/compare",
      { base: smallDay, variant },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.difference.offered!.mean).toBe(0);
    expect(reply.body.variant.day.asaSeconds!.mean).toBeGreaterThan(0);
    expect(reply.body.difference.asaSeconds!.mean).toBeGreaterThan(0);
  });

  it("refuses bad input with a 400 naming the field", async () => {
    const wrongIntervals = await admin.post<ErrorBody>("/api/v1/wfm/simulations", {
      ...smallDay,
      queues: [{ ...smallDay.queues[0]!, arrivals: { kind: "poisson", perInterval: [5] } }],
    });
    expect(wrongIntervals.status).toBe(400);
    expect(wrongIntervals.body.error.code).toBe("invalid_request");
    expect(wrongIntervals.body.error.message).toContain("queues.0.arrivals.perInterval");
    expect(wrongIntervals.body.error.message).toContain("the day has 2, this list has 1");

    const noQueues = await admin.post<ErrorBody>("/api/v1/wfm/simulations", { ...smallDay, queues: [] });
    expect(noQueues.status).toBe(400);
    expect(noQueues.body.error.message).toContain("Simulate at least one queue.");

    const badCompare = await admin.post<ErrorBody>("/api/v1/wfm/simulations/compare", { base: smallDay });
    expect(badCompare.status).toBe(400);
    expect(badCompare.body.error.message).toContain("variant");
  });

  it("refuses a simulation over the server's bounds before running it", async () => {
    const tooMany = await admin.post<ErrorBody>("/api/v1/wfm/simulations", {
      ...smallDay,
      replications: 5_000,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: "simulation_too_large" });
    expect(tooMany.body.error.message).toContain("at most 200");
    const busyDay = await admin.post<ErrorBody>("/api/v1/wfm/simulations", {
      ...smallDay,
      queues: [{ ...smallDay.queues[0]!, arrivals: { kind: "poisson", perInterval: [30_000, 30_000] } }],
    });
    expect(busyDay.status).toBe(400);
    expect(busyDay.body.error.message).toContain("expected contacts per day");
  });

  it("documents both routes in the OpenAPI document", async () => {
    const doc = await new ApiClient(platform.app).get<{ paths: Record<string, unknown> }>(
      "/api/openapi.json",
    );
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(["/api/v1/wfm/simulations", "/api/v1/wfm/simulations/compare"]),
    );
  });

  it("is for planners: an agent gets 403", async () => {
    expect((await agent.post("/api/v1/wfm/simulations", smallDay)).status).toBe(403);
    expect(
      (await agent.post("/api/v1/wfm/simulations/compare", { base: smallDay, variant: smallDay })).status,
    ).toBe(403);
  });
});
