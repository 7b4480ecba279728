import type { AgentStatus } from "./agent-state.js";
import type { QueueConfig } from "./types.js";

/**
 * Definitions shared by the live accumulator and the reference recomputation, so both report the same numbers:
 * - a wait ends when the contact is answered (offered → connected) or abandoned while waiting;
 * - service level = answered within the queue's threshold ÷ (answered + abandoned after the threshold);
 *   contacts abandoned within the threshold count for neither side (the usual "short abandon" rule);
 * - ASA = mean wait of answered contacts; AHT = mean time from connect to the end of wrap-up;
 * - abandon rate = abandoned ÷ (answered + abandoned);
 * - occupancy = time busy or in wrap-up ÷ time ready (available, reserved, busy, wrap-up), per tenant.
 * Ratios with nothing to divide by are null. "Today" starts at `dayStartOf(tenantId, now)`.
 */
export interface WaitCounts {
  answered: number;
  answeredWithin: number;
  abandoned: number;
  abandonedAfter: number;
  answeredWaitMs: number;
}

export interface HandleCounts {
  handled: number;
  handleMs: number;
}

export interface ServiceLevels {
  readonly today: number | null;
  readonly last15m: number | null;
  readonly last30m: number | null;
}

export interface QueueKpis {
  readonly tenantId: string;
  readonly queueId: string;
  readonly waiting: number;
  readonly longestWaitMs: number;
  readonly serviceLevel: ServiceLevels;
  readonly answeredToday: number;
  readonly abandonedToday: number;
  readonly asaMs: number | null;
  readonly ahtMs: number | null;
  readonly abandonRate: number | null;
}

export interface TenantKpis extends Omit<QueueKpis, "queueId"> {
  readonly agentsByState: Readonly<Record<string, number>>;
  readonly occupancy: number | null;
}

export interface KpiReport {
  readonly queues: readonly QueueKpis[];
  readonly tenants: readonly TenantKpis[];
}

export interface KpiOptions {
  /** Epoch ms where "today" starts for a tenant; defaults to UTC midnight. */
  readonly dayStartOf?: (tenantId: string, at: number) => number;
  /** Service-level threshold of a queue; defaults to 20 s. */
  readonly thresholdMs?: (tenantId: string, queueId: string) => number;
}

export const WINDOW_15M = 15 * 60_000;
export const WINDOW_30M = 30 * 60_000;
export const DEFAULT_THRESHOLD_MS = 20_000;

export const utcDayStart = (_tenantId: string, at: number): number =>
  at - (((at % 86_400_000) + 86_400_000) % 86_400_000);

export function emptyWaits(): WaitCounts {
  return { answered: 0, answeredWithin: 0, abandoned: 0, abandonedAfter: 0, answeredWaitMs: 0 };
}

export function addWait(
  counts: WaitCounts,
  answered: boolean,
  waitMs: number,
  thresholdMs: number,
  sign = 1,
): void {
  if (answered) {
    counts.answered += sign;
    counts.answeredWaitMs += sign * waitMs;
    if (waitMs <= thresholdMs) counts.answeredWithin += sign;
  } else {
    counts.abandoned += sign;
    if (waitMs > thresholdMs) counts.abandonedAfter += sign;
  }
}

export function sumWaits(into: WaitCounts, from: WaitCounts): void {
  into.answered += from.answered;
  into.answeredWithin += from.answeredWithin;
  into.abandoned += from.abandoned;
  into.abandonedAfter += from.abandonedAfter;
  into.answeredWaitMs += from.answeredWaitMs;
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

export function serviceLevel(c: WaitCounts): number | null {
  return ratio(c.answeredWithin, c.answered + c.abandonedAfter);
}

export function summarise(
  today: WaitCounts,
  last15: WaitCounts,
  last30: WaitCounts,
  handle: HandleCounts,
): Pick<QueueKpis, "serviceLevel" | "answeredToday" | "abandonedToday" | "asaMs" | "ahtMs" | "abandonRate"> {
  return {
    serviceLevel: {
      today: serviceLevel(today),
      last15m: serviceLevel(last15),
      last30m: serviceLevel(last30),
    },
    answeredToday: today.answered,
    abandonedToday: today.abandoned,
    asaMs: ratio(today.answeredWaitMs, today.answered),
    ahtMs: ratio(handle.handleMs, handle.handled),
    abandonRate: ratio(today.abandoned, today.answered + today.abandoned),
  };
}

/** Whether time in this state counts as working (numerator) and as ready (denominator) for occupancy. */
export function occupancyRole(status: AgentStatus): { working: boolean; ready: boolean } {
  switch (status.kind) {
    case "busy":
    case "wrap_up":
      return { working: true, ready: true };
    case "available":
    case "reserved":
      return { working: false, ready: true };
    default:
      return { working: false, ready: false };
  }
}

export function occupancy(workingMs: number, readyMs: number): number | null {
  return ratio(workingMs, readyMs);
}

export function stateLabel(status: AgentStatus): string {
  return status.kind === "not_ready" ? `not_ready(${status.reason})` : status.kind;
}

/** `thresholdMs` option from the queues' own service-level targets (default 20 s where none is set). */
export function thresholdsFrom(
  queues: readonly QueueConfig[],
): (tenantId: string, queueId: string) => number {
  const byQueue = new Map(queues.map((q) => [`${q.tenantId}/${q.queueId}`, q.serviceLevel?.thresholdMs]));
  return (tenantId, queueId) => byQueue.get(`${tenantId}/${queueId}`) ?? DEFAULT_THRESHOLD_MS;
}
