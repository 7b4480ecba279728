import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { imapAccountBody, imapAccountPatch, imapFetchStart, imapRetryDelayMs } from "./imap-contracts.js";

describe("IMAP account contracts", () => {
  it("defaults to TLS on port 993 and the INBOX folder", () => {
    const body = imapAccountBody.parse({
      emailAddressId: "7f1c1a4e-4a70-4c52-9d3c-6c1d2e4f5a6b",
      host: "imap.bank.example",
      username: "support",
      password: "s3cret",
    });
    expect(body).toMatchObject({ port: 993, security: "tls", folder: "INBOX", enabled: true });
  });

  it("changes only the fields a patch names", () => {
    expect(imapAccountPatch.parse({ password: "new" })).toEqual({ password: "new" });
  });

  it("refuses a host with spaces or a URL in it", () => {
    for (const host of ["imap bank", "imap://bank.example", ""]) {
      expect(
        imapAccountBody.safeParse({
          emailAddressId: "7f1c1a4e-4a70-4c52-9d3c-6c1d2e4f5a6b",
          host,
          username: "u",
          password: "p",
        }).success,
      ).toBe(false);
    }
  });

  it("fetches after the last seen UID while UIDVALIDITY holds, and from the start when it changed", () => {
    expect(imapFetchStart({ uidValidity: "7", lastUid: 41 }, { uidValidity: "7" })).toEqual({
      fromUid: 42,
      reset: false,
    });
    expect(imapFetchStart({ uidValidity: "7", lastUid: 41 }, { uidValidity: "8" })).toEqual({
      fromUid: 1,
      reset: true,
    });
    expect(imapFetchStart({ uidValidity: null, lastUid: 0 }, { uidValidity: "8" })).toEqual({
      fromUid: 1,
      reset: false,
    });
  });

  it("backs off by doubling from the interval, never below it and never above the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600_000 }), fc.integer({ min: 0, max: 100 }), (interval, n) => {
        const delay = imapRetryDelayMs(interval, n);
        const next = imapRetryDelayMs(interval, n + 1);
        expect(delay).toBeGreaterThanOrEqual(interval);
        expect(delay).toBeLessThanOrEqual(Math.max(interval, 300_000));
        expect(next).toBeGreaterThanOrEqual(delay);
      }),
    );
    expect(imapRetryDelayMs(1000, 0)).toBe(1000);
    expect(imapRetryDelayMs(1000, 3)).toBe(8000);
  });
});
