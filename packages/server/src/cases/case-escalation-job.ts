import type { Logger } from "pino";
import type { CaseEscalationService } from "./case-escalation-service.js";

/**
 * Runs the SLA escalation pass every `intervalMs` (wall-clock timer; the pass itself reads the injected clock).
 * Passes never overlap within a process, and `escalateDue` is safe to run in several processes at once.
 */
export class CaseEscalationJob {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly escalations: CaseEscalationService,
    private readonly logger: Logger,
    private readonly intervalMs = 30_000,
  ) {}

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.tick(), this.intervalMs);
    this.#timer.unref();
  }

  /** One pass now; resolves when it is done. Concurrent calls share the pass in progress. */
  tick(): Promise<void> {
    this.#running ??= this.escalations
      .escalateDue()
      .then((count) => {
        if (count > 0) this.logger.info({ count }, "cases escalated by SLA");
      })
      .catch((error) => this.logger.error({ err: error }, "SLA escalation pass failed"))
      .finally(() => {
        this.#running = undefined;
      });
    return this.#running;
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
