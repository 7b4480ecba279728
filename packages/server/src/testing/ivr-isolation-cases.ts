import { beforeAll, expect } from "vitest";
import type { ApiClient } from "./api-client.js";

type Items = { items: { id: string }[] };
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Tenant-isolation cases for the IVR admin routes, spread into tenancy/tenant-isolation.integration.test.ts.
 * Tenant B owns a published flow and a number; tenant A's admin can neither see nor change them, cannot
 * point its own numbers at B's flow, and cannot take B's number (numbers are unique across tenants).
 */
export function ivrIsolationCases(ctx: {
  adminA: () => ApiClient;
  adminB: () => ApiClient;
  notFoundForA: (method: Method, url: string, body?: unknown) => Promise<void>;
}): Record<string, () => Promise<void>> {
  const b = { queueId: "", flowId: "", didId: "" };
  const flow = (queueId: string) => ({
    entry: "main",
    nodes: { main: { type: "transfer", queueId } },
  });
  beforeAll(async () => {
    const adminB = ctx.adminB();
    b.queueId = (
      await adminB.post<{ id: string }>("/api/v1/queues", {
        name: "B phone",
        settings: { channels: ["voice"] },
      })
    ).body.id;
    b.flowId = (
      await adminB.post<{ id: string }>("/api/v1/ivr/flows", { name: "B flow", definition: flow(b.queueId) })
    ).body.id;
    await adminB.post(`/api/v1/ivr/flows/${b.flowId}/publish`);
    b.didId = (
      await adminB.post<{ id: string }>("/api/v1/ivr/dids", { number: "021 7000 7000", flowId: b.flowId })
    ).body.id;
  });
  const bFlowIntact = async () =>
    expect((await ctx.adminB().get(`/api/v1/ivr/flows/${b.flowId}`)).body).toMatchObject({
      name: "B flow",
      publishedVersion: 1,
      changedSincePublish: false,
    });
  const bDidIntact = async () => {
    const dids = (await ctx.adminB().get<{ items: { id: string; flowId: string }[] }>("/api/v1/ivr/dids"))
      .body;
    expect(dids.items).toContainEqual(expect.objectContaining({ id: b.didId, flowId: b.flowId }));
  };
  return {
    "GET /api/v1/ivr/flows": async () => {
      const ids = (await ctx.adminA().get<Items>("/api/v1/ivr/flows")).body.items.map((f) => f.id);
      expect(ids).not.toContain(b.flowId);
    },
    "POST /api/v1/ivr/flows": async () => {
      // A's flow may carry B's name, and publishing one that transfers to B's queue finds no such queue.
      const created = await ctx.adminA().post<{ id: string }>("/api/v1/ivr/flows", {
        name: "B flow",
        definition: flow(b.queueId),
      });
      expect(created.status).toBe(201);
      const publish = await ctx
        .adminA()
        .post<{ error: { details: { issues: { code: string }[] } } }>(
          `/api/v1/ivr/flows/${created.body.id}/publish`,
        );
      expect(publish.status).toBe(400);
      expect(publish.body.error.details.issues.map((i) => i.code)).toEqual(["unknown_queue"]);
    },
    "GET /api/v1/ivr/flows/:id": () => ctx.notFoundForA("GET", `/api/v1/ivr/flows/${b.flowId}`),
    "PATCH /api/v1/ivr/flows/:id": async () => {
      await ctx.notFoundForA("PATCH", `/api/v1/ivr/flows/${b.flowId}`, { name: "Hijack", definition: {} });
      await bFlowIntact();
    },
    "POST /api/v1/ivr/flows/:id/publish": async () => {
      await ctx.notFoundForA("POST", `/api/v1/ivr/flows/${b.flowId}/publish`);
      await bFlowIntact();
    },
    "GET /api/v1/ivr/flows/:id/versions": () =>
      ctx.notFoundForA("GET", `/api/v1/ivr/flows/${b.flowId}/versions`),
    "DELETE /api/v1/ivr/flows/:id": async () => {
      await ctx.notFoundForA("DELETE", `/api/v1/ivr/flows/${b.flowId}`);
      await bFlowIntact();
    },
    "GET /api/v1/ivr/dids": async () => {
      const ids = (await ctx.adminA().get<Items>("/api/v1/ivr/dids")).body.items.map((d) => d.id);
      expect(ids).not.toContain(b.didId);
    },
    "POST /api/v1/ivr/dids": async () => {
      await ctx.notFoundForA("POST", "/api/v1/ivr/dids", { number: "021 7000 7001", flowId: b.flowId });
      // B's number cannot be mapped to A's own flow either; the reply says only that it is taken.
      const own = await ctx.adminA().post<{ id: string }>("/api/v1/ivr/flows", {
        name: "A flow for a taken number",
        definition: {},
      });
      const taken = await ctx
        .adminA()
        .post<{ error: { code: string; message: string } }>("/api/v1/ivr/dids", {
          number: "+62 21 7000 7000",
          flowId: own.body.id,
        });
      expect([taken.status, taken.body.error.code]).toEqual([409, "did_taken"]);
      expect(taken.body.error.message).not.toContain("Bank B");
      await bDidIntact();
    },
    "PATCH /api/v1/ivr/dids/:id": async () => {
      await ctx.notFoundForA("PATCH", `/api/v1/ivr/dids/${b.didId}`, { description: "Hijack" });
      await bDidIntact();
    },
    "DELETE /api/v1/ivr/dids/:id": async () => {
      await ctx.notFoundForA("DELETE", `/api/v1/ivr/dids/${b.didId}`);
      await bDidIntact();
    },
  };
}
