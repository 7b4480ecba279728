import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient } from "../../testing/api-client.js";
import { waitFor } from "../../testing/rtp-peer.js";
import { describeEachStore } from "../../testing/services-under-test.js";
import { runSipp } from "../../testing/sip-peers.js";
import { callerScenario } from "../../testing/sipp-scenarios.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../../testing/test-platform.js";
import type { VoiceCallView } from "./voice-call-store.js";

/** Real sipp callers on loopback against the platform's SIP port: DID → IVR → DTMF → queue with music. */
describeEachStore("inbound calls", (target) => {
  let platform: TestPlatform;
  let admin: ApiClient;
  let tenantId = "";
  let queueId = "";
  let sip = "";

  beforeAll(async () => {
    platform = await startTestPlatform(target, { SENTRA_VOICE_ANNOUNCE_SECONDS: "1" });
    admin = await new ApiClient(platform.app).login(ADMIN_EMAIL, ADMIN_PASSWORD);
    tenantId = (await admin.get<{ id: string }>("/api/v1/tenant")).body.id;
    queueId = (
      await admin.post<{ id: string }>("/api/v1/queues", {
        name: "Phone billing",
        settings: { channels: ["voice", "callback"] },
      })
    ).body.id;
    const flow = await admin.post<{ id: string }>("/api/v1/ivr/flows", {
      name: "Test line",
      definition: {
        entry: "menu",
        language: "en",
        nodes: {
          menu: {
            type: "menu",
            prompts: ["invalid-choice"],
            choices: { "1": "billing", "9": "bye" },
            timeoutMs: 8_000,
            maxRetries: 1,
            fallback: "bye",
          },
          billing: { type: "transfer", queueId, priority: 10 },
          bye: { type: "hangup", prompts: ["goodbye"] },
        },
      },
    });
    expect(flow.status).toBe(201);
    expect((await admin.post(`/api/v1/ivr/flows/${flow.body.id}/publish`, {})).status).toBe(200);
    expect((await admin.post("/api/v1/ivr/dids", { number: "7000", flowId: flow.body.id })).status).toBe(201);
    sip = `127.0.0.1:${platform.voice!.sipPort}`;
  });
  afterAll(() => platform?.dispose());

  const lastCall = async () => (await platform.voice!.store.recent(tenantId, 1))[0] as VoiceCallView;

  it("answers the DID, takes the menu choice by RFC 2833 key, queues the call with music and abandons it on hangup", async () => {
    const scenario = await callerScenario("queue", [{ pauseMs: 3_000 }, { key: "1" }, { pauseMs: 3_500 }]);
    const sipp = runSipp(sip, ["-sf", scenario, "-s", "7000"]);
    await waitFor(() => platform.voice!.engine.calls().some((c) => c.interactionId !== null), 15_000);
    const [call] = platform.voice!.engine.calls();
    const interactionId = call!.interactionId!;
    const routed = await admin.get<{ state: string; channel: string }>(
      `/api/v1/interactions/${interactionId}`,
    );
    expect(routed.body).toMatchObject({ state: "queued", channel: "voice" });
    // Music and announcements flow to the caller while they wait.
    const before = call!.mediaStats().packetsSent;
    await new Promise((r) => setTimeout(r, 1_000));
    expect(call!.mediaStats().packetsSent - before).toBeGreaterThan(30);
    expect(call!.mediaStats().dtmfReceived).toBe(1);

    const result = await sipp;
    expect(result.code, result.output.slice(-2000)).toBe(0);
    await waitFor(() => platform.voice!.engine.activeCalls === 0, 5_000);
    const stored = await lastCall();
    expect(stored).toMatchObject({
      fromNumber: "+6281234567890",
      toNumber: "7000",
      state: "ended",
      interactionId,
      endReason: "caller_hung_up",
      endedBy: "caller",
      language: "en",
    });
    const after = await admin.get<{ state: string; live: boolean }>(`/api/v1/interactions/${interactionId}`);
    expect(after.body.state).toBe("abandoned");
    expect(platform.voice!.scheduler.stats().participants).toBe(0);
    expect(platform.voice!.ua.openHandles().dialogs).toBe(0);
  });

  it("hangs up with the flow's goodbye when the caller chooses to leave", async () => {
    const scenario = await callerScenario("bye", [{ pauseMs: 3_000 }, { key: "9" }, { pauseMs: 6_000 }]);
    const result = await runSipp(sip, ["-sf", scenario, "-s", "7000"]);
    // Sentra's BYE ends the call before sipp sends its own, so sipp's last transaction fails: that is expected.
    await waitFor(() => platform.voice!.engine.activeCalls === 0, 5_000);
    expect(result.output).toContain("BYE");
    expect(await lastCall()).toMatchObject({ state: "ended", endReason: "ivr_normal", endedBy: "system" });
  });

  it("refuses an unknown number with 404 and answers the next call as usual", async () => {
    const unknown = await runSipp(sip, ["-sn", "uac", "-s", "5555"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.output).toMatch(/404/);
    const known = await runSipp(sip, ["-sn", "uac", "-s", "7000"]);
    // sipp's plain uac offers PCMU: accepted, answered, then hung up by sipp.
    expect(known.code, known.output.slice(-1500)).toBe(0);
    await waitFor(() => platform.voice!.engine.activeCalls === 0, 5_000);
  });
});
