import { describe, expect, it } from "vitest";
import { SipStreamFramer } from "./stream-framer.js";

const msg = (body: string) => `OPTIONS sip:a@b SIP/2.0\r\nl: ${body.length}\r\n\r\n${body}`;

describe("SIP stream framer", () => {
  it("returns whole messages by Content-Length (compact form too) and keeps the rest buffered", () => {
    const framer = new SipStreamFramer();
    const stream = `${msg("hello")}\r\n\r\n${msg("")}${msg("xy").slice(0, 10)}`;
    const out = framer.push(stream);
    expect(out).toEqual({ ok: true, messages: [msg("hello"), msg("")] });
    expect(framer.buffered).toBe(10);
    expect(framer.push(msg("xy").slice(10)).messages).toEqual([msg("xy")]);
  });

  it("fails a message over the size limit and a malformed Content-Length", () => {
    expect(new SipStreamFramer(64).push(msg("x".repeat(100))).ok).toBe(false);
    expect(new SipStreamFramer(64).push("A".repeat(65))).toMatchObject({ ok: false, error: "too_large" });
    expect(new SipStreamFramer().push("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: -1\r\n\r\n")).toMatchObject(
      { ok: false, error: "bad_content_length" },
    );
  });
});
