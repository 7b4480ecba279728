/** A domain event as the server publishes it on a realtime topic. */
export interface RealtimeEvent {
  id: string;
  tenantId: string;
  topic: string;
  type: string;
  at: string;
  data: unknown;
}

type ServerMessage =
  | { type: "welcome" }
  | { type: "subscribed"; topic: string }
  | { type: "event"; topic: string; event: RealtimeEvent }
  | { type: "error"; error: { code: string; message: string } };

export type RealtimeListener = (event: RealtimeEvent) => void;

/** The subset of the browser WebSocket the client needs; tests pass a fake. */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: (() => void) | null;
  onclose: (() => void) | null;
  onmessage: ((message: { data: unknown }) => void) | null;
}

const OPEN = 1;
const MAX_BACKOFF_MS = 30_000;

/**
 * One WebSocket per tab, shared by every subscriber. It connects on the first subscription, closes after the
 * last one goes, and reconnects with capped, jittered backoff — re-subscribing every topic — so a server
 * restart or a network blip heals without a page reload.
 */
export class RealtimeClient {
  readonly #listeners = new Map<string, Set<RealtimeListener>>();
  #socket: SocketLike | null = null;
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly open: () => SocketLike) {}

  subscribe(topic: string, listener: RealtimeListener): () => void {
    let set = this.#listeners.get(topic);
    if (!set) {
      set = new Set();
      this.#listeners.set(topic, set);
      this.#sendSubscribe(topic);
    }
    set.add(listener);
    this.#ensureConnected();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(topic);
      // The server has no unsubscribe message; a topic nobody listens to is simply ignored here.
      if (this.#listeners.size === 0) this.#disconnect();
    };
  }

  #ensureConnected(): void {
    if (this.#socket || this.#retryTimer) return;
    const socket = this.open();
    this.#socket = socket;
    socket.onopen = () => {
      this.#attempt = 0;
      for (const topic of this.#listeners.keys()) this.#sendSubscribe(topic);
    };
    socket.onmessage = (message) => this.#receive(message.data);
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      if (this.#listeners.size > 0) this.#scheduleReconnect();
    };
  }

  #scheduleReconnect(): void {
    const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.#attempt);
    this.#attempt += 1;
    const delay = base / 2 + Math.random() * (base / 2);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      if (this.#listeners.size > 0) this.#ensureConnected();
    }, delay);
  }

  #disconnect(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    const socket = this.#socket;
    this.#socket = null;
    socket?.close();
  }

  #sendSubscribe(topic: string): void {
    if (this.#socket?.readyState === OPEN) this.#socket.send(JSON.stringify({ type: "subscribe", topic }));
  }

  #receive(data: unknown): void {
    if (typeof data !== "string") return;
    let message: ServerMessage;
    try {
      message = JSON.parse(data) as ServerMessage;
    } catch {
      return;
    }
    if (message.type !== "event") return;
    for (const listener of this.#listeners.get(message.topic) ?? []) listener(message.event);
  }
}

/** Adapts the browser WebSocket to SocketLike (its handlers take DOM events, which tests cannot build). */
export function browserSocket(): SocketLike {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const ws = new WebSocket(`${scheme}://${window.location.host}/api/v1/realtime`);
  const adapter: SocketLike = {
    get readyState() {
      return ws.readyState;
    },
    send: (data) => ws.send(data),
    close: () => ws.close(),
    onopen: null,
    onclose: null,
    onmessage: null,
  };
  ws.onopen = () => adapter.onopen?.();
  ws.onclose = () => adapter.onclose?.();
  ws.onmessage = (message) => adapter.onmessage?.({ data: message.data });
  return adapter;
}
