import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RealtimeClient, type RealtimeEvent, type SocketLike } from "./realtime-client";

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closed = false;
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
  deliver(topic: string, type: string) {
    const event: RealtimeEvent = { id: type, tenantId: "t", topic, type, at: "", data: null };
    this.onmessage?.({ data: JSON.stringify({ type: "event", topic, event }) });
  }
}

describe("RealtimeClient", () => {
  let sockets: FakeSocket[];
  let client: RealtimeClient;
  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    client = new RealtimeClient(() => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    });
  });
  afterEach(() => vi.useRealTimers());

  it("connects on first use, subscribes each topic once, and routes events by topic", () => {
    const tenant: string[] = [];
    const wallboard: string[] = [];
    client.subscribe("tenant", (e) => tenant.push(e.type));
    client.subscribe("tenant", (e) => tenant.push(`again ${e.type}`));
    client.subscribe("wallboard", (e) => wallboard.push(e.type));
    expect(sockets).toHaveLength(1);
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([
      { type: "subscribe", topic: "tenant" },
      { type: "subscribe", topic: "wallboard" },
    ]);
    sockets[0]!.deliver("tenant", "user.created");
    expect(tenant).toEqual(["user.created", "again user.created"]);
    expect(wallboard).toEqual([]);
  });

  it("reconnects with backoff after a drop and subscribes again", () => {
    const seen: string[] = [];
    client.subscribe("tenant", (e) => seen.push(e.type));
    sockets[0]!.open();
    sockets[0]!.drop();
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(sockets[1]!.sent).toEqual([{ type: "subscribe", topic: "tenant" }]);
    sockets[1]!.deliver("tenant", "user.updated");
    expect(seen).toEqual(["user.updated"]);
  });

  it("closes when the last subscriber leaves and does not reconnect", () => {
    const off = client.subscribe("tenant", () => {});
    sockets[0]!.open();
    off();
    expect(sockets[0]!.closed).toBe(true);
    sockets[0]!.drop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it("ignores messages that are not events or not JSON", () => {
    const seen: string[] = [];
    client.subscribe("tenant", (e) => seen.push(e.type));
    sockets[0]!.open();
    sockets[0]!.onmessage?.({ data: "not json" });
    sockets[0]!.onmessage?.({ data: JSON.stringify({ type: "welcome" }) });
    expect(seen).toEqual([]);
  });
});
