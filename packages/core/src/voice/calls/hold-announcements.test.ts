import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dtmfFromSipInfo,
  expectedWaitSeconds,
  holdAnnouncement,
  MAX_ANNOUNCED_WAIT_MINUTES,
} from "./hold-announcements.js";

describe("hold announcements", () => {
  it("tells the caller their place in line and the expected wait in whole minutes, rounded up", () => {
    expect(holdAnnouncement({ position: 3, expectedWaitSeconds: 130 })).toEqual([
      { kind: "prompt", id: "position-in-queue" },
      { kind: "digits", digits: "3" },
      { kind: "prompt", id: "expected-wait" },
      { kind: "digits", digits: "3" },
      { kind: "prompt", id: "minutes" },
    ]);
  });

  it("says only the position when the queue has no history to estimate from", () => {
    expect(holdAnnouncement({ position: 1, expectedWaitSeconds: null })).toEqual([
      { kind: "prompt", id: "position-in-queue" },
      { kind: "digits", digits: "1" },
    ]);
  });

  it("caps long waits at 'more than 30 minutes' and never promises less than a minute", () => {
    expect(holdAnnouncement({ position: 0, expectedWaitSeconds: 4 * 3600 })).toEqual([
      { kind: "prompt", id: "wait-more-than" },
      { kind: "digits", digits: String(MAX_ANNOUNCED_WAIT_MINUTES) },
      { kind: "prompt", id: "minutes" },
    ]);
    expect(holdAnnouncement({ position: 0, expectedWaitSeconds: 5 })).toContainEqual({
      kind: "digits",
      digits: "1",
    });
  });

  it("always reads out whole numbers of digits only", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 100_000 }),
        fc.option(fc.double({ min: -10, max: 1e7 })),
        (p, w) => {
          for (const item of holdAnnouncement({ position: p, expectedWaitSeconds: w ?? null }))
            if (item.kind === "digits") expect(item.digits).toMatch(/^[1-9][0-9]*$/);
        },
      ),
    );
  });

  it("estimates the wait from the recent answer rate, and not at all without one", () => {
    expect(expectedWaitSeconds(4, 0.1)).toBe(40);
    expect(expectedWaitSeconds(4, 0)).toBeNull();
    expect(expectedWaitSeconds(0, 1)).toBeNull();
  });
});

describe("DTMF over SIP INFO", () => {
  it("reads dtmf-relay and plain dtmf bodies, including 10 and 11 for * and #", () => {
    expect(dtmfFromSipInfo("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n")).toBe("5");
    expect(dtmfFromSipInfo("application/dtmf-relay; charset=x", "signal= #\r\n")).toBe("#");
    expect(dtmfFromSipInfo("application/dtmf-relay", "Signal=10\r\n")).toBe("*");
    expect(dtmfFromSipInfo("application/dtmf", "11")).toBe("#");
  });

  it("ignores other bodies and signals that are not keys", () => {
    expect(dtmfFromSipInfo("application/sdp", "Signal=5")).toBeNull();
    expect(dtmfFromSipInfo("application/dtmf-relay", "Signal=Z\r\n")).toBeNull();
    expect(dtmfFromSipInfo("application/dtmf-relay", "")).toBeNull();
  });
});
