import { describe, expect, it } from "vitest";
import { LatencyHistogram, RtpReceptionStats } from "./reception-stats.js";

describe("reception statistics", () => {
  it("counts lost packets and the fraction lost per report interval", () => {
    const stats = new RtpReceptionStats();
    for (let s = 0; s < 100; s++) if (s % 10 !== 3) stats.record(s, s * 160, s * 20);
    expect(stats.expected).toBe(100);
    expect(stats.lost).toBe(10);
    const block = stats.reportBlock(42);
    expect(block).toMatchObject({ ssrc: 42, cumulativeLost: 10, fractionLost: Math.floor((10 * 256) / 100) });
    expect(stats.reportBlock(42).fractionLost).toBe(0);
  });

  it("measures lateness against the earliest transit and jitter near zero for a steady stream", () => {
    const stats = new RtpReceptionStats();
    for (let s = 0; s < 50; s++)
      stats.record(s, (0xffffff00 + s * 160) >>> 0, 1000 + s * 20 + (s === 25 ? 30 : 0));
    expect(stats.lateness.percentile(100)).toBeCloseTo(30, 0);
    expect(stats.lateness.percentile(50)).toBeLessThanOrEqual(0.5);
    expect(stats.jitterMs).toBeLessThan(5);
  });

  it("merges histograms and reads percentiles", () => {
    const a = new LatencyHistogram(1, 100);
    const b = new LatencyHistogram(1, 100);
    for (let i = 0; i < 99; i++) a.record(1);
    b.record(50);
    a.merge(b);
    expect(a.count).toBe(100);
    expect(a.percentile(99)).toBe(2);
    expect(a.percentile(100)).toBe(50);
  });
});
