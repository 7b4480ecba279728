import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { quietLogger, RawUdpPeer } from "../../testing/sip-peers.js";
import { SipUserAgent } from "./user-agent.js";

const statusOf = (text: string) => Number(/^SIP\/2\.0 (\d{3})/.exec(text)?.[1] ?? 0);

function request(
  method: string,
  port: number,
  peerPort: number,
  branch: string,
  extra: string[] = [],
): string {
  return [
    `${method} sip:1000@127.0.0.1:${port} SIP/2.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:${peerPort};branch=z9hG4bK${branch};rport`,
    "Max-Forwards: 70",
    `From: <sip:raw@127.0.0.1>;tag=t${branch}`,
    `To: <sip:1000@127.0.0.1:${port}>`,
    `Call-ID: ${branch}@raw`,
    `CSeq: 1 ${method}`,
    ...extra,
    "Content-Length: 0",
    "",
    "",
  ].join("\r\n");
}

/** Malformed inputs: [what, text, whether a 400 is expected (else the message is dropped)]. */
function corpus(port: number, peerPort: number): [string, string, boolean][] {
  const ok = request("OPTIONS", port, peerPort, "m0");
  return [
    ["random bytes", "\u0000\u00ff\u0013garbage\r\n\r\n", false],
    ["a bad start line", "HELLO sip:x SIP/3.0\r\n\r\n", false],
    ["a response with a bad status", "SIP/2.0 99 Low\r\nVia: x\r\n\r\n", false],
    [
      "a header line without colon",
      ok.replace("Max-Forwards: 70", "Max-Forwards 70").replace(/m0/g, "m1"),
      true,
    ],
    [
      "a non-numeric Content-Length",
      ok.replace("Content-Length: 0", "Content-Length: abc").replace(/m0/g, "m2"),
      true,
    ],
    [
      "a Content-Length longer than the body",
      ok.replace("Content-Length: 0", "Content-Length: 500").replace(/m0/g, "m3"),
      true,
    ],
    ["a missing Call-ID", ok.replace(/Call-ID: .*\r\n/, "").replace(/m0/g, "m4"), false],
    ["a malformed CSeq", ok.replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS").replace(/m0/g, "m5"), true],
    ["a malformed From", ok.replace(/From: .*\r\n/, "From: <<<\r\n").replace(/m0/g, "m6"), true],
    [
      "a malformed Request-URI",
      ok.replace(`OPTIONS sip:1000@127.0.0.1:${port}`, "OPTIONS nonsense").replace(/m0/g, "m7"),
      true,
    ],
    ["only CRLFs (keep-alive)", "\r\n\r\n", false],
    [
      "a 20 KB datagram over the 16 KB limit",
      `${ok.slice(0, -4)}\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
      false,
    ],
  ];
}

describe("SIP robustness", () => {
  let ua: SipUserAgent | undefined;
  let peer: RawUdpPeer | undefined;
  afterEach(async () => {
    await ua?.close();
    await peer?.close();
    ua = undefined;
    peer = undefined;
  });

  async function start(inviteRateLimit?: { ratePerSecond: number; burst: number }) {
    ua = await SipUserAgent.start({
      udpPort: 0,
      tcpPort: 0,
      maxMessageBytes: 16_384,
      logger: quietLogger,
      ...(inviteRateLimit ? { inviteRateLimit } : {}),
      onRequest: (incoming) => {
        if (incoming.request.method === "INVITE") incoming.respond(486);
        else incoming.respond(200);
      },
    });
    return ua;
  }

  it("answers malformed UDP requests 400 when they can be answered, drops the rest, and keeps serving", async () => {
    const agent = await start();
    peer = await RawUdpPeer.open();
    const port = agent.local("UDP")?.port ?? 0;
    for (const [what, text, answered] of corpus(port, peer.port)) {
      const before = peer.received.length;
      await peer.send(text, port);
      const ping = `ping${peer.received.length}x${what.length}`;
      await peer.send(request("OPTIONS", port, peer.port, ping), port);
      await peer.waitFor((t) => t.includes(`z9hG4bK${ping}`) && statusOf(t) === 200);
      const replies = peer.received.slice(before).filter((m) => !m.text.includes(`z9hG4bK${ping}`));
      expect(
        replies.map((m) => statusOf(m.text)),
        what,
      ).toEqual(answered ? [400] : []);
    }
  });

  it("answers malformed TCP requests 400 on the connection, closes it on framing errors, and keeps serving", async () => {
    const agent = await start();
    const port = agent.local("TCP")?.port ?? 0;
    const exchange = (text: string, waitMs = 300) =>
      new Promise<{ data: string; closed: boolean }>((resolve) => {
        const socket = connect(port, "127.0.0.1");
        let data = "";
        let closed = false;
        socket.on("data", (d) => {
          data += d.toString("latin1");
        });
        socket.on("close", () => {
          closed = true;
        });
        socket.on("error", () => {});
        socket.write(Buffer.from(text, "latin1"));
        setTimeout(() => {
          socket.destroy();
          resolve({ data, closed });
        }, waitMs);
      });
    const tcp = (text: string) => text.replace(/SIP\/2\.0\/UDP/g, "SIP/2.0/TCP");
    const bad = await exchange(
      tcp(request("OPTIONS", port, 1, "tb1").replace("CSeq: 1 OPTIONS", "CSeq: x OPTIONS")),
    );
    expect(statusOf(bad.data)).toBe(400);
    const framing = await exchange(
      tcp(request("OPTIONS", port, 1, "tb2").replace("Content-Length: 0", "Content-Length: -5")),
    );
    expect(framing).toEqual({ data: "", closed: true });
    const huge = await exchange(`OPTIONS sip:x SIP/2.0\r\nX: ${"a".repeat(80_000)}`);
    expect(huge.closed).toBe(true);
    const good = await exchange(tcp(request("OPTIONS", port, 1, "tb3")));
    expect(statusOf(good.data)).toBe(200);
    expect(good.data).toContain("Allow: INVITE");
  });

  it("answers 503 with Retry-After once a source exceeds its INVITE rate", async () => {
    const agent = await start({ ratePerSecond: 1, burst: 3 });
    peer = await RawUdpPeer.open();
    const port = agent.local("UDP")?.port ?? 0;
    for (let i = 0; i < 5; i += 1) await peer.send(request("INVITE", port, peer.port, `rl${i}`), port);
    await peer.waitFor((t) => t.includes("z9hG4bKrl4") && statusOf(t) >= 400);
    const finals = (i: number) =>
      peer?.received.find((m) => m.text.includes(`z9hG4bKrl${i};`) && statusOf(m.text) >= 400);
    expect([0, 1, 2, 3, 4].map((i) => statusOf(finals(i)?.text ?? ""))).toEqual([486, 486, 486, 503, 503]);
    expect(finals(4)?.text).toContain("Retry-After: 5");
  });

  it("answers CANCEL 200 and the pending INVITE 487", async () => {
    ua = await SipUserAgent.start({
      udpPort: 0,
      logger: quietLogger,
      onRequest: (i) => void (i.request.method === "INVITE" ? i.respond(180) : i.respond(200)),
    });
    peer = await RawUdpPeer.open();
    const port = ua.local("UDP")?.port ?? 0;
    const invite = request("INVITE", port, peer.port, "cx1");
    await peer.send(invite, port);
    const ringing = await peer.waitFor((t) => statusOf(t) === 180);
    await peer.send(
      invite.replace("INVITE sip", "CANCEL sip").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL"),
      port,
    );
    const terminated = await peer.waitFor((t) => statusOf(t) === 487);
    const toTag = (text: string) => /To: .*;tag=([^\s;]+)/.exec(text)?.[1];
    expect(toTag(terminated)).toBe(toTag(ringing));
    expect(peer.received.some((m) => statusOf(m.text) === 200 && m.text.includes("CSeq: 1 CANCEL"))).toBe(
      true,
    );
    expect(peer.received.some((m) => statusOf(m.text) === 487 && m.text.includes("CSeq: 1 INVITE"))).toBe(
      true,
    );
  });

  it("answers 481 to a BYE for an unknown dialog", async () => {
    const agent = await start();
    peer = await RawUdpPeer.open();
    const port = agent.local("UDP")?.port ?? 0;
    await peer.send(
      request("BYE", port, peer.port, "bye1").replace(/To: (.*)\r\n/, "To: $1;tag=nope\r\n"),
      port,
    );
    expect(statusOf(await peer.waitFor((t) => t.includes("z9hG4bKbye1")))).toBe(481);
  });
});

describe("SIP user agent under fuzzed traffic", () => {
  it("survives 400 mutated datagrams and TCP segments and still answers OPTIONS", async () => {
    const fc = (await import("fast-check")).default;
    const errors: unknown[] = [];
    const ua = await SipUserAgent.start({
      udpPort: 0,
      tcpPort: 0,
      logger: quietLogger,
      inviteRateLimit: { ratePerSecond: 1000, burst: 1000 },
      onRequest: (incoming) => {
        if (incoming.request.method === "INFO") throw new Error("handler bug");
        incoming.respond(incoming.request.method === "INVITE" ? 486 : 200);
      },
    });
    const peer = await RawUdpPeer.open();
    try {
      const udpPort = ua.local("UDP")?.port ?? 0;
      const tcpPort = ua.local("TCP")?.port ?? 0;
      const base = fc
        .constantFrom("INVITE", "BYE", "OPTIONS", "INFO", "REGISTER")
        .map((m) => request(m, udpPort, peer.port, `f${m}`));
      const mutated = fc
        .tuple(
          base,
          fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.string({ maxLength: 4 })), { maxLength: 4 }),
        )
        .map(([text, edits]) =>
          edits.reduce((t, [at, remove, insert]) => {
            const i = at % (t.length + 1);
            return t.slice(0, i) + insert + t.slice(i + remove);
          }, text),
        );
      const samples = fc.sample(mutated, 400);
      for (const sample of samples) await peer.send(sample, udpPort);
      const socket = (await import("node:net")).connect(tcpPort, "127.0.0.1");
      socket.on("error", (e) => errors.push(e));
      await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
      for (const sample of samples.slice(0, 100)) socket.write(Buffer.from(sample, "latin1"));
      socket.destroy();
      const info = request("INFO", udpPort, peer.port, "infobug");
      await peer.send(info, udpPort);
      expect(statusOf(await peer.waitFor((t) => t.includes("z9hG4bKinfobug")))).toBe(500);
      await peer.send(request("OPTIONS", udpPort, peer.port, "alive"), udpPort);
      expect(statusOf(await peer.waitFor((t) => t.includes("z9hG4bKalive")))).toBe(200);
    } finally {
      await ua.close();
      await peer.close();
    }
  });
});
