import { imapFetchStart, imapRetryDelayMs } from "@sentra/core";
import { ImapFlow } from "imapflow";
import type { Logger } from "pino";
import { readMail, toInboundMessage } from "../email/email-parsing.js";
import { endpointOf } from "../email/smtp-receiver.js";
import type { InboundIntake } from "../inbound-intake.js";
import type { ImapAccountService, LeasedImapAccount } from "./imap-account-service.js";

/** A message the intake refused this many polls in a row is skipped (left unread in the mailbox). */
const MAX_ATTEMPTS = 3;

export interface ImapWorkerDeps {
  readonly accounts: ImapAccountService;
  readonly intake: InboundIntake;
  readonly logger: Logger;
  readonly owner: string;
  readonly intervalMs: number;
  readonly maxBytes: number;
}

/**
 * Polls one leased IMAP account: one connection kept open between polls (reconnected after any failure,
 * with doubling back-off), each new UID parsed like SMTP mail and handed to the intake, then flagged \Seen
 * and the cursor moved past it. While idle the connection IDLEs, and the server's EXISTS news asks for a poll
 * at once. Every failure is logged and recorded on the account; nothing escapes to crash the process.
 */
export class ImapMailboxWorker {
  #leased: LeasedImapAccount;
  #client: ImapFlow | null = null;
  #failures = 0;
  #nextAt = 0;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;
  readonly #attempts = new Map<number, number>();
  readonly #log: Logger;

  constructor(
    leased: LeasedImapAccount,
    private readonly deps: ImapWorkerDeps,
  ) {
    this.#leased = leased;
    this.#log = deps.logger.child({ imapAccountId: leased.account.id, tenantId: leased.account.tenant_id });
  }

  /** The account as the latest lease read it; a changed server or login drops the open connection. */
  refresh(leased: LeasedImapAccount): void {
    const before = this.#leased.account;
    const after = leased.account;
    if (
      before.host !== after.host ||
      before.port !== after.port ||
      before.security !== after.security ||
      before.username !== after.username ||
      before.password !== after.password ||
      before.folder !== after.folder
    ) {
      this.#disconnect();
      this.#nextAt = 0;
      this.#failures = 0;
    }
    this.#leased = leased;
  }

  get due(): boolean {
    return Date.now() >= this.#nextAt;
  }

