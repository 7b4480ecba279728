import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../testing/api-client.js";
import { RealtimeClient, type RealtimeMessage } from "../../testing/realtime-client.js";
import { waitFor } from "../../testing/rtp-peer.js";
import { storeTargets } from "../../testing/services-under-test.js";
import { runSipp, startBaresip } from "../../testing/sip-peers.js";
import { callerScenario } from "../../testing/sipp-scenarios.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../../testing/test-platform.js";
import { wavToTelephonePcm } from "../media/prompt-library.js";

type Offer = RealtimeMessage & { event?: { type: string; data: { interactionId?: string } } };

/** The agent "speaks" a 16 s file at 8 kHz: baresip's aufile source ends the call when its file ends. */
const AGENT_VOICE = fileURLToPath(
  new URL("../../../assets/prompts/common/music-on-hold.wav", import.meta.url),
);

const rms = (pcm: Int16Array) => Math.sqrt(pcm.reduce((sum, s) => sum + s * s, 0) / Math.max(1, pcm.length));

describe("an inbound call answered on an agent's registered desk phone (baresip)", () => {
  let platform: TestPlatform;
  let admin: ApiClient;
  let agent: ApiClient;
  let agentId = "";
  let dir = "";
  let phone: Awaited<ReturnType<typeof startBaresip>> | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sentra-deskphone-"));
    platform = await startTestPlatform(storeTargets[0]!);
    const anonymous = new ApiClient(platform.app);
    admin = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const queueId = (
      await admin.post<{ id: string }>("/api/v1/queues", { name: "Desk", settings: { channels: ["voice"] } })
    ).body.id;
    const flow = await admin.post<{ id: string }>("/api/v1/ivr/flows", {
      name: "Desk line",
      definition: {
        entry: "menu",
        nodes: {
          menu: { type: "menu", prompts: ["invalid-choice"], choices: { "1": "agent" }, fallback: "agent" },
          agent: { type: "transfer", queueId },
        },
      },
    });
    await admin.post(`/api/v1/ivr/flows/${flow.body.id}/publish`, {});
    await admin.post("/api/v1/ivr/dids", { number: "7300", flowId: flow.body.id });
    agentId = (
      await admin.post<{ id: string }>("/api/v1/users", {
        email: "joko.desk@acme.test",
        displayName: "Joko",
        role: "agent",
        password: "a-long-enough-password",
      })
    ).body.id;
    await admin.request("PUT", `/api/v1/agents/${agentId}/profile`, { capacity: { max: { voice: 1 } } });
    agent = await anonymous.login("joko.desk@acme.test", "a-long-enough-password");
  });
  afterAll(async () => {
    await phone?.stop();
    await platform?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it("registers the phone with digest and shows it registered with its contact", async () => {
    const created = await admin.post<{ id: string; username: string; password: string }>(
      "/api/v1/voice/sip-endpoints",
      { agentId },
    );
    expect(created.status).toBe(201);
    const { username, password } = created.body;
    const port = platform.voice!.sipPort;
    phone = await startBaresip({
      dir: path.join(dir, "phone"),
      registrarPort: port,
      user: username,
      password,
      autoAnswer: true,
      microphoneWav: AGENT_VOICE,
      recordTo: path.join(dir, "phone", "heard"),
    });
    await waitFor(() => platform.services.sipRegistrar.bindingOfUser(username) !== undefined, 10_000);
    const listed = await admin.get<{
      items: { username: string; registration: { contact: string } | null }[];
    }>("/api/v1/voice/sip-endpoints");
    expect(listed.body.items[0]).toMatchObject({
      username,
      registration: { contact: expect.stringMatching(/^sip:/) },
    });
  });

  it("rings the phone when the agent accepts, and the agent hears the caller (measured in the phone's recording)", async () => {
    const desktop = await RealtimeClient.connect(platform.url, agent.token!);
    desktop.send({ type: "subscribe", topic: `agent:${agentId}` });
    await agent.request("PUT", "/api/v1/agents/me/state", { state: "available" });
    const scenario = await callerScenario("desk", [
      { pauseMs: 2_500 },
      { key: "1" },
      { pcap: "g711a.pcap" },
      { pauseMs: 9_000 },
    ]);
    const caller = runSipp(`127.0.0.1:${platform.voice!.sipPort}`, ["-sf", scenario, "-s", "7300"], 40_000);
    const offer = (await desktop.next(
      (m) => (m as Offer).event?.type === "routing.offer_made",
      15_000,
    )) as Offer;
    const interactionId = offer.event!.data.interactionId!;
    expect((await agent.post(`/api/v1/interactions/${interactionId}/accept`, {})).status).toBe(200);
    const call = platform.voice!.engine.byInteraction(interactionId)!;
    await waitFor(() => call.phase === "connected", 10_000);
    await waitFor(() => (call.agentStats()?.rtpIn ?? 0) > 50, 5_000);

    const result = await caller;
    expect(result.code, result.output.slice(-1500)).toBe(0);
    await waitFor(() => platform.voice!.engine.activeCalls === 0, 5_000);
    await waitFor(() => platform.voice!.deskPhones.openLegs === 0, 5_000);
    expect(platform.voice!.scheduler.stats().participants).toBe(0);
    desktop.close();

    // baresip writes what it decoded from the network; its WAV header is complete once it exits.
    await phone!.stop();
    phone = undefined;
    const files = (await readdir(path.join(dir, "phone", "heard"))).filter((f) => f.endsWith("-dec.wav"));
    expect(files.length).toBeGreaterThan(0);
    const heard = wavToTelephonePcm(await readFile(path.join(dir, "phone", "heard", files.at(-1)!)));
    expect(heard.length).toBeGreaterThan(8_000 * 3);
    expect(rms(heard)).toBeGreaterThan(300);
  });
});
