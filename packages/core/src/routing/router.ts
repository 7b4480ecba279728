import type { AgentRec, InteractionRec, QueueRec } from "./center-state.js";
import type { Deadline } from "./deadlines.js";
import type { Match } from "./policies.js";

/**
 * The part of the engine that finds work: which interaction goes to which agent next, and which timer is due.
 * The engine tells the router about every change; the indexed router maintains indexes from these calls, the
 * reference router ignores them and scans everything. Both must return exactly the same answers.
 *
 * Matching rule ("greedy by line order"): among all (agent, interaction) pairs that are eligible, take the
 * waiting interaction that comes first in line (`compareWaiting`) and offer it to its best eligible agent by
 * its queue's policy; repeat until no eligible pair is left.
 */
export interface Router {
  readonly kind: "indexed" | "reference";
  /** A live interaction was created or changed (state, queue, step, affinity, blocks, rank). */
  interactionChanged(interaction: InteractionRec): void;
  /** An interaction reached a terminal state and left the center. */
  interactionRemoved(interaction: InteractionRec): void;
  /** An agent's presence, load or offer changed; `profileChanged` when skills, teams or capacity did. */
  agentChanged(agent: AgentRec, profileChanged: boolean): void;
  /** A queue was added or its configuration changed. */
  queueChanged(queue: QueueRec): void;
  /** The next offer to make, or undefined once no eligible pair is left. */
  nextMatch(now: number): Match | undefined;
  /** Takes the earliest timer due at or before `limit`, if any. */
  takeDue(limit: number): Deadline | undefined;
  /** When the earliest timer is due, if any. */
  nextDeadline(): number | undefined;
  /** Forgets all indexes and builds them again from the center (after a restore). */
  rebuild(): void;
}
