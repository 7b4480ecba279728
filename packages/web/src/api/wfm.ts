/**
 * Response shapes of the WFM API (/api/v1/wfm/*). The web build sees only roles and contracts from
 * @sentra/core, so what the pages read is declared here, mirroring the server's route files.
 */
import { ApiError, toApiError } from "./http";

export type WfmChannel = "voice" | "chat" | "email" | "whatsapp" | "sms" | "social";
export type IntervalMinutes = 15 | 30 | 60;

/** One interval of history: arrivals and handle time, as imported or derived from the event log. */
export interface HistoryInterval {
  start: string;
  offered: number;
  handled?: number;
  abandoned?: number;
  ahtSeconds: number | null;
}

export interface HistoryImportRowError {
  row: number;
  message: string;
}

export interface HistoryImportReport {
  imported: number;
  rejected: number;
  errors: HistoryImportRowError[];
}

export const FORECAST_METHODS = [
  "seasonal_naive",
  "last_k_weekdays",
  "holt_winters",
  "moving_average",
] as const;
export type ForecastMethodName = string;

export interface BacktestScore {
  method: ForecastMethodName;
  mape: number | null;
  wape: number | null;
}

export interface ForecastInterval {
  start: string;
  /** Forecast volume and handle time after adjustments. */
  volume: number;
  ahtSeconds: number | null;
  actual: number | null;
}

export interface ForecastAdjustment {
  id?: string;
  from: string;
  to: string;
  percent: number;
  reason: string;
}

export interface ForecastSummary {
  id: string;
  queueId: string | null;
  channel: string;
  intervalMinutes: number;
  method: ForecastMethodName;
  from: string;
  to: string;
  createdAt: string;
}

export interface Forecast extends ForecastSummary {
  backtest: BacktestScore[];
  intervals: ForecastInterval[];
  adjustments: ForecastAdjustment[];
}

export interface StaffingInterval {
  start: string;
  volume: number;
  agents: number;
  serviceLevel: number | null;
  occupancy: number | null;
}

export const SPECIAL_DAY_KINDS = ["holiday", "payday", "campaign"] as const;
export type SpecialDayKind = (typeof SPECIAL_DAY_KINDS)[number];

export interface SpecialDay {
  id: string;
  date: string;
  kind: SpecialDayKind;
  name: string;
  /** Volume multiplier applied on the day (1 = no effect), when the server uses one. */
  multiplier?: number | null;
}

export interface ShiftBreakRule {
  kind: "break" | "lunch";
  durationMinutes: number;
  earliestOffsetMinutes: number;
  latestEndOffsetMinutes: number;
  paid: boolean;
}

export interface ShiftTemplate {
  id: string;
  name: string;
  earliestStartMinute: number;
  latestStartMinute: number;
  startStepMinutes: number;
  lengthMinutes: number;
  days: number[];
  breaks: ShiftBreakRule[];
}

export type ActivityKind = "work" | "break" | "lunch" | "prayer" | "training" | "off";

export interface ScheduledActivity {
  kind: ActivityKind;
  start: string;
  end: string;
}

export interface ScheduledShift {
  id: string;
  agentId: string;
  agentName?: string | null;
  teamId?: string | null;
  start: string;
  end: string;
  activities: ScheduledActivity[];
}

export interface CoverageInterval {
  start: string;
  required: number;
  scheduled: number;
}

export interface Schedule {
  id: string;
  status: "draft" | "published";
  weekStart: string;
  intervalMinutes: number;
  forecastId?: string | null;
  shifts: ScheduledShift[];
  coverage: CoverageInterval[];
}

export interface AdherenceSegment {
  start: string;
  end: string;
  scheduled: ActivityKind | null;
  actual: string | null;
  inAdherence: boolean;
}

export interface AgentAdherence {
  agentId: string;
  agentName?: string | null;
  scheduledActivity: ActivityKind | null;
  actualState: string | null;
  adherencePercent: number | null;
  conformancePercent: number | null;
  outOfAdherence: boolean;
  segments?: AdherenceSegment[];
}

export interface AdherenceReport {
  date: string;
  agents: AgentAdherence[];
}

/** A mean over replications with its 95 % confidence interval (Student-t); null where nothing was measured. */
export interface Estimate {
  mean: number | null;
  low: number | null;
  high: number | null;
  halfWidth?: number | null;
  samples?: number;
}

/** Rates (service level, abandon rate, occupancy) are ratios 0–1; ASA is seconds. */
export interface SimulatedFigures {
  offered: Estimate;
  handled: Estimate;
  abandoned: Estimate;
  timedOut: Estimate;
  serviceLevel: Estimate;
  asaSeconds: Estimate;
  abandonRate: Estimate;
  occupancy: Estimate;
}

export interface SimulatedInterval extends SimulatedFigures {
  index: number;
  /** Minutes from the start of the simulated day. */
  startMinute: number;
}

/** POST /wfm/simulations (packages/server/src/wfm/simulation-routes.ts, simulationResultView). */
export interface SimulationResult {
  replications: number;
  intervals: SimulatedInterval[];
  day: SimulatedFigures & { waitingAtEnd: Estimate };
  events: number;
  definitions: Record<string, string>;
}

/** POST /wfm/simulations/compare: base, variant and the paired day difference (variant − base). */
export interface SimulationComparison {
  base: SimulationResult;
  variant: SimulationResult;
  difference: SimulatedFigures;
}

type Distribution =
  | { kind: "fixed"; seconds: number }
  | { kind: "exponential"; meanSeconds: number }
  | { kind: "lognormal"; meanSeconds: number; sdSeconds: number };

/** The simulator's request (core wfm/simulation/simulation-input.ts), as far as the runner page fills it. */
export interface SimulationRequest {
  seed?: number;
  replications: number;
  day: { lengthMinutes: number; intervalMinutes: number };
  serviceLevelSeconds: number;
  queues: {
    id: string;
    channel?: string;
    arrivals: { kind: "poisson"; perInterval: number[] };
    handleTime: Distribution;
    patience?: { kind: "none" } | { kind: "exponential"; meanSeconds: number };
  }[];
  agents: { id: string; count: number; shift?: { startMinute: number; endMinute: number } }[];
}

/** Posts a CSV or TSV file as its raw text: the server streams and validates it row by row. */
export async function uploadHistory(
  file: { text(): Promise<string>; name: string },
  query: string,
): Promise<HistoryImportReport> {
  const body = await file.text();
  const tabs = /\.(tsv|tab)$/i.test(file.name) || (!body.includes(",") && body.includes("\t"));
  const response = await fetch(`/api/v1/wfm/history/import${query}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": tabs ? "text/tab-separated-values" : "text/csv" },
    body,
  });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as HistoryImportReport;
}

export { ApiError };
