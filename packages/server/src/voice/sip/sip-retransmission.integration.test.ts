import { afterEach, describe, expect, it } from "vitest";
import { quietLogger, RawUdpPeer } from "../../testing/sip-peers.js";
import { type SipDialogEvent, SipUserAgent } from "./user-agent.js";

// Short timers so Timer H (64*T1) is 3.2 s: T1 50 ms, T2 400 ms.
const timers = { T1: 50, T2: 400, T4: 500 };

function invite(peerPort: number, uaPort: number, branch: string, callId: string): string {
  return [
    `INVITE sip:1000@127.0.0.1:${uaPort} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${peerPort};branch=z9hG4bK${branch}`,
    "Max-Forwards: 70",
    `From: <sip:raw@127.0.0.1:${peerPort}>;tag=raw1`,
    `To: <sip:1000@127.0.0.1:${uaPort}>`,
    `Call-ID: ${callId}`,
    "CSeq: 1 INVITE",
    `Contact: <sip:raw@127.0.0.1:${peerPort}>`,
    "Content-Length: 0",
    "",
    "",
  ].join("\r\n");
}

const statusOf = (text: string) => Number(/^SIP\/2\.0 (\d{3})/.exec(text)?.[1] ?? 0);

describe("SIP retransmissions over UDP with a raw peer", () => {
  let ua: SipUserAgent | undefined;
  let peer: RawUdpPeer | undefined;
  afterEach(async () => {
    await ua?.close();
    await peer?.close();
    ua = undefined;
    peer = undefined;
  });

  async function start(status: number, events: SipDialogEvent[] = []) {
    ua = await SipUserAgent.start({
      udpPort: 0,
      timers,
      logger: quietLogger,
      onDialogEvent: (event) => events.push(event),
      onRequest: (incoming) => {
        if (incoming.request.method === "INVITE") incoming.respond(status);
        else incoming.respond(200);
      },
    });
    peer = await RawUdpPeer.open();
    return { ua, peer, port: ua.local("UDP")?.port ?? 0 };
  }

  it("retransmits an unacknowledged 200 at T1, 2T1, 4T1 … capped at T2, gives up at 64*T1 and sends BYE", async () => {
    const events: SipDialogEvent[] = [];
    const { peer: raw, port } = await start(200, events);
    const sentAt = Date.now();
    await raw.send(invite(raw.port, port, "ok1", "call-ok"), port);
    const bye = await raw.waitFor((t) => t.startsWith("BYE "), 6000);
    expect(bye).toContain("Call-ID: call-ok");
    const oks = raw.received.filter((m) => statusOf(m.text) === 200).map((m) => m.at - sentAt);
    // First send + resends at ~50, 150, 350, 750, 1150 … until 3200 ms: 1 + 10 sends.
    expect(oks.length).toBeGreaterThanOrEqual(9);
    expect(oks.length).toBeLessThanOrEqual(12);
    const gaps = oks.slice(1).map((at, i) => at - (oks[i] ?? 0));
    expect(gaps[0]).toBeLessThan(150);
    expect(Math.max(...gaps)).toBeLessThan(400 + 150);
    expect(Math.max(...gaps.slice(3))).toBeGreaterThanOrEqual(300);
    expect(oks.at(-1)).toBeLessThan(3400);
    expect(events.map((e) => e.kind)).toContain("ack_timeout");
  });

  it("stops retransmitting the 200 once the ACK arrives", async () => {
    const { peer: raw, port } = await start(200);
    await raw.send(invite(raw.port, port, "ok2", "call-ack"), port);
    const ok = await raw.waitFor((t) => statusOf(t) === 200);
    const toTag = /To: .*;tag=([^\s;]+)/.exec(ok)?.[1];
    await raw.send(
      [
        `ACK sip:sentra@127.0.0.1:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${raw.port};branch=z9hG4bKack2`,
        "Max-Forwards: 70",
        `From: <sip:raw@127.0.0.1:${raw.port}>;tag=raw1`,
        `To: <sip:1000@127.0.0.1:${port}>;tag=${toTag}`,
        "Call-ID: call-ack",
        "CSeq: 1 ACK",
        "Content-Length: 0",
        "",
        "",
      ].join("\r\n"),
      port,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const count = raw.received.filter((m) => statusOf(m.text) === 200).length;
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(raw.received.filter((m) => statusOf(m.text) === 200).length).toBe(count);
    expect(raw.received.some((m) => m.text.startsWith("BYE"))).toBe(false);
  });

  it("retransmits a 486 per Timer G until Timer H when the peer never ACKs, and answers INVITE retransmissions with it", async () => {
    const { peer: raw, port, ua: agent } = await start(486);
    const sentAt = Date.now();
    await raw.send(invite(raw.port, port, "busy1", "call-busy"), port);
    await raw.waitFor((t) => statusOf(t) === 486);
    await raw.send(invite(raw.port, port, "busy1", "call-busy"), port);
    await new Promise((resolve) => setTimeout(resolve, 3600));
    const busy = raw.received.filter((m) => statusOf(m.text) === 486).map((m) => m.at - sentAt);
    expect(busy.length).toBeGreaterThanOrEqual(10);
    expect(busy.at(-1)).toBeLessThan(3300);
    expect(agent.openHandles()).toMatchObject({ transactions: 0, timers: 0 });
    expect(raw.received.filter((m) => statusOf(m.text) === 100)).toHaveLength(1);
  });

  it("stops the 486 retransmissions when the ACK for it arrives", async () => {
    const { peer: raw, port, ua: agent } = await start(486);
    await raw.send(invite(raw.port, port, "busy2", "call-busy2"), port);
    const busy = await raw.waitFor((t) => statusOf(t) === 486);
    const toTag = /To: .*;tag=([^\s;]+)/.exec(busy)?.[1];
    await raw.send(
      invite(raw.port, port, "busy2", "call-busy2")
        .replace("INVITE sip", "ACK sip")
        .replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
        .replace(/To: (.*)\r\n/, `To: $1;tag=${toTag}\r\n`),
      port,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const count = raw.received.filter((m) => statusOf(m.text) === 486).length;
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(raw.received.filter((m) => statusOf(m.text) === 486).length).toBe(count);
    expect(agent.openHandles()).toMatchObject({ transactions: 0, timers: 0 });
  });
});

describe("SIP INVITE retransmitted after the 2xx", () => {
  it("re-sends the same 200 without offering the call to the application twice", async () => {
    const invites: string[] = [];
    const ua = await SipUserAgent.start({
      udpPort: 0,
      timers,
      logger: quietLogger,
      onRequest: (incoming) => {
        invites.push(incoming.request.method);
        incoming.respond(200);
      },
    });
    const peer = await RawUdpPeer.open();
    try {
      const port = ua.local("UDP")?.port ?? 0;
      await peer.send(invite(peer.port, port, "dup1", "call-dup"), port);
      const first = await peer.waitFor((t) => statusOf(t) === 200);
      await peer.send(invite(peer.port, port, "dup1", "call-dup"), port);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const oks = peer.received.filter((m) => statusOf(m.text) === 200).map((m) => m.text);
      expect(oks.length).toBeGreaterThanOrEqual(2);
      expect(new Set(oks).size).toBe(1);
      expect(oks[0]).toBe(first);
      expect(invites).toEqual(["INVITE"]);
      expect(ua.dialogs()).toHaveLength(1);
    } finally {
      await ua.close();
      await peer.close();
    }
  });
});
