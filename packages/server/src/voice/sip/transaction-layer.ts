/**
 * The transaction layer: runs the core's pure RFC 3261 §17 machines with real timers. It matches incoming
 * messages to transactions (§17.1.3, §17.2.3), executes the machines' commands, and hands everything else
 * (requests that start a transaction, stray 2xx and ACKs for 2xx) to the user agent core above it.
 */
import {
  type ClientTransactionEvent,
  type InviteClientTransaction,
  type InviteServerTransaction,
  MAGIC_COOKIE,
  type NonInviteClientTransaction,
  type NonInviteServerTransaction,
  type ServerTransactionEvent,
  type SipEssentials,
  type SipRequest,
  type SipResponse,
  type SipTimerName,
  type SipTimerValues,
  type Step,
  serializeSipMessage,
  startInviteClient,
  startInviteServer,
  startNonInviteClient,
  startNonInviteServer,
  stepInviteClient,
  stepInviteServer,
  stepNonInviteClient,
  stepNonInviteServer,
  type TransactionCommand,
  tagOf,
  viaBranch,
} from "@sentra/core";
import type { Logger } from "pino";
import type { SipPeer } from "./transport.js";

export type ClientOutcome =
  | { readonly kind: "response"; readonly response: SipResponse }
  | { readonly kind: "timeout" | "transport_error" };

export interface ClientTransactionHandlers {
  onResponse(response: SipResponse): void;
  onError(reason: "timeout" | "transport_error"): void;
}

export interface ServerTransactionHandle {
  readonly key: string;
  readonly request: SipRequest;
  readonly peer: SipPeer;
  respond(response: SipResponse): void;
  /** Current state of the machine (`proceeding` until a final answer). */
  state(): string;
}

type ClientTx = InviteClientTransaction | NonInviteClientTransaction;
type ServerTx = InviteServerTransaction | NonInviteServerTransaction;

interface Entry<T> {
  tx: T;
  peer: SipPeer;
  timers: Map<SipTimerName, NodeJS.Timeout>;
}

export interface TransactionLayerOptions {
  readonly timers: SipTimerValues;
  readonly logger: Logger;
  readonly send: (data: string, peer: SipPeer) => Promise<void>;
}

/** Server transaction key: branch + sent-by + method, ACK matching its INVITE (§17.2.3); pre-3261 fallback. */
export function serverKey(request: SipRequest, ess: SipEssentials): string {
  const via = ess.vias[0];
  const branch = via ? viaBranch(via) : undefined;
  const method = request.method === "ACK" ? "INVITE" : request.method;
  if (via && branch?.startsWith(MAGIC_COOKIE)) return `${branch}|${via.host}:${via.port ?? ""}|${method}`;
  return `legacy|${ess.callId}|${ess.cseq.seq}|${tagOf(ess.from) ?? ""}|${request.uri}|${method}`;
}

export function clientKey(branch: string, method: string): string {
  return `${branch}|${method === "ACK" ? "INVITE" : method}`;
}

export class TransactionLayer {
  readonly #clients = new Map<string, Entry<ClientTx> & { handlers: ClientTransactionHandlers }>();
  readonly #servers = new Map<string, Entry<ServerTx>>();
  readonly #options: TransactionLayerOptions;

  constructor(options: TransactionLayerOptions) {
    this.#options = options;
  }

