import { describe, expect, it } from "vitest";
import { localDayStart } from "./live-kpis.js";

describe("local day start", () => {
  it.each([
    ["Asia/Jakarta", "2026-11-23T16:59:59.999Z", "2026-11-22T17:00:00.000Z"],
    ["Asia/Jakarta", "2026-11-23T17:00:00.000Z", "2026-11-23T17:00:00.000Z"],
    ["Asia/Makassar", "2026-11-23T03:00:00.000Z", "2026-11-22T16:00:00.000Z"],
    ["Asia/Jayapura", "2026-11-23T15:30:00.000Z", "2026-11-23T15:00:00.000Z"],
    ["Asia/Jakarta", "2026-11-22T16:00:00.000Z", "2026-11-21T17:00:00.000Z"],
  ])("in %s, %s belongs to the day starting %s", (zone, at, expected) => {
    expect(new Date(localDayStart(zone, Date.parse(at))).toISOString()).toBe(expected);
  });
});
