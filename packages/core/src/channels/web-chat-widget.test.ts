import { describe, expect, it } from "vitest";
import {
  checkAttachment,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  webChatAvailability,
  webChatKeyBody,
  webChatKeyPatch,
  webChatTranscript,
  webChatWidgetSettings,
} from "./index.js";

const MB = 1024 * 1024;
const weekdays = {
  "1": [["08:00", "17:00"]],
  "2": [["08:00", "17:00"]],
  "3": [["08:00", "17:00"]],
  "4": [["08:00", "17:00"]],
  "5": [
    ["08:00", "12:00"],
    ["13:00", "17:00"],
  ],
} as const;
const hoursIn = (timeZone: string) =>
  webChatWidgetSettings.parse({ hours: { timeZone, weekly: weekdays }, offlineWhenNoAgents: false });

describe("web chat opening hours", () => {
  // Monday 2026-11-23: 01:30 UTC is 08:30 WIB (UTC+7), 09:30 WITA (UTC+8) and 10:30 WIT (UTC+9).
  it.each([
    ["Asia/Jakarta", "2026-11-23T00:59:00Z", false],
    ["Asia/Jakarta", "2026-11-23T01:00:00Z", true],
    ["Asia/Jakarta", "2026-11-23T09:59:00Z", true],
    ["Asia/Jakarta", "2026-11-23T10:00:00Z", false],
    ["Asia/Makassar", "2026-11-23T00:00:00Z", true],
    ["Asia/Makassar", "2026-11-22T23:59:00Z", false],
    ["Asia/Makassar", "2026-11-23T09:00:00Z", false],
    ["Asia/Jayapura", "2026-11-22T23:00:00Z", true],
    ["Asia/Jayapura", "2026-11-23T08:00:00Z", false],
    // Friday prayer break 12:00–13:00 WIB.
    ["Asia/Jakarta", "2026-11-27T05:30:00Z", false],
    ["Asia/Jakarta", "2026-11-27T06:00:00Z", true],
    // Saturday and Sunday are closed.
    ["Asia/Jakarta", "2026-11-28T03:00:00Z", false],
    ["Asia/Jakarta", "2026-11-29T03:00:00Z", false],
  ])("in %s at %s the chat is open: %s", (zone, at, open) => {
    expect(webChatAvailability(hoursIn(zone), 5, Date.parse(at)).online).toBe(open);
  });

  it("one instant is open in Jayapura while Jakarta has not opened yet", () => {
    const at = Date.parse("2026-11-23T00:30:00Z"); // 07:30 WIB, 09:30 WIT
    expect(webChatAvailability(hoursIn("Asia/Jakarta"), 1, at)).toEqual({ online: false, reason: "closed" });
    expect(webChatAvailability(hoursIn("Asia/Jayapura"), 1, at)).toEqual({ online: true });
  });

  it("a holiday closes the whole local day", () => {
    const settings = webChatWidgetSettings.parse({
      hours: { timeZone: "Asia/Jakarta", weekly: weekdays, holidays: ["2026-11-23"] },
    });
    expect(webChatAvailability(settings, 3, Date.parse("2026-11-23T03:00:00Z"))).toEqual({
      online: false,
      reason: "closed",
    });
  });

  it("without hours it is open around the clock, unless nobody is logged in", () => {
    const settings = webChatWidgetSettings.parse({});
    expect(webChatAvailability(settings, 1, Date.parse("2026-11-29T20:00:00Z"))).toEqual({ online: true });
    expect(webChatAvailability(settings, 0, 0)).toEqual({ online: false, reason: "no_agents" });
    expect(webChatAvailability({ ...settings, offlineWhenNoAgents: false }, 0, 0)).toEqual({ online: true });
  });

  it("closed hours win over logged-in agents, and are reported as closed", () => {
    const settings = { ...hoursIn("Asia/Jakarta"), offlineWhenNoAgents: true };
    expect(webChatAvailability(settings, 0, Date.parse("2026-11-28T03:00:00Z"))).toEqual({
      online: false,
      reason: "closed",
    });
  });

  it("refuses a time zone that does not exist and times that are not HH:MM", () => {
    expect(
      webChatWidgetSettings.safeParse({ hours: { timeZone: "Asia/Atlantis", weekly: {} } }).success,
    ).toBe(false);
    expect(
      webChatWidgetSettings.safeParse({
        hours: { timeZone: "Asia/Jakarta", weekly: { "1": [["8", "17:00"]] } },
      }).success,
    ).toBe(false);
  });
});

