import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "../routing/types.js";
import { assertCaseTransition, tierAbove } from "./case-lifecycle.js";
import { followUpFor } from "./follow-up.js";
import {
  type CaseClock,
  dueAt,
  elapsedBusinessMs,
  nextEscalation,
  nextEscalationAt,
  pausedAfterResume,
  pickSlaPolicy,
  type SlaPolicy,
  slaDueTimes,
} from "./sla.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const wib = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 7, mi);
const weekdays = ["08:00", "17:00"] as const;
const jakarta: BusinessCalendar = {
  timeZone: "Asia/Jakarta",
  weekly: { 1: [weekdays], 2: [weekdays], 3: [weekdays], 4: [weekdays], 5: [weekdays] },
  holidays: ["2026-12-25"],
};
const policy: SlaPolicy = {
  firstResponseMs: 2 * HOUR,
  resolutionMs: 10 * HOUR,
  calendar: jakarta,
  escalations: [
    { on: "resolution", atPercent: 80, toTier: "supervisor" },
    { on: "resolution", atPercent: 100, toTier: "back_office" },
  ],
};
// Opened Thursday 24 Dec 2026 at 15:00 WIB, the day before Christmas.
const opened: CaseClock = {
  status: "open",
  tier: "agent",
  openedAt: wib(2026, 12, 24, 15),
  pausedBusinessMs: 0,
};

describe("SLA due times", () => {
  it("counts targets in business hours across a holiday and a weekend", () => {
    const due = slaDueTimes(policy, opened);
    expect(due.firstResponseDueAt).toBe(wib(2026, 12, 24, 17));
    // 2 h Thursday, Friday holiday, weekend, 8 h… Monday 08–16 makes the tenth hour.
    expect(due.resolutionDueAt).toBe(wib(2026, 12, 28, 16));
  });

  it("pauses while pending the customer and pushes the due time back by the paused business time", () => {
    const paused: CaseClock = { ...opened, status: "pending_customer", pausedSince: wib(2026, 12, 24, 16) };
    expect(slaDueTimes(policy, paused).resolutionDueAt).toBeNull();
    expect(nextEscalation(policy, paused, wib(2027, 1, 30, 12))).toBeNull();
    expect(elapsedBusinessMs(policy, paused, wib(2026, 12, 28, 12))).toBe(HOUR);
    // Resumed Monday 10:00: one hour Thursday and two on Monday were the customer's.
    const resumed: CaseClock = {
      ...opened,
      pausedBusinessMs: pausedAfterResume(policy, paused, wib(2026, 12, 28, 10)),
    };
    expect(resumed.pausedBusinessMs).toBe(3 * HOUR);
    expect(slaDueTimes(policy, resumed).resolutionDueAt).toBe(wib(2026, 12, 29, 10));
  });

  it("escalates to the supervisor at 80 % and to the back office at breach, highest tier first", () => {
    const at80 = dueAt(jakarta, opened.openedAt, 8 * HOUR);
    expect(nextEscalationAt(policy, opened)).toBe(at80);
    expect(nextEscalation(policy, opened, at80 - 1)).toBeNull();
    expect(nextEscalation(policy, opened, at80)).toMatchObject({
      tier: "supervisor",
      reason: "80% of the resolution target has passed.",
    });
    const late = wib(2026, 12, 28, 16);
    expect(nextEscalation(policy, opened, late)).toMatchObject({ tier: "back_office" });
    const atSupervisor: CaseClock = { ...opened, tier: "supervisor", status: "escalated" };
    expect(nextEscalationAt(policy, atSupervisor)).toBe(late);
    expect(nextEscalationAt(policy, { ...atSupervisor, tier: "back_office" })).toBeNull();
    expect(nextEscalation(policy, { ...opened, status: "resolved" }, late)).toBeNull();
  });

  it("first-response rules stop once the customer got a first response", () => {
    const quick: SlaPolicy = {
      ...policy,
      escalations: [{ on: "first_response", atPercent: 100, toTier: "supervisor" }],
    };
    expect(nextEscalation(quick, { ...opened, status: "new" }, wib(2026, 12, 24, 17))?.tier).toBe(
      "supervisor",
    );
    expect(
      nextEscalation(quick, { ...opened, firstRespondedAt: opened.openedAt + 1 }, wib(2027, 1, 4, 9)),
    ).toBeNull();
  });

  it("picks the most specific policy", () => {
    const all = [
      { ...policy, name: "default" },
      { ...policy, name: "complaints", caseType: "complaint" as const },
      { ...policy, name: "urgent", priority: "urgent" as const },
      { ...policy, name: "urgent complaints", caseType: "complaint" as const, priority: "urgent" as const },
    ];
    expect(pickSlaPolicy(all, "complaint", "urgent")?.name).toBe("urgent complaints");
    expect(pickSlaPolicy(all, "complaint", "low")?.name).toBe("complaints");
    expect(pickSlaPolicy(all, "request", "urgent")?.name).toBe("urgent");
    expect(pickSlaPolicy(all, "inquiry", "normal")?.name).toBe("default");
    expect(pickSlaPolicy([], "inquiry", "normal")).toBeUndefined();
  });

  it("escalation times are monotone in the percentage (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (a, b) => {
        const at = (pct: number) =>
          nextEscalationAt(
            { ...policy, escalations: [{ on: "resolution", atPercent: pct, toTier: "supervisor" }] },
            opened,
          )!;
        if (a <= b) expect(at(a)).toBeLessThanOrEqual(at(b));
      }),
      { numRuns: 50 },
    );
  });
});

