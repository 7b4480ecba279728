import { UserError } from "../errors/sentra-error.js";

/**
 * created → queued → offered → connected → wrap_up → closed is the happy path. `transferred` is a waypoint:
 * the interaction leaves its agent or queue and re-enters a queue straight away. `closed`, `abandoned`,
 * `timed_out` and `failed` are terminal.
 */
export const INTERACTION_STATES = [
  "created",
  "queued",
  "offered",
  "connected",
  "wrap_up",
  "closed",
  "abandoned",
  "transferred",
  "timed_out",
  "failed",
] as const;
export type InteractionState = (typeof INTERACTION_STATES)[number];

const LEGAL: Readonly<Record<InteractionState, readonly InteractionState[]>> = {
  // A contact can be turned away before it waits at all (queue closed or full: `closed` with a message).
  created: ["queued", "abandoned", "failed", "closed"],
  queued: ["offered", "abandoned", "timed_out", "transferred", "failed", "closed"],
  // Back to `queued` on reject, missed offer (RONA) or the agent leaving.
  offered: ["connected", "queued", "abandoned", "failed"],
  connected: ["wrap_up", "transferred", "failed"],
  wrap_up: ["closed"],
  // Straight into the next queue, unless that queue turns it away.
  transferred: ["queued", "closed"],
  closed: [],
  abandoned: [],
  timed_out: [],
  failed: [],
};

export const TERMINAL_STATES: ReadonlySet<InteractionState> = new Set([
  "closed",
  "abandoned",
  "timed_out",
  "failed",
]);

/** Interactions in these states still wait for an agent: the customer is on hold or being offered. */
export const WAITING_STATES: ReadonlySet<InteractionState> = new Set(["queued", "offered"]);

export function canTransition(from: InteractionState, to: InteractionState): boolean {
  return LEGAL[from].includes(to);
}

export function legalNextStates(from: InteractionState): readonly InteractionState[] {
  return LEGAL[from];
}

export function illegalTransition(
  interactionId: string,
  from: InteractionState,
  to: InteractionState,
): UserError {
  return new UserError(
    "conflict",
    "illegal_transition",
    `Interaction ${interactionId} cannot go from ${from} to ${to}.`,
    {
      interactionId,
      from,
      to,
    },
  );
}

/** Returns `to` when legal; otherwise throws a `conflict` error the transport shows to the caller. */
export function assertTransition(
  interactionId: string,
  from: InteractionState,
  to: InteractionState,
): InteractionState {
  if (!canTransition(from, to)) throw illegalTransition(interactionId, from, to);
  return to;
}
