import { describe, expect, it } from "vitest";
import { parseVia, readEssentials } from "./headers.js";
import { headerValue, headerValues, serializeSipMessage } from "./message.js";
import { parseSipMessage } from "./parser.js";
import { paramValue } from "./uri.js";

const crlf = (lines: string[]) => lines.join("\r\n");

const INVITE = crlf([
  "INVITE sip:bob@biloxi.example.com SIP/2.0",
  "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds ;rport",
  "Max-Forwards: 70",
  'To: "Bob" <sip:bob@biloxi.example.com>',
  "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774",
  "Call-ID: a84b4c76e66710@pc33.atlanta.example.com",
  "CSeq: 314159 INVITE",
  "Contact: <sip:alice@pc33.atlanta.example.com>",
  "Content-Type: application/sdp",
  "Content-Length: 4",
  "",
  "v=0\n",
]);

describe("SIP message parser", () => {
  it("parses a request with its mandatory headers and body", () => {
    const result = parseSipMessage(INVITE);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.message).toMatchObject({
      kind: "request",
      method: "INVITE",
      uri: "sip:bob@biloxi.example.com",
    });
    expect(result.message.body).toBe("v=0\n");
    expect(result.essentials.cseq).toEqual({ seq: 314159, method: "INVITE" });
    expect(result.essentials.callId).toBe("a84b4c76e66710@pc33.atlanta.example.com");
    expect(paramValue(result.essentials.from.params, "tag")).toBe("1928301774");
    expect(result.essentials.to.displayName).toBe("Bob");
    expect(result.essentials.maxForwards).toBe(70);
    const via = result.essentials.vias[0];
    expect(via?.transport).toBe("UDP");
    expect(paramValue(via?.params ?? [], "branch")).toBe("z9hG4bK776asdhds");
    expect(paramValue(via?.params ?? [], "rport")).toBeNull();
  });

  it("expands compact header names, unfolds continuation lines and splits multi-value headers", () => {
    const text = crlf([
      "SIP/2.0 180 Ringing",
      "v: SIP/2.0/UDP a.example.com;branch=z9hG4bK1;received=10.0.0.1, SIP/2.0/TCP b.example.com:5070;branch=z9hG4bK2",
      "f: <sip:a@x>;tag=1",
      "t: <sip:b@y>",
      "   ;tag=2",
      "i: call-1",
      "CSEQ: 2 INVITE",
      "m: <sip:b@10.0.0.2:5062>",
      "Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>",
      "l: 0",
      "",
      "",
    ]);
    const result = parseSipMessage(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.message).toMatchObject({ kind: "response", status: 180, reason: "Ringing" });
    expect(result.essentials.vias).toHaveLength(2);
    expect(result.essentials.vias[1]).toMatchObject({ transport: "TCP", host: "b.example.com", port: 5070 });
    expect(paramValue(result.essentials.vias[0]?.params ?? [], "received")).toBe("10.0.0.1");
    expect(paramValue(result.essentials.to.params, "tag")).toBe("2");
    expect(headerValue(result.message, "Contact")).toBe("<sip:b@10.0.0.2:5062>");
    expect(headerValues(result.message, "Record-Route")).toEqual([
      "<sip:p1.example.com;lr>",
      "<sip:p2.example.com;lr>",
    ]);
    expect(result.message.headers.map((h) => h.name)).toContain("Call-ID");
  });

  it("serializes with CRLF and a Content-Length computed from the body", () => {
    const result = parseSipMessage(INVITE);
    if (!result.ok) throw new Error(result.error.message);
    const text = serializeSipMessage({ ...result.message, body: "v=0\r\no=x\r\n" });
    expect(text).toContain("\r\nContent-Length: 10\r\n\r\nv=0\r\no=x\r\n");
    expect(text.startsWith("INVITE sip:bob@biloxi.example.com SIP/2.0\r\nVia: ")).toBe(true);
  });

  it("cuts a datagram body at Content-Length and refuses a body shorter than announced", () => {
    const long = parseSipMessage(`${INVITE}garbage`, { datagram: true });
    expect(long.ok && long.message.body).toBe("v=0\n");
    const short = parseSipMessage(INVITE.replace("Content-Length: 4", "Content-Length: 40"));
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.error.code).toBe("truncated_body");
  });

  it.each([
    ["empty input", "", "empty"],
    ["only line ends", "\r\n\r\n", "empty"],
    ["a garbage start line", "HELLO WORLD\r\n\r\n", "bad_start_line"],
    ["a status code out of range", "SIP/2.0 900 Nope\r\n\r\n", "bad_start_line"],
    ["a header line without colon", INVITE.replace("Max-Forwards: 70", "Max-Forwards 70"), "bad_header"],
    [
      "a negative Content-Length",
      INVITE.replace("Content-Length: 4", "Content-Length: -4"),
      "bad_content_length",
    ],
    ["a missing Call-ID", INVITE.replace(/Call-ID: .*\r\n/, ""), "missing_header"],
    [
      "a CSeq method that differs from the request",
      INVITE.replace("314159 INVITE", "1 BYE"),
      "missing_header",
    ],
    ["a Max-Forwards above 255", INVITE.replace("Max-Forwards: 70", "Max-Forwards: 300"), "missing_header"],
    ["a malformed Via", INVITE.replace(/Via: .*\r\n/, "Via: HTTP/1.1 x\r\n"), "missing_header"],
  ])("rejects %s with a typed error", (_name, text, code) => {
    const result = parseSipMessage(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it("keeps a rejected request's method and headers so a 400 can be answered", () => {
    const result = parseSipMessage(INVITE.replace("Content-Length: 4", "Content-Length: x"));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.request?.method).toBe("INVITE");
      expect(result.error.request?.headers.find((h) => h.name === "Call-ID")?.value).toBe(
        "a84b4c76e66710@pc33.atlanta.example.com",
      );
    }
  });

  it("refuses messages over the size limit before parsing them", () => {
    const result = parseSipMessage(INVITE, { maxBytes: 100 });
    expect(!result.ok && result.error.code).toBe("too_large");
  });

  it("parses IPv6 Via hosts and ports", () => {
    expect(parseVia("SIP/2.0/TCP [::1]:5061;branch=z9hG4bKx")).toMatchObject({ host: "[::1]", port: 5061 });
    expect(parseVia("SIP/2.0/UDP host:99999")).toBeUndefined();
  });

  it("reads essentials of a response without Max-Forwards", () => {
    const result = parseSipMessage(INVITE);
    if (!result.ok) throw new Error("parse");
    const response = {
      kind: "response" as const,
      status: 200,
      reason: "OK",
      headers: result.message.headers.filter((h) => h.name !== "Max-Forwards"),
      body: "",
    };
    const ess = readEssentials(response);
    expect(ess.ok && ess.essentials.maxForwards).toBeUndefined();
  });
});
