import { describe, expect, it } from "vitest";
import { formatNameAddr, formatSipUri, paramValue, parseNameAddr, parseSipUri } from "./uri.js";

describe("SIP URIs and name-addr", () => {
  it("parses user, password, host, port, params and headers of a SIP URI and formats it back", () => {
    const text =
      "sips:alice:secret@atlanta.example.com:5061;transport=tcp;lr?subject=project&priority=urgent";
    const uri = parseSipUri(text);
    expect(uri).toMatchObject({
      scheme: "sips",
      user: "alice",
      password: "secret",
      host: "atlanta.example.com",
      port: 5061,
    });
    expect(uri && paramValue(uri.params, "lr")).toBeNull();
    expect(uri && paramValue(uri.params, "transport")).toBe("tcp");
    expect(uri?.headers).toEqual([
      ["subject", "project"],
      ["priority", "urgent"],
    ]);
    expect(uri && formatSipUri(uri)).toBe(text);
  });

  it.each(["sip:", "http://x", "sip:@host", "sip:a@", "sip:a@host:0", "sip:a@ho st", "sip:a@[::1"])(
    "refuses the malformed URI %s",
    (text) => expect(parseSipUri(text)).toBeUndefined(),
  );

  it("parses IPv6 hosts", () => {
    expect(parseSipUri("sip:1000@[2001:db8::1]:5060")).toMatchObject({ host: "[2001:db8::1]", port: 5060 });
  });

  it("parses a name-addr with a quoted display name and header params", () => {
    const addr = parseNameAddr('"Agent \\"Ana\\"" <sip:ana@sentra.test;transport=udp>;tag=abc;expires=60');
    expect(addr).toEqual({
      displayName: 'Agent "Ana"',
      uri: "sip:ana@sentra.test;transport=udp",
      params: [
        ["tag", "abc"],
        ["expires", "60"],
      ],
    });
    expect(addr && parseNameAddr(formatNameAddr(addr))).toEqual(addr);
  });

  it("gives the params of an addr-spec without brackets to the header, not the URI", () => {
    expect(parseNameAddr("sip:bob@x.example;tag=9")).toEqual({
      uri: "sip:bob@x.example",
      params: [["tag", "9"]],
    });
    expect(parseNameAddr("Bob <tel:+62211234>")).toMatchObject({ displayName: "Bob", uri: "tel:+62211234" });
    expect(parseNameAddr("*")).toEqual({ uri: "*", params: [] });
  });

  it.each(["", "<sip:a@b", '"unterminated <sip:a@b>', "<not a uri>", "<sip:a@b> junk"])(
    "refuses the malformed name-addr %s",
    (text) => expect(parseNameAddr(text)).toBeUndefined(),
  );
});
