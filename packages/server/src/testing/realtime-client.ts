import WebSocket from "ws";

export interface RealtimeMessage {
  type: string;
  topic?: string;
  event?: { type: string; tenantId: string; data: Record<string, unknown> };
  error?: { code: string; message: string };
}

/** A WebSocket client that records every message, for asserting what a subscriber saw. */
export class RealtimeClient {
  readonly messages: RealtimeMessage[] = [];
  readonly #waiters: { match: (m: RealtimeMessage) => boolean; resolve: (m: RealtimeMessage) => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const message = JSON.parse(data.toString()) as RealtimeMessage;
      this.messages.push(message);
      for (const waiter of [...this.#waiters]) {
        if (waiter.match(message)) {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    });
  }

  static connect(baseUrl: string, token: string): Promise<RealtimeClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/api/v1/realtime`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const client = new RealtimeClient(socket);
    return new Promise((resolve, reject) => {
      socket.once("unexpected-response", (_req, res) =>
        reject(new Error(`realtime refused: HTTP ${res.statusCode}`)),
      );
      socket.once("error", reject);
      client.next((m) => m.type === "welcome").then(() => resolve(client), reject);
    });
  }

  next(match: (m: RealtimeMessage) => boolean, timeoutMs = 5_000): Promise<RealtimeMessage> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching realtime message in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  send(message: unknown): void {
    this.socket.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  async subscribe(topic: string): Promise<void> {
    this.send({ type: "subscribe", topic });
    await this.next((m) => m.type === "subscribed" && m.topic === topic);
  }

  close(): void {
    this.socket.close();
  }
}
