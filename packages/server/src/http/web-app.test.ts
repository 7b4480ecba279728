import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentraApp } from "./api.js";
import { registerWebApp } from "./web-app.js";

/** A bare app with the same JSON 404 as the real one, so the fallback's hand-off to it is visible. */
async function appServing(distDir: string): Promise<SentraApp> {
  const app = Fastify({ loggerInstance: pino({ level: "silent" }) });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: { code: "route_not_found", message: "no route", details: null } }),
  );
  app.get("/api/v1/known", { config: { access: "public" } }, async () => ({ ok: true }));
  app.get("/health", { config: { access: "public" } }, async () => ({ status: "ok" }));
  await registerWebApp(app, distDir);
  await app.ready();
  return app;
}

describe("the web app route", () => {
  let dist: string;
  let app: SentraApp;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "sentra-web-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log(1)");
    writeFileSync(join(dist, "favicon.svg"), "<svg/>");
    app = await appServing(dist);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("serves index.html at / and for client routes, never cached", async () => {
    for (const url of ["/", "/login", "/admin/users", "/admin/users?cursor=x"]) {
      const reply = await app.inject({ url });
      expect(reply.statusCode, url).toBe(200);
      expect(reply.body).toContain("<title>app</title>");
      expect(reply.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("serves built files, hashed assets cached for a year", async () => {
    const asset = await app.inject({ url: "/assets/index-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe("console.log(1)");
    expect(asset.headers["cache-control"]).toContain("immutable");
    expect((await app.inject({ url: "/favicon.svg" })).statusCode).toBe(200);
  });

  it("leaves the API, /health and /metrics to their routes and their JSON 404", async () => {
    expect((await app.inject({ url: "/api/v1/known" })).json()).toEqual({ ok: true });
    expect((await app.inject({ url: "/health" })).json()).toEqual({ status: "ok" });
    for (const url of ["/api/v1/nothing-here", "/api/other", "/metrics", "/api"]) {
      const reply = await app.inject({ url });
      expect(reply.statusCode, url).toBe(404);
      expect(reply.json().error.code).toBe("route_not_found");
    }
    expect((await app.inject({ method: "POST", url: "/admin/users" })).statusCode).toBe(404);
  });

  it("answers 404 for a missing file rather than the app, and refuses to leave the folder", async () => {
    expect((await app.inject({ url: "/assets/gone-123.js" })).statusCode).toBe(404);
    const traversal = await app.inject({ url: "/..%2F..%2Fetc%2Fpasswd" });
    expect(traversal.body).not.toContain("root:");
  });
});

describe("the web app route before the app is built", () => {
  it("says how to build it", async () => {
    const app = await appServing(join(tmpdir(), "sentra-web-does-not-exist"));
    const reply = await app.inject({ url: "/admin/users" });
    expect(reply.statusCode).toBe(503);
    expect(reply.headers["content-type"]).toContain("text/html");
    expect(reply.body).toContain("npm run build");
    expect((await app.inject({ url: "/api/v1/nothing-here" })).statusCode).toBe(404);
    await app.close();
  });
});
