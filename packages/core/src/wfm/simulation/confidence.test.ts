import { describe, expect, it } from "vitest";
import { normalQuantile, replicationEstimate, studentQuantile } from "./confidence.js";
import { Random } from "./random.js";

describe("confidence intervals", () => {
  // Two-sided 95 % critical values from the standard t table.
  it.each([
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [5, 2.571],
    [10, 2.228],
    [29, 2.045],
    [59, 2.001],
    [120, 1.98],
  ])("t(0.975, %i) = %f", (df, value) => {
    expect(studentQuantile(0.975, df)).toBeCloseTo(value, 2);
  });

  it("knows the normal quantiles", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it("gives mean ± t·s/√n and skips values that could not be computed", () => {
    const e = replicationEstimate([1, 2, 3, 4, Number.NaN]);
    expect(e.mean).toBe(2.5);
    expect(e.samples).toBe(4);
    expect(e.halfWidth).toBeCloseTo(3.182 * Math.sqrt(5 / 3 / 4), 2);
    expect(replicationEstimate([7]).halfWidth).toBeNull();
  });
});

describe("Random", () => {
  it("repeats per seed and has the right means", () => {
    const a = new Random(42);
    const b = new Random(42);
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
    const r = new Random(7);
    let exp = 0;
    let logn = 0;
    const logs: number[] = [];
    for (let n = 0; n < 20_000; n++) {
      exp += r.exponential(2);
      const x = r.lognormal(300, 150);
      logn += x;
      logs.push(x);
    }
    expect(exp / 20_000).toBeCloseTo(2, 1);
    expect(logn / 20_000 / 300).toBeCloseTo(1, 1);
    const mean = logn / 20_000;
    const sd = Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / 19_999);
    expect(sd / 150).toBeCloseTo(1, 1);
  });
});
