import type { AgentStatus, AgentStatusKind } from "../../routing/agent-state.js";
import type { ActivityKind } from "../scheduling/schedule-model.js";

/** A scheduled activity in absolute time (epoch ms), as published. */
export interface PlannedActivity {
  readonly kind: ActivityKind;
  readonly start: number;
  readonly end: number;
}

/** One change of the agent's routing status; the status holds until the next change. */
export interface StatusChange {
  readonly at: number;
  readonly status: AgentStatus;
}

export interface AdherenceEpisode {
  readonly start: number;
  readonly end: number;
  readonly expected: ActivityKind;
  /** statusLabel-style text, e.g. "offline" or "not_ready(break)". */
  readonly actual: string;
}

export interface AdherenceResult {
  /** Share of scheduled time (every activity but `off`) spent in the expected state; null if nothing scheduled. */
  readonly adherence: number | null;
  /** Time worked over time scheduled to work; null if no work was scheduled. */
  readonly conformance: number | null;
  readonly scheduledMs: number;
  readonly inAdherenceMs: number;
  readonly scheduledWorkMs: number;
  readonly workedMs: number;
  /** Out-of-adherence stretches longer than the grace period. */
  readonly episodes: AdherenceEpisode[];
}

const WORKING: ReadonlySet<AgentStatusKind> = new Set(["available", "reserved", "busy", "wrap_up"]);

export function isWorking(status: AgentStatus): boolean {
  return WORKING.has(status.kind);
}

/**
 * Whether the status is what the activity expects: work wants the agent ready (available, ringing, busy or in
 * wrap-up); breaks, lunch and prayer want them away (not ready for any reason, or logged out); training wants
 * not ready; off imposes nothing.
 */
export function adheres(expected: ActivityKind, status: AgentStatus): boolean {
  switch (expected) {
    case "work":
      return isWorking(status);
    case "break":
    case "lunch":
    case "prayer":
      return !isWorking(status);
    case "training":
      return status.kind === "not_ready";
    case "off":
      return true;
  }
}

const label = (status: AgentStatus): string =>
  status.kind === "not_ready" ? `not_ready(${status.reason})` : status.kind;

/**
 * Adherence of one agent over [from, to): the schedule's activities against the status timeline. `initial` is
 * the status before the first change (offline if unknown). Only the part of each activity inside the window
 * counts, so a supervisor can ask "so far today" with `to = now`.
 */
export function computeAdherence(input: {
  readonly activities: readonly PlannedActivity[];
  readonly changes: readonly StatusChange[];
  readonly initial?: AgentStatus;
  readonly from: number;
  readonly to: number;
  readonly graceMs: number;
}): AdherenceResult {
  const changes = [...input.changes].sort((a, b) => a.at - b.at);
  let scheduledMs = 0;
  let inAdherenceMs = 0;
  let scheduledWorkMs = 0;
  let workedMs = 0;
  const raw: AdherenceEpisode[] = [];
  const activities = [...input.activities].sort((a, b) => a.start - b.start);
  for (const activity of activities) {
    const start = Math.max(activity.start, input.from);
    const end = Math.min(activity.end, input.to);
    if (end <= start || activity.kind === "off") continue;
    scheduledMs += end - start;
    if (activity.kind === "work") scheduledWorkMs += end - start;
    for (const piece of statusPieces(changes, input.initial ?? OFFLINE, start, end)) {
      const length = piece.end - piece.start;
      if (activity.kind === "work" && isWorking(piece.status)) workedMs += length;
      if (adheres(activity.kind, piece.status)) inAdherenceMs += length;
      else
        raw.push({
          start: piece.start,
          end: piece.end,
          expected: activity.kind,
          actual: label(piece.status),
        });
    }
  }
  return {
    adherence: scheduledMs > 0 ? inAdherenceMs / scheduledMs : null,
    conformance: scheduledWorkMs > 0 ? workedMs / scheduledWorkMs : null,
    scheduledMs,
    inAdherenceMs,
    scheduledWorkMs,
    workedMs,
    episodes: mergeEpisodes(raw).filter((e) => e.end - e.start > input.graceMs),
  };
}

const OFFLINE: AgentStatus = { kind: "offline" };

/** The statuses held during [start, end), cut at each change. */
export function statusPieces(
  changes: readonly StatusChange[],
  initial: AgentStatus,
  start: number,
  end: number,
): { start: number; end: number; status: AgentStatus }[] {
  let status = initial;
  let i = 0;
  while (i < changes.length && changes[i]!.at <= start) status = changes[i++]!.status;
  const pieces: { start: number; end: number; status: AgentStatus }[] = [];
  let cursor = start;
  for (; i < changes.length && changes[i]!.at < end; i++) {
    if (changes[i]!.at > cursor) pieces.push({ start: cursor, end: changes[i]!.at, status });
    cursor = Math.max(cursor, changes[i]!.at);
    status = changes[i]!.status;
  }
  if (cursor < end) pieces.push({ start: cursor, end, status });
  return pieces;
}

/** Joins touching out-of-adherence pieces (e.g. busy → wrap-up during a break) into one episode. */
function mergeEpisodes(pieces: readonly AdherenceEpisode[]): AdherenceEpisode[] {
  const merged: AdherenceEpisode[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.end === piece.start && last.expected === piece.expected) {
      merged[merged.length - 1] = {
        ...last,
        end: piece.end,
        actual: last.actual === piece.actual ? last.actual : `${last.actual}, ${piece.actual}`,
      };
    } else merged.push(piece);
  }
  return merged;
}

/** The activity scheduled at `at`, if any. */
export function activityAt<A extends PlannedActivity>(activities: readonly A[], at: number): A | undefined {
  return activities.find((a) => a.start <= at && at < a.end);
}
