import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type IvrCommand, ManualClock, startIvr, stepIvr, validateFlow } from "@sentra/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IvrLookupExecutor } from "./ivr-lookup-executor.js";

/** A stand-in for a customer's CRM on loopback: each path answers in its own (mis)behaving way. */
function fakeCrm(): Server {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      if (url.pathname === "/customers") {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ customer: { tier: "gold", phone: url.searchParams.get("phone") } }));
      } else if (url.pathname === "/echo") {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ method: request.method, received: JSON.parse(body || "null") }));
      } else if (url.pathname === "/slow") {
        setTimeout(() => response.end("{}"), 2_000);
      } else if (url.pathname === "/huge") {
        response.write(`{"pad":"`);
        const chunk = "x".repeat(16 * 1024);
        for (let i = 0; i < 16; i++) response.write(chunk);
        response.end(`"}`);
      } else if (url.pathname === "/html") {
        response.end("<html>oops</html>");
      } else {
        response.statusCode = 500;
        response.end("{}");
      }
    });
  });
  return server;
}

describe("IVR HTTP lookups", () => {
  let server: Server;
  let base = "";
  const executor = new IvrLookupExecutor();

  beforeAll(async () => {
    server = fakeCrm();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const get = (path: string, timeoutMs = 1_000) =>
    executor.execute({ method: "GET", url: `${base}${path}`, timeoutMs });

  it("returns the parsed JSON body as a lookup result", async () => {
    expect(await get("/customers?phone=%2B62811")).toEqual({
      type: "lookupResult",
      body: { customer: { tier: "gold", phone: "+62811" } },
    });
  });

  it("sends a POST's variables as a JSON object", async () => {
    const event = await executor.execute({
      method: "POST",
      url: `${base}/echo`,
      body: { customerNumber: "12345" },
      timeoutMs: 1_000,
    });
    expect(event).toEqual({
      type: "lookupResult",
      body: { method: "POST", received: { customerNumber: "12345" } },
    });
  });

  it.each([
    ["an error status", "/missing", "status_500"],
    ["a body that is not JSON", "/html", "not_json"],
    ["a body over the size limit", "/huge", "too_large"],
  ])("fails the lookup on %s", async (_, path, reason) => {
    expect(await get(path)).toEqual({ type: "lookupFailed", reason });
  });

  it("gives up after the flow's timeout", async () => {
    const started = Date.now();
    expect(await get("/slow", 200)).toEqual({ type: "lookupFailed", reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("refuses URLs that are not http or https, and hosts the installation does not allow", async () => {
    expect(await executor.execute({ method: "GET", url: "file:///etc/passwd", timeoutMs: 100 })).toEqual({
      type: "lookupFailed",
      reason: "bad_scheme",
    });
    const strict = new IvrLookupExecutor({ hostAllowed: (host) => host !== "127.0.0.1" });
    expect(await strict.execute({ method: "GET", url: `${base}/customers`, timeoutMs: 100 })).toEqual({
      type: "lookupFailed",
      reason: "host_not_allowed",
    });
  });

  it("reports an unreachable host as a failed lookup", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(
      await executor.execute({ method: "GET", url: `http://127.0.0.1:${port}/`, timeoutMs: 500 }),
    ).toEqual({
      type: "lookupFailed",
      reason: "unreachable",
    });
  });

  it("feeds the interpreter: a gold customer found by the caller's number jumps the queue", async () => {
    const checked = validateFlow({
      entry: "lookup",
      nodes: {
        lookup: {
          type: "httpLookup",
          url: `${base}/customers?phone={{callerNumber}}`,
          map: { tier: "customer.tier" },
          next: "route",
          onError: "normal",
        },
        route: {
          type: "condition",
          rules: [{ variable: "tier", op: "equals", value: "gold", next: "vip" }],
          otherwise: "normal",
        },
        vip: { type: "transfer", queueId: "7d0c2b9e-2f7a-4c1e-9a51-0b8f5e2f7a10", priority: 50 },
        normal: { type: "transfer", queueId: "7d0c2b9e-2f7a-4c1e-9a51-0b8f5e2f7a10" },
      },
    });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const clock = new ManualClock(0);
    const start = startIvr(checked.flow, { dialedNumber: "1000", callerNumber: "+6281234" }, clock);
    const lookup = start.commands[0] as Extract<IvrCommand, { type: "httpLookup" }>;
    const next = stepIvr(start.state, await executor.execute(lookup.request), clock);
    expect(next.commands).toEqual([
      expect.objectContaining({
        type: "transferToQueue",
        priority: 50,
        variables: expect.objectContaining({ tier: "gold" }),
      }),
    ]);
  });
});
