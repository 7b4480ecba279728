import { describe, expect, it } from "vitest";
import type { SipRequest, SipResponse } from "./message.js";
import { okRetransmissionTimer, startOkRetransmission } from "./ok-retransmission.js";
import {
  startInviteServer,
  startNonInviteServer,
  stepInviteServer,
  stepNonInviteServer,
} from "./server-transactions.js";
import type { TransactionCommand } from "./transaction-types.js";

const T = { T1: 500, T2: 4000, T4: 5000 };
const req = (method: string): SipRequest => ({
  kind: "request",
  method,
  uri: "sip:x@127.0.0.1",
  headers: [],
  body: "",
});
const res = (status: number): SipResponse => ({
  kind: "response",
  status,
  reason: "R",
  headers: [],
  body: "",
});
const kinds = (commands: readonly TransactionCommand[]) =>
  commands.map((c) =>
    c.kind === "start_timer"
      ? `start ${c.timer} ${c.ms}`
      : c.kind === "stop_timer"
        ? `stop ${c.timer}`
        : c.kind === "send"
          ? `send ${c.message.kind === "response" ? c.message.status : c.message.method}`
          : c.kind === "tu_error"
            ? `tu_error ${c.reason}`
            : c.kind,
  );

describe("INVITE server transaction", () => {
  it("answers 100 Trying at once and hands the INVITE to the TU", () => {
    const { tx, commands } = startInviteServer(req("INVITE"), res(100), { reliable: false, timers: T });
    expect(tx.state).toBe("proceeding");
    expect(kinds(commands)).toEqual(["send 100", "to_tu"]);
  });

  it("answers a retransmitted INVITE with the last provisional response", () => {
    let { tx } = startInviteServer(req("INVITE"), res(100), { reliable: false, timers: T });
    tx = stepInviteServer(tx, { kind: "respond", response: res(180) }).tx;
    expect(kinds(stepInviteServer(tx, { kind: "request", request: req("INVITE") }).commands)).toEqual([
      "send 180",
    ]);
  });

  it("sends a 2xx and terminates, leaving 2xx retransmission to the UAS core", () => {
    const { tx } = startInviteServer(req("INVITE"), res(100), { reliable: false, timers: T });
    const ok = stepInviteServer(tx, { kind: "respond", response: res(200) });
    expect(ok.tx.state).toBe("terminated");
    expect(kinds(ok.commands)[0]).toBe("send 200");
  });

  it("retransmits a non-2xx final on Timer G doubling up to T2 until Timer H times out without an ACK", () => {
    const { tx: start } = startInviteServer(req("INVITE"), res(100), { reliable: false, timers: T });
    const rejected = stepInviteServer(start, { kind: "respond", response: res(486) });
    expect(kinds(rejected.commands)).toEqual(["send 486", "start G 500", "start H 32000"]);
    let tx = rejected.tx;
    const intervals: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const step = stepInviteServer(tx, { kind: "timer", timer: "G" });
      expect(kinds(step.commands)[0]).toBe("send 486");
      const g = step.commands[1];
      if (g?.kind === "start_timer") intervals.push(g.ms);
      tx = step.tx;
    }
    expect(intervals).toEqual([1000, 2000, 4000, 4000, 4000, 4000]);
    const h = stepInviteServer(tx, { kind: "timer", timer: "H" });
    expect(h.tx.state).toBe("terminated");
    expect(kinds(h.commands)).toContain("tu_error timeout");
  });

  it("confirms on the ACK, stops G and H, absorbs further ACKs and terminates on Timer I (T4 UDP, 0 TCP)", () => {
    for (const [reliable, i] of [
      [false, 5000],
      [true, 0],
    ] as const) {
      const { tx: start } = startInviteServer(req("INVITE"), res(100), { reliable, timers: T });
      const rejected = stepInviteServer(start, { kind: "respond", response: res(404) });
      const acked = stepInviteServer(rejected.tx, { kind: "request", request: req("ACK") });
      expect(acked.tx.state).toBe("confirmed");
      expect(kinds(acked.commands)).toEqual(["stop G", "stop H", `start I ${i}`]);
      expect(stepInviteServer(acked.tx, { kind: "request", request: req("ACK") }).commands).toEqual([]);
      expect(stepInviteServer(acked.tx, { kind: "timer", timer: "G" }).commands).toEqual([]);
      expect(stepInviteServer(acked.tx, { kind: "timer", timer: "I" }).tx.state).toBe("terminated");
    }
  });

  it("re-sends the final response when the INVITE is retransmitted in completed and arms no G over TCP", () => {
    const { tx } = startInviteServer(req("INVITE"), res(100), { reliable: true, timers: T });
    const rejected = stepInviteServer(tx, { kind: "respond", response: res(603) });
    expect(kinds(rejected.commands)).toEqual(["send 603", "start H 32000"]);
    expect(
      kinds(stepInviteServer(rejected.tx, { kind: "request", request: req("INVITE") }).commands),
    ).toEqual(["send 603"]);
  });

  it("ignores an ACK while proceeding and a second final response once completed", () => {
    const { tx } = startInviteServer(req("INVITE"), res(100), { reliable: false, timers: T });
    expect(stepInviteServer(tx, { kind: "request", request: req("ACK") }).commands).toEqual([]);
    const done = stepInviteServer(tx, { kind: "respond", response: res(500) }).tx;
    expect(stepInviteServer(done, { kind: "respond", response: res(200) }).commands).toEqual([]);
  });
});

describe("non-INVITE server transaction", () => {
  it("absorbs retransmissions while trying, re-sends the provisional then the final response, ends on Timer J", () => {
    const started = startNonInviteServer(req("REGISTER"), { reliable: false, timers: T });
    expect(kinds(started.commands)).toEqual(["to_tu"]);
    expect(stepNonInviteServer(started.tx, { kind: "request", request: req("REGISTER") }).commands).toEqual(
      [],
    );
    const trying = stepNonInviteServer(started.tx, { kind: "respond", response: res(100) });
    expect(trying.tx.state).toBe("proceeding");
    expect(
      kinds(stepNonInviteServer(trying.tx, { kind: "request", request: req("REGISTER") }).commands),
    ).toEqual(["send 100"]);
    const ok = stepNonInviteServer(trying.tx, { kind: "respond", response: res(200) });
    expect(kinds(ok.commands)).toEqual(["send 200", "start J 32000"]);
    expect(kinds(stepNonInviteServer(ok.tx, { kind: "request", request: req("REGISTER") }).commands)).toEqual(
      ["send 200"],
    );
    expect(stepNonInviteServer(ok.tx, { kind: "respond", response: res(500) }).commands).toEqual([]);
    expect(stepNonInviteServer(ok.tx, { kind: "timer", timer: "J" }).tx.state).toBe("terminated");
  });

  it("uses Timer J of zero over TCP", () => {
    const { tx } = startNonInviteServer(req("OPTIONS"), { reliable: true, timers: T });
    expect(kinds(stepNonInviteServer(tx, { kind: "respond", response: res(200) }).commands)).toEqual([
      "send 200",
      "start J 0",
    ]);
  });
});

describe("2xx retransmission by the UAS core", () => {
  it("resends at T1, 2T1, 4T1 … capped at T2 and gives up after 64*T1", () => {
    const { state, waitMs } = startOkRetransmission(res(200), T);
    const waits = [waitMs];
    let current = state;
    for (;;) {
      const step = okRetransmissionTimer(current);
      current = step.next;
      if (step.action === "give_up") break;
      waits.push(step.waitMs);
    }
    expect(waits.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(64 * T.T1);
    expect(current.state).toBe("gave_up");
  });
});
