import { z } from "zod";
import { CHANNELS } from "../routing/types.js";
import { FORECAST_METHODS } from "./forecast.js";
import { INTERVAL_MINUTES } from "./interval-history.js";
import { SPECIAL_DAY_KINDS } from "./special-days.js";

/** HTTP shapes of the WFM forecasting API, shared by the server and the web app. */
const intervalMinutes = z.coerce
  .number()
  .refine((n) => (INTERVAL_MINUTES as readonly number[]).includes(n), "interval must be 15, 30 or 60")
  .transform((n) => n as (typeof INTERVAL_MINUTES)[number]);
const isoDate = z.iso.date("must be a date YYYY-MM-DD");
const isoDateTime = z.iso.datetime({ offset: true, message: "must be an ISO date-time" });

export const historyQuery = z.object({
  queue: z.string().min(1).max(200).optional(),
  channel: z.enum(CHANNELS).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  interval: intervalMinutes.default(30),
});

export const historyIntervalView = z.object({
  intervalStart: z.string(),
  queue: z.string().nullable(),
  channel: z.string().nullable(),
  arrivals: z.number(),
  handled: z.number(),
  abandoned: z.number(),
  ahtSeconds: z.number().nullable(),
});

export const historyImportQuery = z.object({
  interval: intervalMinutes.default(15),
});

export const historyImportView = z.object({
  format: z.enum(["anonymous_bank", "intervals"]),
  rows: z.number(),
  intervalsStored: z.number(),
  rejected: z.array(z.object({ line: z.number(), message: z.string() })),
});

export const historyRebuildBody = z.object({
  from: isoDateTime,
  to: isoDateTime,
  interval: intervalMinutes.default(15),
});

export const specialDayView = z.object({
  id: z.string(),
  date: z.string(),
  kind: z.enum(SPECIAL_DAY_KINDS),
  name: z.string(),
  factor: z.number(),
});

export const forecastBody = z.object({
  /** Queue name as in the history; omitted = all queues together. */
  queue: z.string().trim().min(1).max(200).optional(),
  channel: z.enum(CHANNELS).optional(),
  interval: intervalMinutes.default(30),
  horizonStart: isoDate,
  horizonDays: z.number().int().min(1).max(62).default(7),
  method: z.enum(["auto", ...FORECAST_METHODS]).default("auto"),
  /** Weeks held out in the backtest (each forecast from the data before it). */
  holdoutWeeks: z.number().int().min(1).max(12).default(3),
});

const methodScoreView = z.object({
  method: z.enum(FORECAST_METHODS),
  mape: z.number().nullable(),
  wape: z.number().nullable(),
  intervals: z.number(),
  days: z.number(),
});

export const forecastSummaryView = z.object({
  id: z.string(),
  queue: z.string().nullable(),
  channel: z.string().nullable(),
  interval: z.number(),
  horizonStart: z.string(),
  horizonDays: z.number(),
  timeZone: z.string(),
  requestedMethod: z.string(),
  method: z.enum(FORECAST_METHODS),
  backtest: z.object({ scores: z.array(methodScoreView), heldOutDays: z.array(z.string()) }),
  createdAt: z.string(),
});

export const forecastIntervalView = z.object({
  intervalStart: z.string(),
  volume: z.number(),
  ahtSeconds: z.number().nullable(),
  adjustedVolume: z.number(),
  adjustedAhtSeconds: z.number().nullable(),
  actualVolume: z.number().nullable(),
  actualAhtSeconds: z.number().nullable(),
});

export const forecastView = forecastSummaryView.extend({
  intervals: z.array(forecastIntervalView),
  specialDays: z.array(z.object({ date: z.string(), kind: z.string(), name: z.string(), basis: z.string() })),
  adjustments: z.array(
    z.object({
      id: z.string(),
      from: z.string(),
      to: z.string(),
      target: z.enum(["volume", "aht"]),
      factor: z.number().nullable(),
      delta: z.number().nullable(),
      reason: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export const staffingQuery = z.object({
  slTarget: z.coerce.number().min(0).max(0.999).default(0.8),
  slSeconds: z.coerce.number().min(0).max(3600).default(20),
  maxAsaSeconds: z.coerce.number().min(0).max(86_400).optional(),
  shrinkage: z.coerce.number().min(0).max(0.95).default(0),
  maxOccupancy: z.coerce.number().gt(0).max(1).optional(),
  /** Mean caller patience in seconds: switches the model to Erlang A. */
  patienceSeconds: z.coerce.number().gt(0).max(86_400).optional(),
  /** Chats held at once per agent (chat forecasts); divides AHT. */
  concurrency: z.coerce.number().min(1).max(20).default(1),
  /**
   * Response-time target in seconds for deferrable work (email): switches to the deferred method, which spreads
   * each interval's work over this window instead of queueing it (see requiredDeferredAgents).
   */
  responseSeconds: z.coerce
    .number()
    .gt(0)
    .max(30 * 86_400)
    .optional(),
});

export const staffingView = z.object({
  forecastId: z.string(),
  model: z.enum(["erlang_c", "erlang_a", "deferred"]),
  /** Deferred model only: handle seconds spread past the horizon's end. */
  carriedOverSeconds: z.number().optional(),
  intervals: z.array(
    z.object({
      intervalStart: z.string(),
      volume: z.number(),
      ahtSeconds: z.number().nullable(),
      agents: z.number(),
      scheduled: z.number(),
      serviceLevel: z.number(),
      asaSeconds: z.number().nullable(),
      occupancy: z.number(),
      probabilityOfAbandoning: z.number(),
    }),
  ),
});