  /** One poll; concurrent calls share it, and a call during a poll makes one more run after it. */
  poll(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#pollSafely().finally(() => {
      this.#running = null;
      if (this.#again && !this.#closed) {
        this.#again = false;
        void this.poll();
      }
    });
    return this.#running;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#running?.catch(() => undefined);
    this.#disconnect();
  }

  async #pollSafely(): Promise<void> {
    const { account } = this.#leased;
    try {
      await this.#pollOnce();
      this.#failures = 0;
      this.#nextAt = Date.now() + this.deps.intervalMs;
      await this.deps.accounts.polled(this.deps.owner, account.id, null);
    } catch (error) {
      this.#failures += 1;
      const delay = imapRetryDelayMs(this.deps.intervalMs, this.#failures);
      this.#nextAt = Date.now() + delay;
      const message = error instanceof Error ? error.message : String(error);
      this.#log.warn(
        { err: error, failures: this.#failures, retryInMs: delay, host: account.host },
        "IMAP poll failed",
      );
      this.#disconnect();
      await this.deps.accounts
        .polled(this.deps.owner, account.id, message)
        .catch((e) => this.#log.warn({ err: e }, "IMAP poll state not recorded"));
    }
  }

  async #pollOnce(): Promise<void> {
    const { account } = this.#leased;
    const client = await this.#connect();
    const lock = await client.getMailboxLock(account.folder);
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new Error(`folder ${account.folder} could not be opened`);
      const uidValidity = String(mailbox.uidValidity);
      const start = imapFetchStart(
        { uidValidity: account.uid_validity, lastUid: Number(account.last_uid) },
        { uidValidity },
      );
      if (start.reset)
        this.#log.warn(
          { uidValidity, was: account.uid_validity },
          "IMAP folder renumbered, reading it again",
        );
      // A mailbox kept selected between polls learns of new mail from the server's untagged news: ask for it.
      await client.noop();
      if (mailbox.exists === 0) {
        if (account.uid_validity !== uidValidity) await this.#advance(uidValidity, start.fromUid - 1);
        return;
      }
      // `n:*` always names the newest message, even below n: only UIDs past the cursor are new.
      const heads = await client.fetchAll(`${start.fromUid}:*`, { uid: true, size: true }, { uid: true });
      const fresh = heads.filter((m) => m.uid >= start.fromUid).sort((a, b) => a.uid - b.uid);
      for (const head of fresh) {
        if (this.#closed) return;
        if (!(await this.#deliver(client, head.uid, head.size ?? 0, uidValidity))) return;
      }
    } finally {
      lock.release();
    }
  }

  /** Stores one message; false when this process lost the account's lease (stop at once). */
  async #deliver(client: ImapFlow, uid: number, size: number, uidValidity: string): Promise<boolean> {
    if (size > this.deps.maxBytes) {
      this.#log.warn({ uid, bytes: size, limit: this.deps.maxBytes }, "IMAP message too large, left unread");
      return this.#advance(uidValidity, uid);
    }
    const fetched = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (fetched === false || !fetched.source) {
      // Expunged between listing and fetching: nothing to store.
      return this.#advance(uidValidity, uid);
    }
    const mail = await readMail(fetched.source);
    if (mail.problem) this.#log.warn({ uid, problem: mail.problem }, "IMAP message partly unreadable");
    try {
      const result = await this.deps.intake.receive(toInboundMessage(mail, endpointOf(this.#leased.address)));
      this.#log.info(
        { uid, conversationId: result.conversationId, duplicate: result.duplicate },
        "mail received over IMAP",
      );
    } catch (error) {
      const attempts = (this.#attempts.get(uid) ?? 0) + 1;
      this.#attempts.set(uid, attempts);
      if (attempts < MAX_ATTEMPTS) throw error;
      this.#log.error({ err: error, uid, attempts }, "IMAP message not stored, skipped and left unread");
      this.#attempts.delete(uid);
      return this.#advance(uidValidity, uid);
    }
    this.#attempts.delete(uid);
    await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
    return this.#advance(uidValidity, uid);
  }

  async #advance(uidValidity: string, uid: number): Promise<boolean> {
    const kept = await this.deps.accounts.advance(this.deps.owner, this.#leased.account.id, uidValidity, uid);
    if (kept) {
      this.#leased = {
        ...this.#leased,
        account: { ...this.#leased.account, uid_validity: uidValidity, last_uid: uid },
      };
    } else this.#log.warn("IMAP lease lost to another process; stopping this poll");
    return kept;
  }

  async #connect(): Promise<ImapFlow> {
    if (this.#client?.usable) return this.#client;
    this.#disconnect();
    const { account } = this.#leased;
    const client = new ImapFlow({
      host: account.host,
      port: account.port,
      secure: account.security === "tls",
      doSTARTTLS: account.security === "starttls" ? true : account.security === "none" ? false : undefined,
      auth: { user: account.username, pass: account.password },
      logger: false,
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
      socketTimeout: 10 * 60_000,
    });
    // An 'error' event without a listener would crash the process.
    client.on("error", (error: unknown) => this.#log.warn({ err: error }, "IMAP connection error"));
    client.on("exists", () => {
      if (!this.#closed) void this.poll();
    });
    client.on("close", () => {
      if (this.#client === client) this.#client = null;
    });
    this.#client = client;
    await client.connect();
    return client;
  }

  #disconnect(): void {
    const client = this.#client;
    this.#client = null;
    if (client) {
      try {
        client.close();
      } catch (error) {
        this.#log.debug({ err: error }, "IMAP close failed");
      }
    }
  }
}
