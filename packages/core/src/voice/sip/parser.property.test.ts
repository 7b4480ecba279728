import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SipMessage, serializeSipMessage } from "./message.js";
import { parseSipMessage } from "./parser.js";
import { SipStreamFramer } from "./stream-framer.js";

const token = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.\-_]{0,11}$/);
const host = fc.oneof(
  fc.constant("127.0.0.1"),
  fc.constant("[::1]"),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,8}\.test$/),
);
// Header values: printable latin1 without CR/LF, trimmed (the parser trims around values).
const value = fc
  .string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength: 40,
  })
  .map((s) => s.trim());
const extraHeader = fc.record({
  name: fc.constantFrom(
    "X-Custom",
    "Subject",
    "User-Agent",
    "Allow",
    "Supported",
    "Contact",
    "Route",
    "Record-Route",
    "P-Asserted-Identity",
  ),
  value,
});

const message: fc.Arbitrary<SipMessage> = fc
  .record({
    request: fc.boolean(),
    method: fc.constantFrom("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO", "X-FOO"),
    user: token,
    host,
    port: fc.integer({ min: 1, max: 65535 }),
    status: fc.integer({ min: 100, max: 699 }),
    reason: value,
    branch: token,
    tag: token,
    callId: token,
    seq: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    extra: fc.array(extraHeader, { maxLength: 6 }),
    body: fc.string({
      unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)),
      maxLength: 200,
    }),
  })
  .map((m) => {
    const headers = [
      { name: "Via", value: `SIP/2.0/UDP ${m.host}:${m.port};branch=z9hG4bK${m.branch};rport` },
      { name: "Max-Forwards", value: "70" },
      { name: "From", value: `<sip:${m.user}@${m.host}>;tag=${m.tag}` },
      { name: "To", value: `"${m.user}" <sip:${m.user}@${m.host}>` },
      { name: "Call-ID", value: m.callId },
      { name: "CSeq", value: `${m.seq} ${m.method}` },
      ...m.extra,
    ];
    return m.request
      ? {
          kind: "request" as const,
          method: m.method,
          uri: `sip:${m.user}@${m.host}:${m.port}`,
          headers,
          body: m.body,
        }
      : { kind: "response" as const, status: m.status, reason: m.reason, headers, body: m.body };
  });

const bytes = fc.string({
  unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)),
  maxLength: 600,
});

describe("SIP parser properties", () => {
  it("parses what it serializes back to the same message", () => {
    fc.assert(
      fc.property(message, (m) => {
        const parsed = parseSipMessage(serializeSipMessage(m));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.message).toEqual(m);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on random bytes and always answers a typed result", () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const result = parseSipMessage(input, { datagram: true });
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on valid messages with bytes inserted, deleted or replaced", () => {
    const mutated = fc
      .tuple(
        message,
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat({ max: 8 }),
            bytes.map((b) => b.slice(0, 6)),
          ),
          { minLength: 1, maxLength: 5 },
        ),
      )
      .map(([m, edits]) => {
        let text = serializeSipMessage(m);
        for (const [at, remove, insert] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + remove);
        }
        return text;
      });
    fc.assert(
      fc.property(mutated, (input) => {
        const started = Date.now();
        const result = parseSipMessage(input);
        expect(typeof result.ok).toBe("boolean");
        expect(Date.now() - started).toBeLessThan(200);
      }),
      { numRuns: 2000 },
    );
  });

  it("parses a 64 KiB hostile header in linear time", () => {
    const started = Date.now();
    const result = parseSipMessage(`INVITE sip:a@b SIP/2.0\r\nVia: ${"SIP/2.0/UDP ".repeat(5000)}\r\n\r\n`);
    expect(result.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("frames any split of a stream of messages back into the same messages", () => {
    fc.assert(
      fc.property(
        fc.array(message, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat({ max: 50 }), { maxLength: 20 }),
        (ms, cuts) => {
          const stream = ms.map((m) => `\r\n${serializeSipMessage(m)}`).join("");
          const framer = new SipStreamFramer();
          const out: string[] = [];
          let at = 0;
          for (const cut of [...cuts, stream.length]) {
            const chunk = stream.slice(at, at + cut + 1);
            at += chunk.length;
            const result = framer.push(chunk);
            expect(result.ok).toBe(true);
            out.push(...result.messages);
            if (at >= stream.length) break;
          }
          out.push(...framer.push(stream.slice(at)).messages);
          expect(out.map((text) => parseSipMessage(text))).toEqual(
            ms.map((m) => expect.objectContaining({ ok: true, message: m })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