describe("case lifecycle", () => {
  const now = wib(2027, 1, 4, 9);
  it.each([
    ["new", "open"],
    ["open", "pending_customer"],
    ["pending_customer", "open"],
    ["escalated", "resolved"],
    ["resolved", "closed"],
  ] as const)("allows %s → %s", (from, to) => {
    expect(() => assertCaseTransition(from, to, { now })).not.toThrow();
  });

  it.each([
    ["closed", "open", "case_closed"],
    ["open", "open", "case_status_unchanged"],
    ["resolved", "pending_customer", "case_transition_not_allowed"],
    ["open", "escalated", "escalate_with_reason"],
    ["new", "new", "case_status_unchanged"],
  ] as const)("refuses %s → %s (%s)", (from, to, code) => {
    expect(() => assertCaseTransition(from, to, { now })).toThrow(expect.objectContaining({ code }));
  });

  it("reopens a resolved case only within the window", () => {
    expect(() => assertCaseTransition("resolved", "open", { now, resolvedAt: now - 6 * DAY })).not.toThrow();
    expect(() => assertCaseTransition("resolved", "open", { now, resolvedAt: now - 8 * DAY })).toThrow(
      expect.objectContaining({ code: "case_reopen_window_passed" }),
    );
    expect(() =>
      assertCaseTransition("resolved", "open", { now, resolvedAt: now - 8 * DAY, reopenWindowDays: 10 }),
    ).not.toThrow();
    expect(() => assertCaseTransition("open", "escalated", { now, byEscalation: true })).not.toThrow();
  });

  it("climbs agent → supervisor → back office", () => {
    expect(tierAbove("agent")).toBe("supervisor");
    expect(tierAbove("supervisor")).toBe("back_office");
    expect(tierAbove("back_office")).toBeUndefined();
  });
});

describe("follow-up rule", () => {
  const context = { now: wib(2026, 12, 24, 16), calendar: jakarta, followUpMs: 2 * HOUR };
  it("calls back a customer who asked, due in business time unless a time is named", () => {
    expect(followUpFor({ kind: "callback_requested", reason: "Call me" }, context)).toEqual({
      channel: "callback",
      dueAt: wib(2026, 12, 28, 9),
      reason: "Call me",
    });
    expect(followUpFor({ kind: "callback_requested", reason: "x", dueAt: 5 }, context)?.dueAt).toBe(5);
  });

  it("informs the customer of a back-office escalation and of an escalated case's result only", () => {
    expect(followUpFor({ kind: "escalated", toTier: "supervisor" }, context)).toBeNull();
    expect(followUpFor({ kind: "escalated", toTier: "back_office" }, context)?.channel).toBe("outbound");
    expect(followUpFor({ kind: "resolved", highestTier: "agent" }, context)).toBeNull();
    expect(followUpFor({ kind: "resolved", highestTier: "supervisor" }, context)?.reason).toMatch(/result/);
  });
});