  get size(): { clients: number; servers: number; timers: number } {
    let timers = 0;
    for (const e of this.#clients.values()) timers += e.timers.size;
    for (const e of this.#servers.values()) timers += e.timers.size;
    return { clients: this.#clients.size, servers: this.#servers.size, timers };
  }

  /** Starts a client transaction for a request whose top Via carries a fresh branch. */
  startClient(request: SipRequest, branch: string, peer: SipPeer, handlers: ClientTransactionHandlers): void {
    const options = { reliable: peer.transport !== "UDP", timers: this.#options.timers };
    const step =
      request.method === "INVITE"
        ? startInviteClient(request, options)
        : startNonInviteClient(request, options);
    const key = clientKey(branch, request.method);
    const entry = { tx: step.tx as ClientTx, peer, timers: new Map(), handlers };
    this.#clients.set(key, entry);
    this.#runClient(key, entry, step.commands);
  }

  /** A response from the network: true when a client transaction took it. */
  receiveResponse(response: SipResponse, ess: SipEssentials): boolean {
    const via = ess.vias[0];
    const branch = via ? viaBranch(via) : undefined;
    if (!branch) return false;
    const key = clientKey(branch, ess.cseq.method);
    const entry = this.#clients.get(key);
    if (!entry) return false;
    this.#stepClient(key, entry, { kind: "response", response });
    return true;
  }

  /** A request from the network: true when it matched an existing server transaction (retransmission, ACK). */
  receiveRequest(request: SipRequest, ess: SipEssentials): boolean {
    const key = serverKey(request, ess);
    const entry = this.#servers.get(key);
    if (!entry) return false;
    if (request.method === "ACK" && entry.tx.type !== "invite_server") return false;
    this.#stepServer(key, entry, { kind: "request", request });
    return true;
  }

  /** Looks up a live INVITE server transaction (for CANCEL matching, §9.2). */
  findInviteServer(request: SipRequest, ess: SipEssentials): ServerTransactionHandle | undefined {
    const key = serverKey({ ...request, method: "INVITE" }, ess);
    const entry = this.#servers.get(key);
    return entry ? this.#handle(key, entry) : undefined;
  }

  /**
   * Creates the server transaction for a new request and returns its handle. `trying` is sent at once for
   * INVITE. The TU answers through `respond`.
   */
  startServer(
    request: SipRequest,
    ess: SipEssentials,
    peer: SipPeer,
    trying?: SipResponse,
  ): ServerTransactionHandle {
    const key = serverKey(request, ess);
    const options = { reliable: peer.transport !== "UDP", timers: this.#options.timers };
    const step: Step<ServerTx> =
      request.method === "INVITE" && trying
        ? startInviteServer(request, trying, options)
        : startNonInviteServer(request, options);
    const entry: Entry<ServerTx> = { tx: step.tx, peer, timers: new Map() };
    this.#servers.set(key, entry);
    // `to_tu` is the caller's job (it holds the handle); run the rest.
    this.#runServer(
      key,
      entry,
      step.commands.filter((c) => c.kind !== "to_tu"),
    );
    return this.#handle(key, entry);
  }

  /** Sends a message outside any transaction (ACK for 2xx, 2xx retransmissions, stateless 400). */
  sendStateless(message: SipRequest | SipResponse, peer: SipPeer): void {
    this.#options.send(serializeSipMessage(message), peer).catch((error: unknown) => {
      this.#options.logger.debug({ err: error }, "sip stateless send failed");
    });
  }

  close(): void {
    for (const entry of [...this.#clients.values(), ...this.#servers.values()]) {
      for (const timer of entry.timers.values()) clearTimeout(timer);
      entry.timers.clear();
    }
    this.#clients.clear();
    this.#servers.clear();
  }

  #handle(key: string, entry: Entry<ServerTx>): ServerTransactionHandle {
    return {
      key,
      request: entry.tx.request,
      peer: entry.peer,
      respond: (response) => {
        if (this.#servers.get(key) === entry) this.#stepServer(key, entry, { kind: "respond", response });
      },
      state: () => entry.tx.state,
    };
  }

  #stepClient(
    key: string,
    entry: Entry<ClientTx> & { handlers: ClientTransactionHandlers },
    event: ClientTransactionEvent,
  ): void {
    const step =
      entry.tx.type === "invite_client"
        ? stepInviteClient(entry.tx, event)
        : stepNonInviteClient(entry.tx, event);
    entry.tx = step.tx;
    this.#runClient(key, entry, step.commands);
  }

  #stepServer(key: string, entry: Entry<ServerTx>, event: ServerTransactionEvent): void {
    const step =
      entry.tx.type === "invite_server"
        ? stepInviteServer(entry.tx, event)
        : stepNonInviteServer(entry.tx, event);
    entry.tx = step.tx;
    this.#runServer(key, entry, step.commands);
  }

  #runClient(
    key: string,
    entry: Entry<ClientTx> & { handlers: ClientTransactionHandlers },
    commands: readonly TransactionCommand[],
  ): void {
    this.#run(entry, commands, {
      timer: (timer) => this.#stepClient(key, entry, { kind: "timer", timer }),
      transportError: () => this.#stepClient(key, entry, { kind: "transport_error" }),
      toTu: (message) => {
        if (message.kind === "response") entry.handlers.onResponse(message);
      },
      tuError: (reason) => entry.handlers.onError(reason),
      terminated: () => {
        if (this.#clients.get(key) === entry) this.#clients.delete(key);
      },
    });
  }

  #runServer(key: string, entry: Entry<ServerTx>, commands: readonly TransactionCommand[]): void {
    this.#run(entry, commands, {
      timer: (timer) => this.#stepServer(key, entry, { kind: "timer", timer }),
      transportError: () => this.#stepServer(key, entry, { kind: "transport_error" }),
      toTu: () => {},
      tuError: (reason) =>
        this.#options.logger.debug({ key, reason }, "sip server transaction ended without ACK"),
      terminated: () => {
        if (this.#servers.get(key) === entry) this.#servers.delete(key);
      },
    });
  }

  #run(
    entry: Entry<ClientTx | ServerTx>,
    commands: readonly TransactionCommand[],
    on: {
      timer(timer: SipTimerName): void;
      transportError(): void;
      toTu(message: SipRequest | SipResponse): void;
      tuError(reason: "timeout" | "transport_error"): void;
      terminated(): void;
    },
  ): void {
    for (const command of commands) {
      switch (command.kind) {
        case "send":
          this.#options.send(serializeSipMessage(command.message), entry.peer).catch((error: unknown) => {
            this.#options.logger.debug({ err: error }, "sip transaction send failed");
            on.transportError();
          });
          break;
        case "start_timer": {
          clearTimeout(entry.timers.get(command.timer));
          const handle = setTimeout(() => {
            entry.timers.delete(command.timer);
            on.timer(command.timer);
          }, command.ms);
          entry.timers.set(command.timer, handle);
          break;
        }
        case "stop_timer":
          clearTimeout(entry.timers.get(command.timer));
          entry.timers.delete(command.timer);
          break;
        case "to_tu":
          on.toTu(command.message);
          break;
        case "tu_error":
          on.tuError(command.reason);
          break;
        case "terminated":
          for (const timer of entry.timers.values()) clearTimeout(timer);
          entry.timers.clear();
          on.terminated();
          break;
      }
    }
  }
}
