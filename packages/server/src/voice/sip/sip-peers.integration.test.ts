import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { activeHandles, freePort, quietLogger, runSipp } from "../../testing/sip-peers.js";
import type { SipDialogEvent } from "./user-agent.js";
import { SipUserAgent } from "./user-agent.js";

const SDP = [
  "v=0",
  "o=sentra 1 1 IN IP4 127.0.0.1",
  "s=-",
  "c=IN IP4 127.0.0.1",
  "t=0 0",
  "m=audio 40000 RTP/AVP 0",
  "a=rtpmap:0 PCMU/8000",
  "",
].join("\r\n");

/** A test UAS on the user agent: rings, answers with a minimal SDP (after `answerDelayMs`), accepts BYE. */
async function startTestUas(
  options: {
    tcp?: boolean;
    answerDelayMs?: number;
    inviteRateLimit?: { ratePerSecond: number; burst: number };
  } = {},
) {
  const events: SipDialogEvent[] = [];
  const methods: string[] = [];
  const ua = await SipUserAgent.start({
    udpPort: 0,
    ...(options.tcp ? { tcpPort: 0 } : {}),
    ...(options.inviteRateLimit ? { inviteRateLimit: options.inviteRateLimit } : {}),
    logger: quietLogger,
    onDialogEvent: (event) => events.push(event),
    onRequest: async (incoming) => {
      methods.push(incoming.request.method);
      if (incoming.request.method === "INVITE") {
        incoming.respond(180);
        await new Promise((resolve) => setTimeout(resolve, options.answerDelayMs ?? 0));
        incoming.respond(200, { headers: [{ name: "Content-Type", value: "application/sdp" }], body: SDP });
      } else if (incoming.request.method === "BYE") {
        incoming.respond(200);
      } else {
        incoming.respond(405, { headers: [{ name: "Allow", value: "INVITE, ACK, BYE, OPTIONS" }] });
      }
    },
  });
  return { ua, events, methods };
}

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe("SIP user agent against sipp", () => {
  let ua: SipUserAgent | undefined;
  afterEach(async () => {
    await ua?.close();
    ua = undefined;
  });

  it("completes sipp's built-in uac call over UDP: 180, 200 with SDP, ACK, BYE 200, then no dialog left", async () => {
    const before = activeHandles();
    const uas = await startTestUas();
    ua = uas.ua;
    const result = await runSipp(`127.0.0.1:${uas.ua.local("UDP")?.port}`, ["-sn", "uac"]);
    expect(result.code, result.output).toBe(0);
    expect(uas.methods).toEqual(["INVITE", "BYE"]);
    expect(uas.events.map((e) => e.kind)).toEqual(["confirmed", "terminated"]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(uas.ua.openHandles()).toMatchObject({ dialogs: 0 });
    await uas.ua.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(uas.ua.openHandles()).toEqual({ sockets: 0, transactions: 0, timers: 0, dialogs: 0 });
    const after = activeHandles();
    expect(after.UDPWrap ?? 0).toBe(before.UDPWrap ?? 0);
    expect(after.TCPServerWrap ?? 0).toBe(before.TCPServerWrap ?? 0);
  });

  it("completes sipp's uac call over TCP", async () => {
    const uas = await startTestUas({ tcp: true });
    ua = uas.ua;
    const before = activeHandles();
    const result = await runSipp(`127.0.0.1:${uas.ua.local("TCP")?.port}`, ["-sn", "uac", "-t", "t1"]);
    expect(result.code, result.output).toBe(0);
    expect(uas.methods).toEqual(["INVITE", "BYE"]);
    await uas.ua.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(uas.ua.openHandles()).toEqual({ sockets: 0, transactions: 0, timers: 0, dialogs: 0 });
    expect(activeHandles().TCPSocketWrap ?? 0).toBeLessThanOrEqual(before.TCPSocketWrap ?? 0);
    expect(activeHandles().TCPServerWrap ?? 0).toBe((before.TCPServerWrap ?? 0) - 1);
  });

  it("completes a call whose 200 comes 1.8 s after the INVITE", async () => {
    const uas = await startTestUas({ answerDelayMs: 1800 });
    ua = uas.ua;
    const result = await runSipp(`127.0.0.1:${uas.ua.local("UDP")?.port}`, ["-sn", "uac"]);
    expect(result.code, result.output).toBe(0);
    expect(uas.methods).toEqual(["INVITE", "BYE"]);
  });

  it("completes 100 sipp calls at 50 calls/s, 20 at a time, and leaves no dialog or transaction behind", async () => {
    const uas = await startTestUas({ inviteRateLimit: { ratePerSecond: 100, burst: 100 } });
    ua = uas.ua;
    const result = await runSipp(`127.0.0.1:${uas.ua.local("UDP")?.port}`, [
      "-sn",
      "uac",
      "-m",
      "100",
      "-r",
      "50",
      "-l",
      "20",
    ]);
    expect(result.code, result.output).toBe(0);
    expect(uas.methods.filter((m) => m === "INVITE")).toHaveLength(100);
    expect(uas.methods.filter((m) => m === "BYE")).toHaveLength(100);
    expect(uas.ua.openHandles()).toMatchObject({ dialogs: 0 });
  });

  it("answers a sipp OPTIONS scenario with 200 and an Allow header listing INVITE", async () => {
    const uas = await startTestUas();
    ua = uas.ua;
    const result = await runSipp(`127.0.0.1:${uas.ua.local("UDP")?.port}`, ["-sf", fixture("options.xml")]);
    expect(result.code, result.output).toBe(0);
    expect(uas.methods).toEqual([]);
  });
});

describe("SIP user agent as a caller against sipp's uas", () => {
  it("places a call that sipp answers, ACKs the 200, then hangs up with BYE", async () => {
    const sippPort = await freePort();
    const sipp = runSipp("", ["-sn", "uas"], 30_000, sippPort);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events: SipDialogEvent[] = [];
    const caller = await SipUserAgent.start({
      udpPort: 0,
      logger: quietLogger,
      onDialogEvent: (event) => events.push(event),
      onRequest: (incoming) => void incoming.respond(405),
    });
    try {
      const provisional: number[] = [];
      const invite = caller.newRequest({
        method: "INVITE",
        uri: `sip:service@127.0.0.1:${sippPort}`,
        from: "sip:sentra@127.0.0.1",
        to: `sip:service@127.0.0.1:${sippPort}`,
        headers: [{ name: "Content-Type", value: "application/sdp" }],
        body: SDP,
      });
      const answer = await caller.sendRequest(invite, { onProvisional: (r) => provisional.push(r.status) });
      expect(answer.ok && answer.response.status).toBe(200);
      expect(provisional).toContain(180);
      const dialog = answer.ok ? answer.dialog : undefined;
      expect(dialog?.state).toBe("confirmed");
      if (!dialog) throw new Error("no dialog");
      const bye = await caller.sendInDialog(dialog, "BYE");
      expect(bye.ok && bye.response.status).toBe(200);
      const result = await sipp;
      expect(result.code, result.output).toBe(0);
      expect(events.map((e) => e.kind)).toEqual(["confirmed", "terminated"]);
      expect(caller.dialogs()).toEqual([]);
    } finally {
      await caller.close();
    }
  });
});
