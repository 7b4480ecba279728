import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  automatedKind,
  inboundNeedsRouting,
  nextAttemptDelayMs,
  OUTBOX_MAX_ATTEMPTS,
  replySubject,
  TICKET_ALPHABET,
  TICKET_TOKEN_LENGTH,
  ticketTokenFrom,
  ticketTokenIn,
} from "./conversation-rules.js";

const token = fc
  .uint8Array({ minLength: TICKET_TOKEN_LENGTH, maxLength: TICKET_TOKEN_LENGTH })
  .map(ticketTokenFrom);

const ANY_TOKEN = new RegExp(`\\[#[${TICKET_ALPHABET}]{${TICKET_TOKEN_LENGTH}}\\]`, "gi");

describe("ticket tokens", () => {
  it("are built from the unambiguous alphabet only", () => {
    fc.assert(
      fc.property(token, (t) => {
        expect(t).toHaveLength(TICKET_TOKEN_LENGTH);
        for (const c of t) expect(TICKET_ALPHABET).toContain(c);
      }),
    );
  });

  it("survive the round trip through any reply subject, prefixes and quoting included", () => {
    fc.assert(
      fc.property(
        token,
        fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom("[#", "Re: [#", "[# ]")),
        fc.constantFrom("", "Re: ", "RE: AW: ", "Fwd: "),
        (t, subject, prefix) => {
          const sent = replySubject(subject, t);
          expect(ticketTokenIn(`${prefix}${sent}`)).toBe(t);
          // Replying to a reply keeps one token, not a growing chain (a stray "[#" in the subject is no token).
          expect(replySubject(sent, t).match(ANY_TOKEN)).toHaveLength(1);
        },
      ),
    );
  });

  it("are read case-insensitively and absent tokens are null", () => {
    expect(ticketTokenIn("Re: kartu hilang [#k7qw2m9x]")).toBe("K7QW2M9X");
    expect(ticketTokenIn("Kartu hilang")).toBeNull();
    expect(ticketTokenIn("[#SHORT]")).toBeNull();
    expect(ticketTokenIn(null)).toBeNull();
  });
});

describe("automated mail", () => {
  const signals = (
    headers: Record<string, string>,
    extra: Partial<Parameters<typeof automatedKind>[0]> = {},
  ) => ({
    headers,
    fromAddress: "rina@customer.test",
    subject: "Kartu saya diblokir",
    contentType: "text/plain",
    ...extra,
  });

  it.each([
    ["Auto-Submitted: auto-replied", signals({ "auto-submitted": "auto-replied" }), "auto_reply"],
    ["Auto-Submitted: no is a person", signals({ "auto-submitted": "no" }), null],
    ["X-Autoreply", signals({ "x-autoreply": "yes" }), "auto_reply"],
    ["Precedence: bulk", signals({ precedence: "bulk" }), "auto_reply"],
    ["Precedence: auto_reply", signals({ precedence: "auto_reply" }), "auto_reply"],
    ["vacation subject", signals({}, { subject: "Out of Office: back Monday" }), "auto_reply"],
    ["Indonesian vacation subject", signals({}, { subject: "Balasan otomatis: sedang cuti" }), "auto_reply"],
    [
      "DSN report",
      signals({}, { contentType: "multipart/report; report-type=delivery-status; boundary=x" }),
      "bounce",
    ],
    ["MAILER-DAEMON", signals({}, { fromAddress: "MAILER-DAEMON@mx.example" }), "bounce"],
    ["ordinary mail", signals({}), null],
  ] as const)("%s", (_, input, expected) => {
    expect(automatedKind(input)).toBe(expected);
  });
});

describe("routing of inbound messages", () => {
  it("never routes automated mail, always routes a new conversation, and re-routes when no work is live", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(null, "auto_reply" as const, "bounce" as const),
        fc.boolean(),
        fc.constantFrom("open" as const, "closed" as const),
        fc.boolean(),
        (automated, conversationIsNew, conversationStatus, interactionLive) => {
          const oracle =
            automated === null && (conversationIsNew || conversationStatus === "closed" || !interactionLive);
          expect(
            inboundNeedsRouting({ automated, conversationIsNew, conversationStatus, interactionLive }),
          ).toBe(oracle);
        },
      ),
    );
  });
});

describe("outbox backoff", () => {
  it("grows, is capped at 30 minutes and gives up after the last attempt", () => {
    expect(nextAttemptDelayMs(1)).toBe(30_000);
    expect(nextAttemptDelayMs(2)).toBe(60_000);
    for (let a = 1; a < OUTBOX_MAX_ATTEMPTS - 1; a++) {
      expect(nextAttemptDelayMs(a + 1)!).toBeGreaterThanOrEqual(nextAttemptDelayMs(a)!);
      expect(nextAttemptDelayMs(a)!).toBeLessThanOrEqual(30 * 60_000);
    }
    expect(nextAttemptDelayMs(OUTBOX_MAX_ATTEMPTS)).toBeNull();
  });
});
