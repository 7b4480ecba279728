import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** One registry per server instance, so several servers in one test process never mix their figures. */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<"method" | "route" | "status">;
  readonly realtimeConnections: Gauge;
  readonly eventsPublished: Counter<"type">;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "sentra_" });
    this.httpDuration = new Histogram({
      name: "sentra_http_request_duration_seconds",
      help: "HTTP request duration by route and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.realtimeConnections = new Gauge({
      name: "sentra_realtime_connections",
      help: "Open realtime WebSocket connections",
      registers: [this.registry],
    });
    this.eventsPublished = new Counter({
      name: "sentra_events_published_total",
      help: "Domain events published on the event bus",
      labelNames: ["type"],
      registers: [this.registry],
    });
  }
}
