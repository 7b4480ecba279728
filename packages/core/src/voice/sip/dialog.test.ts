import { describe, expect, it } from "vitest";
import {
  createInDialogRequest,
  createUacDialog,
  createUasDialog,
  receiveInDialogRequest,
  updateDialogFromResponse,
} from "./dialog.js";
import { headerValue, headerValues, type SipRequest, type SipResponse } from "./message.js";

const invite: SipRequest = {
  kind: "request",
  method: "INVITE",
  uri: "sip:1000@sentra.test",
  headers: [
    { name: "Via", value: "SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bKi1" },
    { name: "Max-Forwards", value: "69" },
    { name: "Record-Route", value: "<sip:p2.test;lr>, <sip:p1.test;lr>" },
    { name: "From", value: "Caller <sip:0812@carrier.test>;tag=caller" },
    { name: "To", value: "<sip:1000@sentra.test>" },
    { name: "Call-ID", value: "call-1" },
    { name: "CSeq", value: "10 INVITE" },
    { name: "Contact", value: "<sip:0812@10.0.0.9:5060>" },
  ],
  body: "",
};

const answer = (status: number, contact = "<sip:ivr@127.0.0.1:5060>"): SipResponse => ({
  kind: "response",
  status,
  reason: "OK",
  headers: [
    ...invite.headers.filter((h) => ["Via", "Record-Route", "From", "Call-ID", "CSeq"].includes(h.name)),
    { name: "To", value: "<sip:1000@sentra.test>;tag=sentra" },
    { name: "Contact", value: contact },
  ],
  body: "",
});

describe("SIP dialogs", () => {
  it("creates the UAS dialog with the route set in Record-Route order and the caller's Contact as target", () => {
    const dialog = createUasDialog(invite, answer(200));
    expect(dialog).toMatchObject({
      id: { callId: "call-1", localTag: "sentra", remoteTag: "caller" },
      state: "confirmed",
      role: "uas",
      remoteSeq: 10,
      remoteTarget: "sip:0812@10.0.0.9:5060",
      routeSet: ["<sip:p2.test;lr>", "<sip:p1.test;lr>"],
    });
  });

  it("creates the UAC dialog early on 180 with the route set reversed, then confirms it on 200", () => {
    const early = createUacDialog(invite, answer(180));
    expect(early).toMatchObject({
      state: "early",
      localSeq: 10,
      routeSet: ["<sip:p1.test;lr>", "<sip:p2.test;lr>"],
    });
    const confirmed = early && updateDialogFromResponse(early, answer(200, "<sip:ivr@127.0.0.1:5099>"));
    expect(confirmed).toMatchObject({ state: "confirmed", remoteTarget: "sip:ivr@127.0.0.1:5099" });
  });

  it("needs both tags and a Contact", () => {
    expect(
      createUasDialog(invite, {
        ...answer(200),
        headers: answer(200).headers.filter((h) => h.name !== "To"),
      }),
    ).toBeUndefined();
    expect(
      createUacDialog(invite, {
        ...answer(200),
        headers: answer(200).headers.filter((h) => h.name !== "Contact"),
      }),
    ).toBeUndefined();
  });

  it("builds an in-dialog BYE with loose routing: target as Request-URI, the route set as Route, the next CSeq", () => {
    const dialog = createUasDialog(invite, answer(200));
    if (!dialog) throw new Error("no dialog");
    const { dialog: next, request } = createInDialogRequest(dialog, "BYE", {
      via: "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKb",
    });
    expect(request.uri).toBe("sip:0812@10.0.0.9:5060");
    expect(headerValues(request, "Route")).toEqual(["<sip:p2.test;lr>", "<sip:p1.test;lr>"]);
    expect(headerValue(request, "CSeq")).toBe("1 BYE");
    expect(headerValue(request, "From")).toBe("<sip:1000@sentra.test>;tag=sentra");
    expect(headerValue(request, "To")).toBe('"Caller" <sip:0812@carrier.test>;tag=caller');
    expect(next.localSeq).toBe(1);
  });

  it("uses strict routing when the first route has no lr: that route becomes the Request-URI, the target goes last", () => {
    const dialog = createUasDialog(
      {
        ...invite,
        headers: invite.headers.map((h) =>
          h.name === "Record-Route" ? { ...h, value: "<sip:strict.test>" } : h,
        ),
      },
      answer(200),
    );
    if (!dialog) throw new Error("no dialog");
    const { request } = createInDialogRequest(dialog, "BYE", {
      via: "SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKs",
    });
    expect(request.uri).toBe("sip:strict.test");
    expect(headerValues(request, "Route")).toEqual(["<sip:0812@10.0.0.9:5060>"]);
  });

  it("keeps the INVITE's CSeq number for the ACK of a 2xx", () => {
    const dialog = createUacDialog(invite, answer(200));
    if (!dialog) throw new Error("no dialog");
    const { dialog: same, request } = createInDialogRequest(dialog, "ACK", {
      via: "SIP/2.0/UDP h;branch=z9hG4bKa",
      cseq: { seq: 10, method: "ACK" },
    });
    expect(headerValue(request, "CSeq")).toBe("10 ACK");
    expect(same.localSeq).toBe(10);
  });

  it("accepts rising remote CSeq, refuses a lower one with 500 and terminates on BYE", () => {
    const dialog = createUasDialog(invite, answer(200));
    if (!dialog) throw new Error("no dialog");
    const inDialog = (method: string, seq: number): SipRequest => ({
      ...invite,
      method,
      headers: invite.headers.map((h) => (h.name === "CSeq" ? { ...h, value: `${seq} ${method}` } : h)),
    });
    expect(receiveInDialogRequest(dialog, inDialog("INFO", 9))).toMatchObject({ ok: false, status: 500 });
    const info = receiveInDialogRequest(dialog, inDialog("INFO", 11));
    expect(info).toMatchObject({ ok: true, dialog: { remoteSeq: 11, state: "confirmed" } });
    const bye = info.ok ? receiveInDialogRequest(info.dialog, inDialog("BYE", 12)) : info;
    expect(bye).toMatchObject({ ok: true, dialog: { state: "terminated", remoteSeq: 12 } });
  });
});
