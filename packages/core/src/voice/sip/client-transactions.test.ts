import { describe, expect, it } from "vitest";
import {
  ackForNon2xx,
  startInviteClient,
  startNonInviteClient,
  stepInviteClient,
  stepNonInviteClient,
} from "./client-transactions.js";
import type { SipRequest, SipResponse } from "./message.js";
import type { TransactionCommand } from "./transaction-types.js";

const T = { T1: 500, T2: 4000, T4: 5000 };

function request(method: string): SipRequest {
  return {
    kind: "request",
    method,
    uri: "sip:bob@127.0.0.1",
    headers: [
      { name: "Via", value: "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKc1" },
      { name: "Max-Forwards", value: "70" },
      { name: "Route", value: "<sip:proxy.test;lr>" },
      { name: "From", value: "<sip:alice@test>;tag=a" },
      { name: "To", value: "<sip:bob@test>" },
      { name: "Call-ID", value: "c1" },
      { name: "CSeq", value: `7 ${method}` },
    ],
    body: "",
  };
}

const response = (status: number, method = "INVITE"): SipResponse => ({
  kind: "response",
  status,
  reason: "R",
  headers: [
    { name: "Via", value: "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKc1" },
    { name: "From", value: "<sip:alice@test>;tag=a" },
    { name: "To", value: "<sip:bob@test>;tag=b" },
    { name: "Call-ID", value: "c1" },
    { name: "CSeq", value: `7 ${method}` },
  ],
  body: "",
});

const kinds = (commands: readonly TransactionCommand[]) =>
  commands.map((c) =>
    c.kind === "start_timer"
      ? `start ${c.timer} ${c.ms}`
      : c.kind === "stop_timer"
        ? `stop ${c.timer}`
        : c.kind === "send"
          ? `send ${c.message.kind === "request" ? c.message.method : c.message.status}`
          : c.kind === "tu_error"
            ? `tu_error ${c.reason}`
            : c.kind,
  );

describe("INVITE client transaction", () => {
  it("sends the INVITE and arms Timer A at T1 and Timer B at 64*T1 over UDP", () => {
    const { tx, commands } = startInviteClient(request("INVITE"), { reliable: false, timers: T });
    expect(tx.state).toBe("calling");
    expect(kinds(commands)).toEqual(["send INVITE", "start A 500", "start B 32000"]);
  });

  it("arms only Timer B over TCP", () => {
    expect(kinds(startInviteClient(request("INVITE"), { reliable: true, timers: T }).commands)).toEqual([
      "send INVITE",
      "start B 32000",
    ]);
  });

  it("retransmits on every Timer A with the interval doubling without a T2 cap until Timer B times out", () => {
    let { tx } = startInviteClient(request("INVITE"), { reliable: false, timers: T });
    const intervals: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const step = stepInviteClient(tx, { kind: "timer", timer: "A" });
      tx = step.tx;
      expect(step.commands[0]).toMatchObject({ kind: "send" });
      const start = step.commands[1];
      if (start?.kind === "start_timer") intervals.push(start.ms);
    }
    expect(intervals).toEqual([1000, 2000, 4000, 8000, 16000, 32000]);
    const timeout = stepInviteClient(tx, { kind: "timer", timer: "B" });
    expect(timeout.tx.state).toBe("terminated");
    expect(kinds(timeout.commands)).toContain("tu_error timeout");
    expect(kinds(timeout.commands)).toContain("terminated");
  });

  it("stops retransmitting on a provisional response and ignores Timer B while proceeding", () => {
    const { tx } = startInviteClient(request("INVITE"), { reliable: false, timers: T });
    const ringing = stepInviteClient(tx, { kind: "response", response: response(180) });
    expect(ringing.tx.state).toBe("proceeding");
    expect(kinds(ringing.commands)).toEqual(["stop A", "to_tu"]);
    expect(stepInviteClient(ringing.tx, { kind: "timer", timer: "A" }).commands).toEqual([]);
    expect(stepInviteClient(ringing.tx, { kind: "timer", timer: "B" }).tx.state).toBe("proceeding");
  });

  it("hands a 2xx to the TU and terminates (the TU sends the ACK for 2xx)", () => {
    const { tx } = startInviteClient(request("INVITE"), { reliable: false, timers: T });
    const ok = stepInviteClient(tx, { kind: "response", response: response(200) });
    expect(ok.tx.state).toBe("terminated");
    expect(kinds(ok.commands)).toEqual(["to_tu", "stop A", "stop B", "stop D", "terminated"]);
  });

  it("ACKs a non-2xx final response itself, waits Timer D (32 s UDP) and re-ACKs retransmissions without telling the TU", () => {
    const { tx } = startInviteClient(request("INVITE"), { reliable: false, timers: T });
    const busy = stepInviteClient(tx, { kind: "response", response: response(486) });
    expect(busy.tx.state).toBe("completed");
    expect(kinds(busy.commands)).toEqual(["stop A", "stop B", "send ACK", "to_tu", "start D 32000"]);
    const again = stepInviteClient(busy.tx, { kind: "response", response: response(486) });
    expect(kinds(again.commands)).toEqual(["send ACK"]);
    const done = stepInviteClient(busy.tx, { kind: "timer", timer: "D" });
    expect(done.tx.state).toBe("terminated");
  });

  it("uses Timer D of zero over TCP", () => {
    const { tx } = startInviteClient(request("INVITE"), { reliable: true, timers: T });
    expect(kinds(stepInviteClient(tx, { kind: "response", response: response(503) }).commands)).toContain(
      "start D 0",
    );
  });

  it("builds the non-2xx ACK from the INVITE's top Via, Route, From, Call-ID and CSeq number and the response's To", () => {
    const ack = ackForNon2xx(request("INVITE"), response(486));
    expect(ack.method).toBe("ACK");
    expect(ack.uri).toBe("sip:bob@127.0.0.1");
    const get = (name: string) => ack.headers.find((h) => h.name === name)?.value;
    expect(get("CSeq")).toBe("7 ACK");
    expect(get("To")).toBe("<sip:bob@test>;tag=b");
    expect(get("Route")).toBe("<sip:proxy.test;lr>");
    expect(get("Via")).toContain("branch=z9hG4bKc1");
  });

  it("reports a transport error to the TU and terminates", () => {
    const { tx } = startInviteClient(request("INVITE"), { reliable: false, timers: T });
    const failed = stepInviteClient(tx, { kind: "transport_error" });
    expect(failed.tx.state).toBe("terminated");
    expect(kinds(failed.commands)[0]).toBe("tu_error transport_error");
  });
});

