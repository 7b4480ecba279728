import type { Center } from "./center-state.js";
import { compareDeadlines, type Deadline, deadlinesOf } from "./deadlines.js";
import { type Match, Ranking, rankEligible } from "./policies.js";
import { compareWaiting } from "./queue-order.js";
import type { Router } from "./router.js";

/**
 * The obviously-correct router: no indexes, no incremental state. Every question is answered by scanning every
 * agent, interaction and timer. It is the oracle the property tests hold the indexed router to; far too slow
 * for production.
 */
export class ReferenceRouter implements Router {
  readonly kind = "reference";
  readonly #center: Center;
  readonly #ranking = new Ranking();

  constructor(center: Center) {
    this.#center = center;
  }

  interactionChanged(): void {}
  interactionRemoved(): void {}
  agentChanged(): void {}
  queueChanged(): void {}
  rebuild(): void {}

  nextMatch(now: number): Match | undefined {
    const waiting = [...this.#center.interactions.values()].filter((i) => i.state === "queued");
    waiting.sort(compareWaiting);
    // Only ready agents without a ringing offer can take anything; skipping the rest changes no answer.
    const agents = [...this.#center.agents.values()].filter(
      (a) => a.presence.kind === "ready" && a.offer === undefined,
    );
    for (const interaction of waiting) {
      const match = rankEligible(this.#ranking, this.#center, interaction, agents, now);
      if (match !== undefined) return match;
    }
    return undefined;
  }

  takeDue(limit: number): Deadline | undefined {
    const next = this.#earliest();
    return next !== undefined && next.at <= limit ? next : undefined;
  }

  nextDeadline(): number | undefined {
    return this.#earliest()?.at;
  }

  #earliest(): Deadline | undefined {
    let earliest: Deadline | undefined;
    for (const interaction of this.#center.interactions.values()) {
      for (const deadline of deadlinesOf(interaction, this.#center.queueOf(interaction).config)) {
        if (earliest === undefined || compareDeadlines(deadline, earliest) < 0) earliest = deadline;
      }
    }
    return earliest;
  }
}
