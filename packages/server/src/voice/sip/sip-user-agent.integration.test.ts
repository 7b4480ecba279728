import { afterEach, describe, expect, it } from "vitest";
import { quietLogger } from "../../testing/sip-peers.js";
import { type IncomingSipRequest, type SipDialogEvent, SipUserAgent } from "./user-agent.js";

describe("SIP user agent to user agent", () => {
  const owned: SipUserAgent[] = [];
  afterEach(async () => {
    await Promise.all(owned.splice(0).map((ua) => ua.close()));
  });

  async function pair(transport: "UDP" | "TCP", onCallee: (incoming: IncomingSipRequest) => void) {
    const calleeEvents: SipDialogEvent[] = [];
    const callee = await SipUserAgent.start({
      udpPort: 0,
      tcpPort: 0,
      logger: quietLogger,
      onDialogEvent: (e) => calleeEvents.push(e),
      onRequest: onCallee,
    });
    const caller = await SipUserAgent.start({
      udpPort: 0,
      tcpPort: 0,
      logger: quietLogger,
      onRequest: (i) => void i.respond(200),
    });
    owned.push(callee, caller);
    const port = callee.local(transport)?.port;
    const suffix = transport === "TCP" ? ";transport=tcp" : "";
    const invite = caller.newRequest({
      method: "INVITE",
      uri: `sip:1000@127.0.0.1:${port}${suffix}`,
      from: "sip:agent@sentra.test",
      to: "sip:1000@sentra.test",
      transport,
    });
    return { callee, caller, invite, calleeEvents };
  }

  it("cancels a ringing INVITE: the CANCEL gets 200, the INVITE 487, the callee sees it cancelled", async () => {
    let ringing: IncomingSipRequest | undefined;
    const { caller, invite } = await pair("UDP", (incoming) => {
      if (incoming.request.method === "INVITE") {
        ringing = incoming;
        incoming.respond(180);
      }
    });
    const provisional: number[] = [];
    const call = caller.startRequest(invite, { onProvisional: (r) => provisional.push(r.status) });
    const cancelled = await call.cancel();
    expect(cancelled.ok && cancelled.response.status).toBe(200);
    const outcome = await call.outcome;
    expect(outcome.ok && outcome.response.status).toBe(487);
    expect(ringing?.cancelled).toBe(true);
    expect(caller.dialogs()).toEqual([]);
    expect(await call.cancel()).toEqual({ ok: false, reason: "not_pending" });
  });

  it.each(["UDP", "TCP"] as const)(
    "sets up a call over %s, then the callee hangs up with BYE and both dialogs end",
    async (transport) => {
      let answered: IncomingSipRequest | undefined;
      const { callee, caller, invite, calleeEvents } = await pair(transport, (incoming) => {
        if (incoming.request.method === "INVITE") {
          answered = incoming;
          incoming.respond(200, {
            body: "v=0\r\n",
            headers: [{ name: "Content-Type", value: "application/sdp" }],
          });
        }
      });
      const outcome = await caller.sendRequest(invite);
      expect(outcome.ok && outcome.response.status).toBe(200);
      expect(outcome.ok && outcome.response.body).toBe("v=0\r\n");
      // Wait for our ACK to confirm the callee's dialog (its 2xx retransmission stops).
      const deadline = Date.now() + 2000;
      while (!calleeEvents.some((e) => e.kind === "confirmed") && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      expect(calleeEvents.map((e) => e.kind)).toEqual(["confirmed"]);
      const dialog = callee.dialogs()[0];
      expect(dialog?.id.callId).toBe(answered?.essentials.callId);
      if (!dialog) throw new Error("no callee dialog");
      const bye = await callee.sendInDialog(dialog, "BYE");
      expect(bye.ok && bye.response.status).toBe(200);
      expect(callee.dialogs()).toEqual([]);
      expect(caller.dialogs()).toEqual([]);
      expect(callee.openHandles().dialogs + caller.openHandles().dialogs).toBe(0);
    },
  );
});
