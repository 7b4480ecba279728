import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../testing/api-client.js";
import { BrowserLikePeer, LoopbackStun } from "../../testing/browser-like-peer.js";
import { RealtimeClient, type RealtimeMessage } from "../../testing/realtime-client.js";
import { waitFor } from "../../testing/rtp-peer.js";
import { storeTargets } from "../../testing/services-under-test.js";
import { runSipp } from "../../testing/sip-peers.js";
import { callerScenario } from "../../testing/sipp-scenarios.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../../testing/test-platform.js";

type Signal = RealtimeMessage & {
  callId?: string;
  sdp?: string;
  event?: { type: string; data: { interactionId?: string; agentId?: string } };
};

/**
 * A real sipp caller reaches the queue; the routing engine offers the call to an agent whose desktop accepts
 * it; the agent's softphone (a WebRTC peer standing in for the browser) rings, answers, and the two hear each
 * other: the caller's PCMA speech arrives at the agent as PCMU, the agent's audio goes back to the caller.
 */
describe("an inbound call answered by an agent's browser softphone", () => {
  let platform: TestPlatform;
  let stun: LoopbackStun;
  let peer: BrowserLikePeer | undefined;
  let agent: ApiClient;
  let agentId = "";
  let sip = "";

  beforeAll(async () => {
    stun = await LoopbackStun.start();
    platform = await startTestPlatform(storeTargets[0]!);
    const anonymous = new ApiClient(platform.app);
    const admin = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const queueId = (
      await admin.post<{ id: string }>("/api/v1/queues", { name: "Phone", settings: { channels: ["voice"] } })
    ).body.id;
    const flow = await admin.post<{ id: string }>("/api/v1/ivr/flows", {
      name: "Straight to an agent",
      definition: {
        entry: "menu",
        language: "en",
        nodes: {
          menu: { type: "menu", prompts: ["invalid-choice"], choices: { "1": "agent" }, fallback: "agent" },
          agent: { type: "transfer", queueId },
        },
      },
    });
    await admin.post(`/api/v1/ivr/flows/${flow.body.id}/publish`, {});
    await admin.post("/api/v1/ivr/dids", { number: "7100", flowId: flow.body.id });
    agentId = (
      await admin.post<{ id: string }>("/api/v1/users", {
        email: "rina.phone@acme.test",
        displayName: "Rina",
        role: "agent",
        password: "a-long-enough-password",
      })
    ).body.id;
    // The flow speaks English to the caller, so the agent must too.
    await admin.request("PUT", `/api/v1/agents/${agentId}/profile`, {
      languages: ["id", "en"],
      capacity: { max: { voice: 1 } },
    });
    agent = await anonymous.login("rina.phone@acme.test", "a-long-enough-password");
    sip = `127.0.0.1:${platform.voice!.sipPort}`;
  });
  afterAll(async () => {
    await peer?.close();
    await platform?.dispose();
    await stun?.stop();
  });

  it("rings the agent who accepted, bridges both ways, and tears everything down on the caller's hangup", async () => {
    const desktop = await RealtimeClient.connect(platform.url, agent.token!);
    desktop.send({ type: "subscribe", topic: `agent:${agentId}` });
    await agent.request("PUT", "/api/v1/agents/me/state", { state: "available" });
    peer = await BrowserLikePeer.create(stun);
    const scenario = await callerScenario("agent", [
      { pauseMs: 2_500 },
      { key: "1" },
      { pcap: "g711a.pcap" },
      { pauseMs: 9_000 },
    ]);
    const caller = runSipp(sip, ["-sf", scenario, "-s", "7100"], 40_000);

    const offer = (await desktop.next(
      (m) => (m as Signal).event?.type === "routing.offer_made",
      15_000,
    )) as Signal;
    const interactionId = offer.event!.data.interactionId!;
    expect((await agent.post(`/api/v1/interactions/${interactionId}/accept`, {})).status).toBe(200);

    const ringing = (await desktop.next((m) => m.type === "webrtc.offer", 10_000)) as Signal;
    desktop.send({ type: "webrtc.answer", callId: ringing.callId, sdp: await peer.answer(ringing.sdp!) });
    await desktop.next((m) => m.type === "webrtc.connected", 10_000);

    const call = platform.voice!.engine.byInteraction(interactionId)!;
    await waitFor(() => call.phase === "connected", 5_000);
    // The caller's recorded speech reaches the agent; the agent's voice reaches the server for the caller.
    await waitFor(() => peer!.received > 100, 10_000);
    for (let i = 0; i < 50; i++) {
      peer.sendFrame(Buffer.alloc(160, 0x2a));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(call.agentStats()!.rtpIn).toBeGreaterThan(30);
    expect(call.agentStats()!.rtpOut).toBeGreaterThan(100);
    const screenPop = await agent.get<{ fromNumber: string; state: string }>(
      `/api/v1/voice/calls/by-interaction/${interactionId}`,
    );
    expect(screenPop.body).toMatchObject({ fromNumber: "+6281234567890", state: "connected" });

    const result = await caller;
    expect(result.code, result.output.slice(-1500)).toBe(0);
    await desktop.next((m) => m.type === "webrtc.ended", 5_000);
    await waitFor(() => platform.voice!.engine.activeCalls === 0, 5_000);
    await waitFor(() => platform.services.realtime.softphone!.endpointCount === 0, 5_000);
    expect(platform.voice!.scheduler.stats().participants).toBe(0);
    const ended = await agent.get<{ state: string; endedBy: string }>(
      `/api/v1/voice/calls/by-interaction/${interactionId}`,
    );
    expect(ended.body).toMatchObject({ state: "ended", endedBy: "caller" });
    desktop.close();
  });
});
