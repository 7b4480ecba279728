/**
 * Response shapes of the WFM API (/api/v1/wfm/*). The web build sees only roles and contracts from
 * @sentra/core, so what the pages read is declared here, mirroring the server's route files.
 */
import { ApiError, api } from "./http";

export * from "./wfm-simulation";

/** GET /wfm/history (core wfm/wfm-contracts.ts historyIntervalView). Queues are named as in the history. */
export interface HistoryInterval {
  intervalStart: string;
  queue: string | null;
  channel: string | null;
  arrivals: number;
  handled: number;
  abandoned: number;
  ahtSeconds: number | null;
}

export interface HistoryReply {
  timeZone: string;
  items: HistoryInterval[];
}

/** POST /wfm/history/import: rows read, intervals stored, and one entry per rejected line. */
export interface HistoryImportReport {
  format: "anonymous_bank" | "intervals";
  rows: number;
  intervalsStored: number;
  rejected: { line: number; message: string }[];
}

export const FORECAST_METHODS = [
  "seasonal_naive",
  "weekday_average",
  "holt_winters",
  "weekday_profile",
] as const;
export type ForecastMethodName = string;

export interface BacktestScore {
  method: ForecastMethodName;
  mape: number | null;
  wape: number | null;
  intervals?: number;
  days?: number;
}

export interface ForecastInterval {
  intervalStart: string;
  volume: number;
  ahtSeconds: number | null;
  adjustedVolume: number;
  adjustedAhtSeconds: number | null;
  actualVolume: number | null;
  actualAhtSeconds: number | null;
}

export interface ForecastAdjustment {
  id: string;
  from: string;
  to: string;
  target: "volume" | "aht";
  factor: number | null;
  delta: number | null;
  reason: string;
  createdAt: string;
}

export interface ForecastAdjustmentBody {
  from: string;
  to: string;
  target: "volume" | "aht";
  factor: number;
  reason: string;
}

export interface ForecastSummary {
  id: string;
  queue: string | null;
  channel: string | null;
  interval: number;
  horizonStart: string;
  horizonDays: number;
  timeZone: string;
  requestedMethod: string;
  method: ForecastMethodName;
  backtest: { scores: BacktestScore[]; heldOutDays: string[] };
  createdAt: string;
}

export interface Forecast extends ForecastSummary {
  intervals: ForecastInterval[];
  specialDays: { date: string; kind: string; name: string; basis: string }[];
  adjustments: ForecastAdjustment[];
}

export interface StaffingInterval {
  intervalStart: string;
  volume: number;
  ahtSeconds: number | null;
  /** Agents needed on the phones (Erlang C or A). */
  agents: number;
  /** Heads to schedule once shrinkage is added. */
  scheduled: number;
  serviceLevel: number;
  asaSeconds: number | null;
  occupancy: number;
  probabilityOfAbandoning: number;
}

export interface StaffingReply {
  forecastId: string;
  model: "erlang_c" | "erlang_a" | "deferred";
  intervals: StaffingInterval[];
}

export const SPECIAL_DAY_KINDS = ["holiday", "payday", "campaign", "other"] as const;
export type SpecialDayKind = (typeof SPECIAL_DAY_KINDS)[number];

export interface SpecialDay {
  id: string;
  date: string;
  kind: SpecialDayKind;
  name: string;
  /** Multiplier on the normal forecast when history has no earlier day of the same kind. */
  factor: number;
}

export interface ShiftBreakRule {
  kind: "break" | "lunch";
  durationMinutes: number;
  earliestOffsetMinutes: number;
  latestEndOffsetMinutes: number;
  paid: boolean;
}

/** GET /wfm/shift-templates (server wfm/schedule-setup-service.ts); weekdays are ISO, 1 = Monday. */
export interface ShiftTemplate {
  id: string;
  name: string;
  earliestStartMinute: number;
  latestStartMinute: number;
  startStepMinutes: number;
  lengthMinutes: number;
  weekdays: number[];
  cost: number;
  breaks: ShiftBreakRule[];
}

export type ActivityKind = "work" | "break" | "lunch" | "prayer" | "training" | "off";

/** Positions are minutes from the schedule's week start; startsAt/endsAt are the same as instants. */
export interface ScheduledActivity {
  kind: ActivityKind;
  start: number;
  end: number;
  startsAt: string;
  endsAt: string;
}

export interface ScheduledShift {
  id: string;
  scheduleId: string;
  agentId: string;
  templateId: string | null;
  /** Day of the week, 0 = the week-start date. */
  day: number;
  start: number;
  end: number;
  startsAt: string;
  endsAt: string;
  activities: ScheduledActivity[];
}

/** GET /wfm/schedules/:id (server wfm/schedule-views.ts scheduleView). Arrays run per interval of the week. */
export interface Schedule {
  id: string;
  teamId: string | null;
  weekStart: string;
  startsAt: string;
  intervalMinutes: number;
  status: "draft" | "published";
  publishedAt: string | null;
  solver: {
    solver: "milp" | "heuristic";
    status: string;
    gap: number | null;
    fallbackReason?: string;
    seconds: number;
  };
  requirement: number[];
  coverage: number[];
  shortfall: number[];
  totalShortfall: number;
  understaffedIntervals: number;
  shifts: ScheduledShift[];
}

/** GET /wfm/schedules?week=: schedules newest first, without their shifts. */
export interface ScheduleSummary {
  id: string;
  teamId: string | null;
  weekStart: string;
  status: "draft" | "published";
  publishedAt: string | null;
  shifts: number;
  createdAt: string;
}

export interface MySchedule {
  weekStart: string;
  shifts: ScheduledShift[];
}

export interface AdherenceEpisode {
  start: string;
  end: string;
  minutes: number;
  expected: string;
  actual: string;
}

/** GET /wfm/adherence (server wfm/adherence-service.ts); adherence and conformance are 0–1. */
export interface AgentAdherence {
  agentId: string;
  displayName: string;
  adherence: number | null;
  conformance: number | null;
  scheduledMinutes: number;
  inAdherenceMinutes: number;
  scheduledWorkMinutes: number;
  workedMinutes: number;
  episodes: AdherenceEpisode[];
}

export interface AdherenceReport {
  date: string;
  from: string;
  to: string;
  graceMinutes: number;
  agents: AgentAdherence[];
}

/** Posts a CSV or TSV file as its raw text: the server streams and validates it row by row. */
export async function uploadHistory(
  file: { text(): Promise<string>; name: string },
  query: string,
): Promise<HistoryImportReport> {
  const body = await file.text();
  const tabs = /\.(tsv|tab)$/i.test(file.name) || (!body.includes(",") && body.includes("\t"));
  return api<HistoryImportReport>(`/wfm/history/import${query}`, {
    method: "POST",
    text: { body, contentType: tabs ? "text/tab-separated-values" : "text/csv" },
  });
}

export { ApiError };
