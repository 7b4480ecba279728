import { z } from "zod";

export const forecastAdjustmentBody = z
  .object({
    from: z.iso.datetime({ offset: true, message: "from must be an ISO date-time" }),
    to: z.iso.datetime({ offset: true, message: "to must be an ISO date-time" }),
    /** What to change; volume by default. */
    target: z.enum(["volume", "aht"]).default("volume"),
    /** Multiply, e.g. 1.2 for +20 %. */
    factor: z.number().min(0).max(100).optional(),
    /** Add (may be negative; results never go below 0). */
    delta: z.number().min(-1e6).max(1e6).optional(),
    reason: z.string().trim().min(1, "Say why the forecast is adjusted.").max(500),
  })
  .refine((b) => (b.factor === undefined) !== (b.delta === undefined), {
    message: "Give exactly one of factor or delta.",
  })
  .refine((b) => Date.parse(b.from) < Date.parse(b.to), { message: "from must be before to." });
export type ForecastAdjustment = z.infer<typeof forecastAdjustmentBody>;

export interface AdjustableInterval {
  /** Epoch milliseconds of the interval start. */
  readonly startMs: number;
  readonly volume: number;
  readonly ahtSeconds: number | null;
}

/**
 * Applies one adjustment to the intervals starting in [from, to): ×factor or +delta on the chosen figure,
 * floored at 0. A delta on volume is per interval. Untouched intervals come back as the same objects.
 */
export function applyAdjustment<T extends AdjustableInterval>(
  intervals: readonly T[],
  adjustment: Pick<ForecastAdjustment, "from" | "to" | "target" | "factor" | "delta">,
): T[] {
  const from = Date.parse(adjustment.from);
  const to = Date.parse(adjustment.to);
  const change = (value: number) =>
    Math.max(
      0,
      adjustment.factor !== undefined ? value * adjustment.factor : value + (adjustment.delta ?? 0),
    );
  return intervals.map((interval) => {
    if (interval.startMs < from || interval.startMs >= to) return interval;
    if (adjustment.target === "aht")
      return interval.ahtSeconds === null
        ? interval
        : { ...interval, ahtSeconds: change(interval.ahtSeconds) };
    return { ...interval, volume: change(interval.volume) };
  });
}
