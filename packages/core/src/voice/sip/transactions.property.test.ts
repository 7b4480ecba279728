import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  startInviteClient,
  startNonInviteClient,
  stepInviteClient,
  stepNonInviteClient,
} from "./client-transactions.js";
import type { SipRequest, SipResponse } from "./message.js";
import {
  startInviteServer,
  startNonInviteServer,
  stepInviteServer,
  stepNonInviteServer,
} from "./server-transactions.js";
import type {
  ClientTransactionEvent,
  ServerTransactionEvent,
  SipTimerName,
  TransactionCommand,
} from "./transaction-types.js";

const T = { T1: 500, T2: 4000, T4: 5000 };
const req = (method: string): SipRequest => ({
  kind: "request",
  method,
  uri: "sip:a@b",
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
const timer = fc.constantFrom<SipTimerName>("A", "B", "D", "E", "F", "G", "H", "I", "J", "K");
const status = fc.constantFrom(100, 180, 183, 200, 202, 302, 404, 486, 503, 603);

const clientEvent: fc.Arbitrary<ClientTransactionEvent> = fc.oneof(
  status.map((s) => ({ kind: "response" as const, response: res(s) })),
  timer.map((t) => ({ kind: "timer" as const, timer: t })),
  fc.constant({ kind: "transport_error" as const }),
);
const serverEvent: fc.Arbitrary<ServerTransactionEvent> = fc.oneof(
  fc.constantFrom("INVITE", "ACK", "OPTIONS").map((m) => ({ kind: "request" as const, request: req(m) })),
  status.map((s) => ({ kind: "respond" as const, response: res(s) })),
  timer.map((t) => ({ kind: "timer" as const, timer: t })),
  fc.constant({ kind: "transport_error" as const }),
);

/**
 * Invariants for any event sequence: nothing happens after termination; termination stops every timer and
 * happens once; timers are within [0, 64*T1]; the TU hears at most one final response or error.
 */
function checkRun(commandsPerStep: (readonly TransactionCommand[])[], isClient: boolean): void {
  let terminated = false;
  let finals = 0;
  for (const commands of commandsPerStep) {
    if (terminated) expect(commands).toEqual([]);
    for (const c of commands) {
      if (c.kind === "start_timer") {
        expect(c.ms).toBeGreaterThanOrEqual(0);
        expect(c.ms).toBeLessThanOrEqual(64 * T.T1);
      }
      if (c.kind === "terminated") terminated = true;
      if (
        isClient &&
        ((c.kind === "to_tu" && c.message.kind === "response" && c.message.status >= 200) ||
          c.kind === "tu_error")
      ) {
        finals += 1;
      }
    }
    const lastTerminated = commands.findIndex((c) => c.kind === "terminated");
    if (lastTerminated >= 0) expect(commands.slice(lastTerminated + 1)).toEqual([]);
  }
  expect(finals).toBeLessThanOrEqual(1);
}

describe("transaction machine properties", () => {
  it.each(["INVITE", "OPTIONS"])(
    "a %s client transaction keeps its invariants under any event sequence",
    (method) => {
      fc.assert(
        fc.property(fc.boolean(), fc.array(clientEvent, { maxLength: 30 }), (reliable, events) => {
          const options = { reliable, timers: T };
          if (method === "INVITE") {
            let { tx, commands } = startInviteClient(req(method), options);
            const all = [commands];
            for (const e of events) {
              ({ tx, commands } = stepInviteClient(tx, e));
              all.push(commands);
            }
            checkRun(all, true);
          } else {
            let { tx, commands } = startNonInviteClient(req(method), options);
            const all = [commands];
            for (const e of events) {
              ({ tx, commands } = stepNonInviteClient(tx, e));
              all.push(commands);
              for (const c of commands)
                if (c.kind === "start_timer" && c.timer === "E") expect(c.ms).toBeLessThanOrEqual(T.T2);
            }
            checkRun(all, true);
          }
        }),
        { numRuns: 1000 },
      );
    },
  );

  it.each(["INVITE", "OPTIONS"])(
    "a %s server transaction keeps its invariants and sends one final response",
    (method) => {
      fc.assert(
        fc.property(fc.boolean(), fc.array(serverEvent, { maxLength: 30 }), (reliable, events) => {
          const options = { reliable, timers: T };
          const all: (readonly TransactionCommand[])[] = [];
          const finalsSent = new Set<number>();
          const record = (commands: readonly TransactionCommand[]) => {
            all.push(commands);
            for (const c of commands)
              if (c.kind === "send" && c.message.kind === "response" && c.message.status >= 200)
                finalsSent.add(c.message.status);
          };
          if (method === "INVITE") {
            let { tx, commands } = startInviteServer(req(method), res(100), options);
            record(commands);
            for (const e of events) {
              ({ tx, commands } = stepInviteServer(tx, e));
              record(commands);
            }
          } else {
            let { tx, commands } = startNonInviteServer(req(method), options);
            record(commands);
            for (const e of events) {
              ({ tx, commands } = stepNonInviteServer(tx, e));
              record(commands);
            }
          }
          checkRun(all, false);
          expect(finalsSent.size).toBeLessThanOrEqual(1);
        }),
        { numRuns: 1000 },
      );
    },
  );
});
