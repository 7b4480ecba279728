/**
 * Replication statistics: the mean of independent replications and its Student-t confidence interval
 * (mean ± t(1−α/2, n−1)·s/√n).
 */
export interface ReplicationEstimate {
  readonly mean: number;
  /** Half-width of the confidence interval; null with fewer than two finite samples. */
  readonly halfWidth: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** Replications that produced a value (a ratio with nothing to divide is left out). */
  readonly samples: number;
}

export function replicationEstimate(values: readonly number[], level = 0.95): ReplicationEstimate {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    n++;
    sum += v;
  }
  if (n === 0) return { mean: Number.NaN, halfWidth: null, low: null, high: null, samples: 0 };
  const mean = sum / n;
  if (n < 2) return { mean, halfWidth: null, low: null, high: null, samples: n };
  let squares = 0;
  for (const v of values) if (Number.isFinite(v)) squares += (v - mean) * (v - mean);
  const halfWidth = studentQuantile(1 - (1 - level) / 2, n - 1) * Math.sqrt(squares / (n - 1) / n);
  return { mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth, samples: n };
}

/**
 * Quantile of Student's t with `df` degrees of freedom: exact for df 1 and 2, else the Cornish–Fisher
 * expansion around the normal quantile (error below 1e-3 from df 3 at the 97.5 % point, shrinking with df).
 */
export function studentQuantile(p: number, df: number): number {
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  const z2 = z * z;
  const g1 = ((z2 + 1) * z) / 4;
  const g2 = (((5 * z2 + 16) * z2 + 3) * z) / 96;
  const g3 = ((((3 * z2 + 19) * z2 + 17) * z2 - 15) * z) / 384;
  const g4 = (((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** Standard normal quantile by Acklam's rational approximation (relative error about 1e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}
