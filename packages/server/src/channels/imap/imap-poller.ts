import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "pino";
import type { InboundIntake } from "../inbound-intake.js";
import type { ImapAccountService } from "./imap-account-service.js";
import { ImapMailboxWorker } from "./imap-mailbox-worker.js";

export interface ImapPollerOptions {
  readonly intervalMs: number;
  /** Mail over this size is left unread in the mailbox (the SMTP receiver's limit). */
  readonly maxBytes: number;
}

/**
 * Polls every tenant's IMAP accounts that this process holds the lease of. Each pass renews the leases (an
 * account is polled by one Sentra process at a time; a process that stops or hangs loses it after a few
 * intervals), drops the workers of accounts it no longer holds and starts the polls that are due.
 */
export class ImapPoller {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #workers = new Map<string, ImapMailboxWorker>();
  #timer: NodeJS.Timeout | null = null;
  #pass: Promise<void> | null = null;
  #stopped = true;

  constructor(
    private readonly accounts: ImapAccountService,
    private readonly intake: InboundIntake,
    private readonly logger: Logger,
    private readonly options: ImapPollerOptions,
  ) {}

  /** How long a lease holds without renewal: a few intervals, at least half a minute. */
  get leaseMs(): number {
    return Math.max(30_000, this.options.intervalMs * 3);
  }

  /** The accounts this process polls now. */
  get held(): string[] {
    return [...this.#workers.keys()];
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#pass?.catch(() => undefined);
    await Promise.all([...this.#workers.values()].map((w) => w.close()));
    this.#workers.clear();
    await this.accounts
      .release(this.owner)
      .catch((error) => this.logger.warn({ err: error }, "IMAP leases not released"));
  }

  /** One pass now (tests, and the timer): renew leases and start the polls that are due. */
  pass(): Promise<void> {
    this.#pass ??= this.#run().finally(() => {
      this.#pass = null;
    });
    return this.#pass;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      void this.pass().finally(() => this.#schedule(Math.min(this.options.intervalMs, 5_000)));
    }, delayMs);
    this.#timer.unref();
  }

  async #run(): Promise<void> {
    try {
      const leased = await this.accounts.lease(this.owner, this.leaseMs);
      const held = new Set(leased.map((l) => l.account.id));
      for (const [id, worker] of this.#workers) {
        if (!held.has(id)) {
          this.#workers.delete(id);
          await worker.close();
        }
      }
      for (const account of leased) {
        let worker = this.#workers.get(account.account.id);
        if (worker) worker.refresh(account);
        else {
          worker = new ImapMailboxWorker(account, {
            accounts: this.accounts,
            intake: this.intake,
            logger: this.logger,
            owner: this.owner,
            intervalMs: this.options.intervalMs,
            maxBytes: this.options.maxBytes,
          });
          this.#workers.set(account.account.id, worker);
        }
        // Not awaited: a slow mailbox must not hold up the others or the renewal of the leases.
        if (worker.due && !this.#stopped) void worker.poll();
      }
    } catch (error) {
      // The database being away is retried on the next pass; it never stops the poller.
      this.logger.warn({ err: error }, "IMAP poll pass failed");
    }
  }
}