describe("web chat attachment limits", () => {
  const defaults = webChatWidgetSettings.parse({}).attachments;

  it("defaults to 10 MB of images, PDF and office documents", () => {
    expect(defaults.maxBytes).toBe(DEFAULT_ATTACHMENT_MAX_BYTES);
    expect(DEFAULT_ATTACHMENT_MAX_BYTES).toBe(10 * MB);
    for (const type of ["image/png", "image/jpeg", "application/pdf", "application/msword"]) {
      expect(checkAttachment(defaults, type, 1000)).toEqual({ ok: true });
    }
  });

  it.each([
    ["application/x-msdownload", 100, "type_not_allowed", "application/x-msdownload"],
    ["text/html", 100, "type_not_allowed", "text/html"],
    ["image/png", 10 * MB + 1, "too_large", "up to 10 MB"],
    ["image/png", 0, "empty", "empty"],
  ])("refuses %s of %i bytes as %s, naming the limit", (type, size, reason, text) => {
    const verdict = checkAttachment(defaults, type, size);
    expect(verdict).toMatchObject({ ok: false, reason });
    expect(verdict.ok ? "" : verdict.message).toContain(text);
  });

  it("accepts a file of exactly the limit and reads the type without its parameters", () => {
    expect(checkAttachment(defaults, "IMAGE/PNG; name=x", 10 * MB)).toEqual({ ok: true });
  });

  it("follows a key's own limits", () => {
    const strict = webChatWidgetSettings.parse({ attachments: { maxBytes: 2 * MB, types: ["image/png"] } });
    expect(checkAttachment(strict.attachments, "application/pdf", 10)).toMatchObject({ ok: false });
    expect(checkAttachment(strict.attachments, "image/png", 3 * MB)).toMatchObject({
      ok: false,
      reason: "too_large",
    });
  });
});

describe("web chat key settings", () => {
  it("a new key gets the default settings, and a patch changes only the fields it names", () => {
    const body = webChatKeyBody.parse({ name: "Site", queueId: "6f1c1c4e-2a53-4d8e-9a54-8f0f4f9a1b2c" });
    expect(body.settings.attachments.maxBytes).toBe(10 * MB);
    expect(body.settings.hours).toBeNull();
    expect(webChatKeyPatch.parse({ name: "Renamed" })).toEqual({ name: "Renamed" });
  });
});

describe("web chat transcript", () => {
  const lines = [
    {
      from: "visitor",
      text: "Kartu saya hilang",
      createdAt: "2026-11-23T01:30:00Z",
      fileNames: ["kartu.png"],
    },
    { from: "agent", text: "Kami blokir sekarang.", createdAt: "2026-11-23T01:31:00Z", fileNames: [] },
  ] as const;

  it("lists every message in order with its local time, sender and files", () => {
    const { subject, text } = webChatTranscript({
      visitorName: "Budi",
      language: "id",
      timeZone: "Asia/Makassar",
      lines,
    });
    expect(subject).toBe("Transkrip obrolan Anda");
    expect(text).toContain("[2026-11-23 09:30] Anda (Budi): Kartu saya hilang\n    [Berkas: kartu.png]");
    expect(text.indexOf("Kartu saya hilang")).toBeLessThan(
      text.indexOf("[2026-11-23 09:31] Agen: Kami blokir"),
    );
  });

  it("is in English for any language but Indonesian", () => {
    const { subject, text } = webChatTranscript({
      visitorName: "Ann",
      language: "en",
      timeZone: "Asia/Jakarta",
      lines,
    });
    expect(subject).toBe("Transcript of your chat");
    expect(text).toContain("[2026-11-23 08:30] You (Ann)");
  });
});
