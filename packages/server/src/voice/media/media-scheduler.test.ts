import { describe, expect, it } from "vitest";
import { MediaScheduler, type MediaTick } from "./media-scheduler.js";

describe("media scheduler (fake clock)", () => {
  it("runs ticks on deadlines from the start time, catches up a bounded number, skips the rest", async () => {
    let now = 0n;
    const scheduler = new MediaScheduler({ nowNs: () => now, maxCatchUpTicks: 3 });
    const ticks: MediaTick[] = [];
    const subscription = scheduler.add({ onTick: (tick) => ticks.push(tick) });
    now = 20_000_000n;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(ticks.map((t) => t.index)).toEqual([0]);
    now = 200_000_000n; // a stall of 180 ms: 9 ticks overdue
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(ticks.map((t) => t.index)).toEqual([0, 1, 2, 3]);
    expect(scheduler.stats().skippedTicks).toBe(6);
    expect(ticks[1]?.deadlineMs).toBe(40);
    subscription.remove();
    expect(scheduler.running).toBe(false);
  });

  it("keeps ticking the others when one participant throws", async () => {
    const errors: unknown[] = [];
    const scheduler = new MediaScheduler({ onParticipantError: (e) => errors.push(e) });
    let good = 0;
    scheduler.add({
      onTick: () => {
        throw new Error("boom");
      },
    });
    scheduler.add({ onTick: () => good++ });
    await new Promise((resolve) => setTimeout(resolve, 120));
    scheduler.close();
    expect(good).toBeGreaterThanOrEqual(3);
    expect(errors.length).toBe(good);
    expect(scheduler.running).toBe(false);
  });

  it("does not drift: 100 ticks take 2 s of wall time within a few ms", async () => {
    const scheduler = new MediaScheduler();
    const start = performance.now();
    let last = 0;
    await new Promise<void>((resolve) => {
      const subscription = scheduler.add({
        onTick: (tick) => {
          if (tick.index === 99) {
            last = performance.now() - start;
            subscription.remove();
            resolve();
          }
        },
      });
    });
    expect(last).toBeGreaterThanOrEqual(1999);
    expect(last).toBeLessThan(2100);
  });
});