describe("non-INVITE client transaction", () => {
  it("retransmits on Timer E doubling up to T2 while trying, then at T2 while proceeding, until Timer F", () => {
    let { tx, commands } = startNonInviteClient(request("OPTIONS"), { reliable: false, timers: T });
    expect(kinds(commands)).toEqual(["send OPTIONS", "start E 500", "start F 32000"]);
    const intervals: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const step = stepNonInviteClient(tx, { kind: "timer", timer: "E" });
      tx = step.tx;
      const start = step.commands.find((c) => c.kind === "start_timer");
      if (start?.kind === "start_timer") intervals.push(start.ms);
    }
    expect(intervals).toEqual([1000, 2000, 4000, 4000, 4000]);
    const proceeding = stepNonInviteClient(
      { ...tx, intervalE: 500 },
      { kind: "response", response: response(100, "OPTIONS") },
    );
    expect(proceeding.tx.state).toBe("proceeding");
    const e = stepNonInviteClient(proceeding.tx, { kind: "timer", timer: "E" });
    expect(kinds(e.commands)).toEqual(["send OPTIONS", "start E 4000"]);
    const f = stepNonInviteClient(e.tx, { kind: "timer", timer: "F" });
    expect(f.tx.state).toBe("terminated");
    expect(kinds(f.commands)).toContain("tu_error timeout");
  });

  it("completes on a final response, absorbs its retransmissions and terminates on Timer K (T4 over UDP, 0 over TCP)", () => {
    const { tx } = startNonInviteClient(request("REGISTER"), { reliable: false, timers: T });
    const ok = stepNonInviteClient(tx, { kind: "response", response: response(200, "REGISTER") });
    expect(ok.tx.state).toBe("completed");
    expect(kinds(ok.commands)).toEqual(["stop E", "stop F", "to_tu", "start K 5000"]);
    expect(
      stepNonInviteClient(ok.tx, { kind: "response", response: response(200, "REGISTER") }).commands,
    ).toEqual([]);
    expect(stepNonInviteClient(ok.tx, { kind: "timer", timer: "E" }).commands).toEqual([]);
    expect(stepNonInviteClient(ok.tx, { kind: "timer", timer: "K" }).tx.state).toBe("terminated");
    const tcp = startNonInviteClient(request("REGISTER"), { reliable: true, timers: T });
    expect(kinds(tcp.commands)).toEqual(["send REGISTER", "start F 32000"]);
    expect(
      kinds(stepNonInviteClient(tcp.tx, { kind: "response", response: response(401, "REGISTER") }).commands),
    ).toContain("start K 0");
  });

  it("ignores every event once terminated", () => {
    const { tx } = startNonInviteClient(request("BYE"), { reliable: false, timers: T });
    const dead = stepNonInviteClient(tx, { kind: "transport_error" }).tx;
    expect(stepNonInviteClient(dead, { kind: "response", response: response(200, "BYE") }).commands).toEqual(
      [],
    );
  });
});
