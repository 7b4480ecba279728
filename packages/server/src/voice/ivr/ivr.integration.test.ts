import type { FlowIssue, IvrDidView, IvrFlowView } from "@sentra/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient } from "../../testing/api-client.js";
import { describeEachStore } from "../../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../../testing/test-platform.js";

type ErrorBody = { error: { code: string; message: string; details?: { issues: FlowIssue[] } } };

const flowTo = (queueId: string) => ({
  entry: "main",
  nodes: {
    main: { type: "menu", prompts: ["main-menu"], choices: { "1": "sales" }, fallback: "bye" },
    sales: { type: "transfer", queueId },
    bye: { type: "hangup", prompts: ["goodbye"] },
  },
});

describeEachStore("IVR flows and numbers", (target) => {
  let platform: TestPlatform;
  let admin: ApiClient;
  let voiceQueue = "";
  let chatQueue = "";
  let tenantId = "";

  beforeAll(async () => {
    platform = await startTestPlatform(target);
    admin = await new ApiClient(platform.app).login(ADMIN_EMAIL, ADMIN_PASSWORD);
    tenantId = (await admin.get<{ id: string }>("/api/v1/tenant")).body.id;
    voiceQueue = (
      await admin.post<{ id: string }>("/api/v1/queues", {
        name: "Phone sales",
        settings: { channels: ["voice", "callback"] },
      })
    ).body.id;
    chatQueue = (
      await admin.post<{ id: string }>("/api/v1/queues", {
        name: "Chat only",
        settings: { channels: ["chat"] },
      })
    ).body.id;
  });
  afterAll(() => platform?.dispose());

  const createFlow = async (name: string, definition: unknown) => {
    const reply = await admin.post<IvrFlowView>("/api/v1/ivr/flows", { name, definition });
    expect(reply.status).toBe(201);
    return reply.body;
  };

  it("saves a draft that still has errors and lists them with their paths", async () => {
    const flow = await createFlow("Work in progress", {
      entry: "main",
      nodes: { main: { type: "menu", prompts: ["m"], choices: { "1": "ghost" }, fallback: "main" } },
    });
    expect(flow.errors).toEqual([
      expect.objectContaining({ code: "unknown_target", path: "nodes.main.choices.1" }),
    ]);
    expect(flow.publishedVersion).toBeNull();
  });

  it("refuses to publish a draft with errors and says where each one is", async () => {
    const flow = await createFlow("Broken", {
      entry: "start",
      nodes: {
        main: { type: "menu", prompts: ["m"], choices: { "1": "main" }, fallback: "main", timeoutMs: 1 },
      },
    });
    const reply = await admin.post<ErrorBody>(`/api/v1/ivr/flows/${flow.id}/publish`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("ivr_flow_invalid");
    expect(reply.body.error.details?.issues.map((i) => i.path)).toEqual(["nodes.main.timeoutMs"]);
    expect((await admin.get<IvrFlowView>(`/api/v1/ivr/flows/${flow.id}`)).body.publishedVersion).toBeNull();
  });

  it("refuses to publish a transfer to a queue that does not take calls, or that does not exist", async () => {
    const flow = await createFlow("Wrong queues", {
      ...flowTo(chatQueue),
      nodes: {
        ...flowTo(chatQueue).nodes,
        bye: { type: "transfer", queueId: "00000000-0000-4000-8000-000000000000" },
      },
    });
    const reply = await admin.post<ErrorBody>(`/api/v1/ivr/flows/${flow.id}/publish`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.details?.issues.map((i) => [i.code, i.path])).toEqual([
      ["queue_takes_no_voice", "nodes.sales.queueId"],
      ["unknown_queue", "nodes.bye.queueId"],
    ]);
  });

  it("publishes numbered versions and tells whether the draft changed since", async () => {
    const flow = await createFlow("Sales line", flowTo(voiceQueue));
    expect(flow.changedSincePublish).toBe(true);
    const first = await admin.post<IvrFlowView>(`/api/v1/ivr/flows/${flow.id}/publish`);
    expect(first.body).toMatchObject({ publishedVersion: 1, changedSincePublish: false });
    const edited = await admin.patch<IvrFlowView>(`/api/v1/ivr/flows/${flow.id}`, {
      definition: { ...flowTo(voiceQueue), language: "en" },
    });
    expect(edited.body).toMatchObject({ publishedVersion: 1, changedSincePublish: true });
    const second = await admin.post<IvrFlowView>(`/api/v1/ivr/flows/${flow.id}/publish`);
    expect(second.body.publishedVersion).toBe(2);
    const versions = await admin.get<{ items: { version: number; definition: { language?: string } }[] }>(
      `/api/v1/ivr/flows/${flow.id}/versions`,
    );
    expect(versions.body.items.map((v) => [v.version, v.definition.language])).toEqual([
      [2, "en"],
      [1, undefined],
    ]);
  });

  it("rejects a second flow with the same name", async () => {
    await createFlow("Unique name", flowTo(voiceQueue));
    const reply = await admin.post<ErrorBody>("/api/v1/ivr/flows", { name: "Unique name", definition: {} });
    expect([reply.status, reply.body.error.code]).toEqual([409, "ivr_flow_name_taken"]);
  });

  it("stores numbers in E.164 (Indonesian by default), keeps short numbers, and rejects nonsense", async () => {
    const flow = await createFlow("Numbers", flowTo(voiceQueue));
    const landline = await admin.post<IvrDidView>("/api/v1/ivr/dids", {
      number: "(021) 5000-2000",
      flowId: flow.id,
    });
    expect([landline.status, landline.body.number]).toEqual([201, "+622150002000"]);
    const short = await admin.post<IvrDidView>("/api/v1/ivr/dids", { number: "1500", flowId: flow.id });
    expect(short.body).toMatchObject({ number: "1500", flowName: "Numbers" });
    const bad = await admin.post<ErrorBody>("/api/v1/ivr/dids", { number: "call me", flowId: flow.id });
    expect([bad.status, bad.body.error.code]).toEqual([400, "did_invalid"]);
    const again = await admin.post<ErrorBody>("/api/v1/ivr/dids", {
      number: "+62 21 5000 2000",
      flowId: flow.id,
    });
    expect([again.status, again.body.error.code]).toEqual([409, "did_taken"]);
    const listed = await admin.get<{ items: IvrDidView[] }>("/api/v1/ivr/dids");
    expect(listed.body.items.map((d) => d.number)).toEqual(expect.arrayContaining(["+622150002000", "1500"]));
  });

  it("resolves an inbound call's dialled number, in any form, to the tenant and published flow", async () => {
    const flow = await createFlow("Inbound", flowTo(voiceQueue));
    await admin.post(`/api/v1/ivr/flows/${flow.id}/publish`);
    await admin.post("/api/v1/ivr/dids", { number: "021 5000 3000", flowId: flow.id });
    await admin.post("/api/v1/ivr/dids", { number: "3000", flowId: flow.id });
    const { dids } = platform.services.ivr;
    for (const dialled of ["sip:3000@127.0.0.1:5060", "+622150003000", "622150003000", "02150003000"]) {
      const resolved = await dids.resolveDid(dialled);
      expect(resolved, dialled).toMatchObject({ tenantId, flowId: flow.id, version: 1 });
      expect(resolved?.flow.entry).toBe("main");
    }
    expect(await dids.resolveDid("sip:9999@127.0.0.1")).toBeUndefined();
    expect(await dids.resolveDid("not a number")).toBeUndefined();
  });

  it("does not route calls to a flow that was never published", async () => {
    const flow = await createFlow("Draft only", flowTo(voiceQueue));
    await admin.post("/api/v1/ivr/dids", { number: "3100", flowId: flow.id });
    expect(await platform.services.ivr.dids.resolveDid("3100")).toBeUndefined();
  });

  it("moves a number to another flow and refuses to delete a flow numbers still lead to", async () => {
    const old = await createFlow("Old", flowTo(voiceQueue));
    const next = await createFlow("New", flowTo(voiceQueue));
    const did = (await admin.post<IvrDidView>("/api/v1/ivr/dids", { number: "3200", flowId: old.id })).body;
    const blocked = await admin.delete<ErrorBody>(`/api/v1/ivr/flows/${old.id}`);
    expect([blocked.status, blocked.body.error.code]).toEqual([409, "ivr_flow_in_use"]);
    const moved = await admin.patch<IvrDidView>(`/api/v1/ivr/dids/${did.id}`, { flowId: next.id });
    expect(moved.body.flowName).toBe("New");
    expect((await admin.delete(`/api/v1/ivr/flows/${old.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/ivr/dids/${did.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/ivr/flows/${old.id}`)).status).toBe(404);
  });

  it("lets only admins manage the IVR", async () => {
    await admin.post("/api/v1/users", {
      email: "supervisor@acme.test",
      displayName: "Supervisor",
      role: "supervisor",
      password: "supervisor-password-1",
    });
    const supervisor = await new ApiClient(platform.app).login(
      "supervisor@acme.test",
      "supervisor-password-1",
    );
    expect((await supervisor.get("/api/v1/ivr/flows")).status).toBe(403);
    expect((await supervisor.post("/api/v1/ivr/dids", { number: "3300", flowId: voiceQueue })).status).toBe(
      403,
    );
  });

  it("records flow changes and publications in the audit log", async () => {
    const flow = await createFlow("Audited", flowTo(voiceQueue));
    await admin.post(`/api/v1/ivr/flows/${flow.id}/publish`);
    const audit = await admin.get<{ items: { action: string; target?: { id: string } | null }[] }>(
      "/api/v1/audit?limit=200",
    );
    const actions = audit.body.items.filter((e) => JSON.stringify(e).includes(flow.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["voice.ivr_flow_created", "voice.ivr_flow_published"]));
  });

  it("finds the owning tenant of each number, and keeps each tenant's flows and numbers to itself", async () => {
    const tenantB = await platform.services.tenants.create({
      slug: "ivr-b",
      name: "IVR B",
      timeZone: "Asia/Jayapura",
    });
    await platform.services.users.create(null, tenantB.id, {
      email: "admin@ivr-b.test",
      displayName: "Admin B",
      role: "admin",
      locale: "id",
      password: "ivr-b-admin-password",
    });
    const adminB = await new ApiClient(platform.app).login("admin@ivr-b.test", "ivr-b-admin-password");
    const queueB = (
      await adminB.post<{ id: string }>("/api/v1/queues", {
        name: "B phone",
        settings: { channels: ["voice"] },
      })
    ).body.id;
    const flowB = (
      await adminB.post<IvrFlowView>("/api/v1/ivr/flows", { name: "B", definition: flowTo(queueB) })
    ).body;
    await adminB.post(`/api/v1/ivr/flows/${flowB.id}/publish`);
    await adminB.post("/api/v1/ivr/dids", { number: "0967 530 000", flowId: flowB.id });

    expect(await platform.services.ivr.dids.resolveDid("+62967530000")).toMatchObject({
      tenantId: tenantB.id,
      flowId: flowB.id,
    });
    const flowsOfA = (await admin.get<{ items: IvrFlowView[] }>("/api/v1/ivr/flows")).body.items;
    expect(flowsOfA.map((f) => f.id)).not.toContain(flowB.id);
    const didsOfA = (await admin.get<{ items: IvrDidView[] }>("/api/v1/ivr/dids")).body.items;
    expect(didsOfA.map((d) => d.number)).not.toContain("+62967530000");
    expect((await admin.get(`/api/v1/ivr/flows/${flowB.id}`)).status).toBe(404);
  });
});
