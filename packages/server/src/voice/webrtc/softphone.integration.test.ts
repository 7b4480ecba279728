import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../testing/api-client.js";
import { BrowserLikePeer, LoopbackStun } from "../../testing/browser-like-peer.js";
import { RealtimeClient, type RealtimeMessage } from "../../testing/realtime-client.js";
import { storeTargets } from "../../testing/services-under-test.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestPlatform,
  type TestPlatform,
} from "../../testing/test-platform.js";
import { candidateAddresses } from "./browser-sdp.js";

type SignalMessage = RealtimeMessage & {
  callId?: string;
  sdp?: string;
  reason?: string;
  stats?: { rtpIn: number; rtpOut: number };
  error?: { code: string; message: string; details?: { callId?: string } };
};

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("browser softphone signalling on the realtime WebSocket", () => {
  let platform: TestPlatform;
  let stun: LoopbackStun;
  let agentToken: string;
  let agentId: string;
  let qaToken: string;
  let tenantBToken: string;
  const peers: BrowserLikePeer[] = [];

  beforeAll(async () => {
    stun = await LoopbackStun.start();
    platform = await startTestPlatform(storeTargets[0]!);
    const anonymous = new ApiClient(platform.app);
    const admin = await anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    for (const [email, role] of [
      ["agent.phone@acme.test", "agent"],
      ["qa.phone@acme.test", "qa"],
    ] as const) {
      await admin.post("/api/v1/users", {
        email,
        displayName: email,
        role,
        password: "a-long-enough-password",
      });
    }
    const agent = await anonymous.login("agent.phone@acme.test", "a-long-enough-password");
    agentToken = agent.token!;
    agentId = (await agent.get<{ id: string }>("/api/v1/auth/me")).body.id;
    qaToken = (await anonymous.login("qa.phone@acme.test", "a-long-enough-password")).token!;
    const tenantB = await platform.services.tenants.create({ slug: "bank-b", name: "Bank B" });
    await platform.services.users.create(null, tenantB.id, {
      email: "agent@bank-b.test",
      displayName: "Agent B",
      role: "agent",
      locale: "en",
      password: "bank-b-agent-password",
    });
    tenantBToken = (await anonymous.login("agent@bank-b.test", "bank-b-agent-password")).token!;
  });
  afterAll(async () => {
    await Promise.all(peers.map((peer) => peer.close()));
    await platform?.dispose();
    await stun?.stop();
  });

  const openEndpoints = () => platform.services.realtime.softphone?.endpointCount ?? -1;
  const newPeer = async () => {
    const peer = await BrowserLikePeer.create(stun);
    peers.push(peer);
    return peer;
  };
  const connect = (token: string) => RealtimeClient.connect(platform.url, token);
  const next = (client: RealtimeClient, type: string, callId: string) =>
    client.next(
      (m) => m.type === type && (m as SignalMessage).callId === callId,
      8000,
    ) as Promise<SignalMessage>;
  const nextError = (client: RealtimeClient, callId: string) =>
    client.next(
      (m) => m.type === "error" && (m as SignalMessage).error?.details?.callId === callId,
      8000,
    ) as Promise<SignalMessage>;

  it("answers an agent's test call, echoes audio both ways, reports counters and ends on hangup", async () => {
    const client = await connect(agentToken);
    const peer = await newPeer();
    client.send({ type: "webrtc.offer", callId: "echo-1", purpose: "echo_test", sdp: await peer.offer() });
    const answer = await next(client, "webrtc.answer", "echo-1");
    expect(candidateAddresses(answer.sdp!)).toEqual(["127.0.0.1"]);
    await peer.accept(answer.sdp!);
    await next(client, "webrtc.connected", "echo-1");
    for (let i = 0; i < 60; i++) {
      peer.sendFrame(Buffer.alloc(160, 0xff));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await until(() => peer.received >= 50, 5000);
    client.send({ type: "webrtc.stats", callId: "echo-1" });
    const stats = await next(client, "webrtc.stats", "echo-1");
    expect(stats.stats!.rtpIn).toBeGreaterThanOrEqual(50);
    expect(stats.stats!.rtpOut).toBeGreaterThanOrEqual(50);
    expect(openEndpoints()).toBe(1);

    client.send({ type: "webrtc.hangup", callId: "echo-1" });
    const ended = await next(client, "webrtc.ended", "echo-1");
    expect(ended.reason).toBe("hangup");
    expect(openEndpoints()).toBe(0);
    client.close();
  });

  it("refuses malformed SDP with a clear message and keeps the connection usable", async () => {
    const client = await connect(agentToken);
    client.send({
      type: "webrtc.offer",
      callId: "bad-1",
      purpose: "echo_test",
      sdp: "v=0\r\nthis is not sdp",
    });
    const error = await nextError(client, "bad-1");
    expect(error.error).toMatchObject({
      code: "invalid_sdp",
      message: 'SDP line "this is not sdp" is not of the form <letter>=<value>.',
    });
    client.send({ type: "webrtc.offer", callId: "bad-2", purpose: "echo_test" });
    const invalid = await client.next((m) => m.type === "error" && m.error?.code === "invalid_message");
    expect(invalid.error?.message).toBe("sdp: Invalid input: expected string, received undefined");
    client.send({ type: "ping" });
    await client.next((m) => m.type === "pong");
    expect(openEndpoints()).toBe(0);
    client.close();
  });

  it("allows one call per connection and hides it from other connections and tenants", async () => {
    const client = await connect(agentToken);
    const first = await newPeer();
    client.send({ type: "webrtc.offer", callId: "one", purpose: "echo_test", sdp: await first.offer() });
    await next(client, "webrtc.answer", "one");
    const second = await newPeer();
    client.send({ type: "webrtc.offer", callId: "two", purpose: "echo_test", sdp: await second.offer() });
    expect((await nextError(client, "two")).error?.code).toBe("softphone_busy");

    const sameAgentElsewhere = await connect(agentToken);
    const otherTenant = await connect(tenantBToken);
    for (const other of [sameAgentElsewhere, otherTenant]) {
      other.send({ type: "webrtc.hangup", callId: "one" });
      expect((await nextError(other, "one")).error?.code).toBe("unknown_call");
      other.close();
    }
    expect(openEndpoints()).toBe(1);

    client.close();
    await until(() => openEndpoints() === 0, 3000);
  });

  it("answers only the first of two offers sent at once and keeps a single endpoint", async () => {
    const client = await connect(agentToken);
    const [a, b] = [await newPeer(), await newPeer()];
    const [offerA, offerB] = [await a.offer(), await b.offer()];
    client.send({ type: "webrtc.offer", callId: "race-a", purpose: "echo_test", sdp: offerA });
    client.send({ type: "webrtc.offer", callId: "race-b", purpose: "echo_test", sdp: offerB });
    await next(client, "webrtc.answer", "race-a");
    expect((await nextError(client, "race-b")).error?.code).toBe("softphone_busy");
    expect(openEndpoints()).toBe(1);
    client.close();
    await until(() => openEndpoints() === 0, 3000);
  });

  it("closes a call whose connection went away while it was being set up", async () => {
    const client = await connect(agentToken);
    const peer = await newPeer();
    client.send({ type: "webrtc.offer", callId: "gone", purpose: "echo_test", sdp: await peer.offer() });
    client.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await until(() => openEndpoints() === 0, 3000);
  });

  it("refuses the softphone to a role that does not take work", async () => {
    const client = await connect(qaToken);
    const peer = await newPeer();
    client.send({ type: "webrtc.offer", callId: "qa-1", purpose: "echo_test", sdp: await peer.offer() });
    const error = await nextError(client, "qa-1");
    expect(error.error?.code).toBe("softphone_forbidden");
    expect(openEndpoints()).toBe(0);
    client.close();
  });

  it("offers a server-placed call to the agent's browser and connects once it answers", async () => {
    const client = await connect(agentToken);
    const hub = platform.services.realtime.softphone!;
    await until(() => hub.ownersOf(tenantOf(client), agentId).length > 0, 2000);
    const [owner] = hub.ownersOf(tenantOf(client), agentId);
    const peer = await newPeer();
    const delivered = hub.offerCall(owner!, "inbound-1");
    const offer = await next(client, "webrtc.offer", "inbound-1");
    expect(candidateAddresses(offer.sdp!)).toEqual(["127.0.0.1"]);
    client.send({ type: "webrtc.answer", callId: "inbound-1", sdp: await peer.answer(offer.sdp!) });
    const endpoint = await delivered;
    await next(client, "webrtc.connected", "inbound-1");
    const heard: Buffer[] = [];
    endpoint.onAudioFrame((pcmu) => heard.push(pcmu));
    for (let i = 0; i < 20; i++) {
      endpoint.sendAudioFrame(Buffer.alloc(160, 0x55));
      peer.sendFrame(Buffer.alloc(160, 0x11));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await until(() => peer.received >= 15 && heard.length >= 15, 5000);
    client.close();
    await until(() => openEndpoints() === 0, 3000);
    expect(endpoint.closed).toBe(true);
  });

  function tenantOf(client: RealtimeClient): string {
    const welcome = client.messages.find((m) => m.type === "welcome") as { actor?: { tenantId: string } };
    return welcome.actor!.tenantId;
  }
});
